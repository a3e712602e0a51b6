// Reads `pulumi stack export` output (an untyped deployment, version 3) into the resources the engine would send
// an analyzer, offline, as `pulumi policy analyze` does against a live stack. Encrypted secrets cannot be read
// without the stack's secrets provider: they become secret values that are unknown, so policies say "cannot
// verify" instead of guessing. Malformed input is refused with a message that names what is wrong and where.
import { RESOURCE_SIG, SECRET_SIG, SIG_KEY, UNKNOWN_SENTINEL, WireProperties, WireResource, WireValue, wireSecret } from "../driver/wire";

export class StackExportError extends Error {}

const SUPPORTED_VERSIONS = [1, 2, 3];

export interface ExportedStack {
    project: string;
    stack: string;
    /** For Analyze: each resource's inputs. */
    analyze: WireResource[];
    /** For AnalyzeStack: each resource's outputs (its inputs when it has none). */
    stackState: WireResource[];
}

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A state value in the analyzer's encoding: secrets kept (decrypted when the export has plaintext), references as ids. */
function toWire(value: unknown): WireValue {
    if (value === null || value === undefined) return null;
    if (Array.isArray(value)) return value.map(toWire);
    if (!isObject(value)) return value as WireValue;
    const sig = value[SIG_KEY];
    if (sig === SECRET_SIG) {
        if (typeof value.plaintext === "string") {
            try {
                return wireSecret(toWire(JSON.parse(value.plaintext)));
            } catch {
                return wireSecret(value.plaintext);
            }
        }
        if ("value" in value) return wireSecret(toWire(value.value));
        return wireSecret(UNKNOWN_SENTINEL);
    }
    if (sig === RESOURCE_SIG) return typeof value.id === "string" && value.id !== "" ? value.id : String(value.urn ?? UNKNOWN_SENTINEL);
    const out: Record<string, WireValue> = {};
    for (const [k, v] of Object.entries(value)) if (!k.startsWith("__")) out[k] = toWire(v);
    if (typeof sig === "string") out[SIG_KEY] = sig;
    return out;
}

function properties(value: unknown): WireProperties {
    const wire = toWire(value ?? {});
    return isObject(wire) ? (wire as WireProperties) : {};
}

function stringList(value: unknown, where: string): string[] {
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) throw new StackExportError(`${where} must be a list of urns`);
    return value as string[];
}

export function parseStackExport(text: string, file: string): ExportedStack {
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (e) {
        throw new StackExportError(`${file}: not valid JSON (${(e as Error).message})`);
    }
    if (!isObject(doc)) throw new StackExportError(`${file}: expected the object that \`pulumi stack export\` writes`);
    if (!SUPPORTED_VERSIONS.includes(doc.version as number)) {
        throw new StackExportError(`${file}: "version" is ${JSON.stringify(doc.version)}; msp-guard reads deployment versions ${SUPPORTED_VERSIONS.join(", ")}`);
    }
    const deployment = doc.deployment;
    if (!isObject(deployment)) throw new StackExportError(`${file}: has no "deployment" object`);
    const rawResources = deployment.resources ?? [];
    if (!Array.isArray(rawResources)) throw new StackExportError(`${file}: "deployment.resources" must be a list`);

    const states = rawResources.map((r, i) => {
        const where = `${file}: deployment.resources[${i}]`;
        if (!isObject(r)) throw new StackExportError(`${where} must be an object`);
        if (typeof r.urn !== "string" || !r.urn.startsWith("urn:pulumi:")) throw new StackExportError(`${where}.urn is missing or not a Pulumi urn`);
        if (typeof r.type !== "string" || r.type === "") throw new StackExportError(`${where}.type is missing`);
        if (r.inputs !== undefined && !isObject(r.inputs)) throw new StackExportError(`${where}.inputs must be an object`);
        if (r.outputs !== undefined && !isObject(r.outputs)) throw new StackExportError(`${where}.outputs must be an object`);
        const propertyDependencies: Record<string, string[]> = {};
        if (r.propertyDependencies !== undefined) {
            if (!isObject(r.propertyDependencies)) throw new StackExportError(`${where}.propertyDependencies must be an object`);
            for (const [k, v] of Object.entries(r.propertyDependencies)) propertyDependencies[k] = stringList(v, `${where}.propertyDependencies.${k}`);
        }
        return { raw: r, urn: r.urn, type: r.type, where, propertyDependencies };
    });

    const byUrn = new Map(states.map((s) => [s.urn, s]));
    const root = states.find((s) => s.type === "pulumi:pulumi:Stack");
    const [stack, project] = (root?.urn ?? states[0]?.urn ?? "urn:pulumi:stack::project::x::x").slice("urn:pulumi:".length).split("::");

    const analyze: WireResource[] = [];
    const stackState: WireResource[] = [];
    for (const s of states) {
        const r = s.raw;
        const name = s.urn.slice(s.urn.lastIndexOf("::") + 2);
        let provider: WireResource["provider"];
        if (typeof r.provider === "string" && r.provider !== "") {
            const providerUrn = r.provider.slice(0, r.provider.lastIndexOf("::"));
            const p = byUrn.get(providerUrn);
            provider = { urn: providerUrn, type: p?.type ?? providerUrn.split("::")[2] ?? "", name: providerUrn.slice(providerUrn.lastIndexOf("::") + 2), properties: properties(p?.raw.inputs) };
        }
        const base = {
            urn: s.urn,
            type: s.type,
            name,
            parent: typeof r.parent === "string" && r.parent !== "" ? r.parent : undefined,
            dependencies: stringList(r.dependencies, `${s.where}.dependencies`),
            propertyDependencies: s.propertyDependencies,
            provider,
            options: { protect: r.protect === true, additionalSecretOutputs: stringList(r.additionalSecretOutputs, `${s.where}.additionalSecretOutputs`) },
        };
        const inputs = properties(r.inputs);
        const outputs = r.outputs === undefined ? inputs : properties(r.outputs);
        if (typeof r.id === "string" && r.id !== "" && !("id" in outputs)) outputs.id = r.id;
        // The engine analyzes every resource it registers but providers and the root stack.
        if (!s.type.startsWith("pulumi:providers:") && s.type !== "pulumi:pulumi:Stack") analyze.push({ ...base, properties: inputs });
        stackState.push({ ...base, properties: outputs });
    }
    return { project: project ?? "project", stack: stack ?? "stack", analyze, stackState };
}
