// Policy-pack config, handled the way the Pulumi CLI handles `--policy-pack-config`: each entry is a policy name
// (or `all`) mapped to an enforcement level, or to an object with an optional `enforcementLevel` and properties.
// The effective config of each policy starts from its schema defaults and its default level, then the pack's
// initial config, then the user's file (`all` first, then per policy); the result is validated against each
// policy's schema, and errors name the policy and the key.
import type { ErrorObject } from "ajv";
import Ajv from "ajv";
import type { Level, PolicyConfig, WireAnalyzerInfo, WirePolicyInfo } from "./wire";

export class PolicyConfigError extends Error {
    constructor(readonly problems: string[]) {
        super(`Invalid policy-pack config:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    }
}

const LEVELS: readonly Level[] = ["advisory", "mandatory", "remediate", "disabled"];

interface Entry {
    enforcementLevel?: Level;
    properties: Record<string, unknown>;
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Parses one config document (already JSON-parsed); problems name the key. */
export function parsePolicyPackConfig(raw: unknown, source = "config"): Record<string, Entry> {
    if (!isRecord(raw)) throw new PolicyConfigError([`${source}: expected an object mapping policy names to settings`]);
    const problems: string[] = [];
    const entries: Record<string, Entry> = {};
    for (const [name, value] of Object.entries(raw)) {
        if (typeof value === "string") {
            if (!LEVELS.includes(value as Level)) problems.push(`${source}: "${name}": "${value}" is not an enforcement level (${LEVELS.join(", ")})`);
            else entries[name] = { enforcementLevel: value as Level, properties: {} };
        } else if (isRecord(value)) {
            const { enforcementLevel, ...properties } = value;
            if (enforcementLevel !== undefined && !LEVELS.includes(enforcementLevel as Level)) {
                problems.push(`${source}: "${name}": enforcementLevel ${JSON.stringify(enforcementLevel)} is not one of ${LEVELS.join(", ")}`);
                continue;
            }
            entries[name] = { enforcementLevel: enforcementLevel as Level | undefined, properties };
        } else {
            problems.push(`${source}: "${name}": expected an enforcement level or an object, got ${JSON.stringify(value)}`);
        }
    }
    if (problems.length > 0) throw new PolicyConfigError(problems);
    return entries;
}

function schemaDefaults(policy: WirePolicyInfo): Record<string, unknown> {
    const defaults: Record<string, unknown> = {};
    for (const [key, schema] of Object.entries(policy.configSchema?.properties ?? {})) {
        if (schema && "default" in schema) defaults[key] = schema.default;
    }
    return defaults;
}

function apply(result: Record<string, PolicyConfig>, given: Record<string, Entry>, source: string, problems: string[]): void {
    const all = given.all;
    if (all?.enforcementLevel) for (const cfg of Object.values(result)) cfg.enforcementLevel = all.enforcementLevel;
    if (all && Object.keys(all.properties).length > 0) problems.push(`${source}: "all" takes only an enforcement level`);
    for (const [name, entry] of Object.entries(given)) {
        if (name === "all") continue;
        const cfg = result[name];
        if (!cfg) {
            problems.push(`${source}: "${name}" is not a policy of this pack`);
            continue;
        }
        if (entry.enforcementLevel) cfg.enforcementLevel = entry.enforcementLevel;
        Object.assign(cfg.properties, entry.properties);
    }
}

function describe(policy: string, error: ErrorObject): string {
    const path = error.instancePath.split("/").filter(Boolean);
    const at = path.length === 0 ? "" : `key "${path[0]}"${path.length > 1 ? ` at ${path.slice(1).join(".")}` : ""}`;
    const within = at ? `${at}: ` : "";
    if (error.keyword === "additionalProperties") return `policy "${policy}": ${within}unknown key "${String(error.params.additionalProperty)}"`;
    if (error.keyword === "required") return `policy "${policy}": ${within}key "${String(error.params.missingProperty)}" is required`;
    return `policy "${policy}": ${at || "config"} ${error.message ?? "is invalid"}`;
}

/**
 * The effective config of every policy, validated. `given` documents are applied in order (the pack's initial
 * config comes first, from GetAnalyzerInfo).
 */
export function reconcilePolicyConfig(info: WireAnalyzerInfo, given: Array<{ source: string; entries: Record<string, Entry> }>): Record<string, PolicyConfig> {
    const result: Record<string, PolicyConfig> = {};
    for (const policy of info.policies) result[policy.name] = { enforcementLevel: policy.enforcementLevel, properties: schemaDefaults(policy) };
    const problems: string[] = [];
    const initial: Record<string, Entry> = {};
    for (const [name, cfg] of Object.entries(info.initialConfig)) initial[name] = { enforcementLevel: cfg.enforcementLevel, properties: cfg.properties ?? {} };
    apply(result, initial, "the pack's initial config", problems);
    for (const doc of given) apply(result, doc.entries, doc.source, problems);

    const ajv = new Ajv({ allErrors: true, strict: false });
    for (const policy of info.policies) {
        if (!policy.configSchema) continue;
        const schema = {
            type: "object",
            properties: policy.configSchema.properties,
            required: policy.configSchema.required ?? [],
            additionalProperties: false,
        };
        const validate = ajv.compile(schema);
        if (!validate(result[policy.name].properties)) for (const e of validate.errors ?? []) problems.push(describe(policy.name, e));
    }
    if (problems.length > 0) throw new PolicyConfigError(problems);
    return result;
}
