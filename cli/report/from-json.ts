// Reads a saved `--format json` report (docs/json-report.md) back into the RunReport it was written from, so
// `msp-guard report --from` builds the evidence of a run without running the pack again. Anything else is refused
// with the file and the field that is wrong: evidence must not be built from a guess.
import type { Level, SeverityName, WirePolicyInfo } from "../driver/wire";
import { JSON_SCHEMA_VERSION } from "../format/json";
import type { Exemption, Finding, RunReport } from "../run/findings";

export class ReportInputError extends Error {}

type Json = Record<string, unknown>;

const LEVELS: readonly Level[] = ["advisory", "mandatory", "remediate", "disabled"];
const SEVERITIES: readonly SeverityName[] = ["low", "medium", "high", "critical", "unspecified"];
const POLICY_TYPES: ReadonlyArray<WirePolicyInfo["policyType"]> = ["resource", "stack", "unknown"];

/** Typed field access that names the field in its error. */
class Reader {
    constructor(
        private readonly file: string,
        private readonly value: Json,
        private readonly where: string,
    ) {}

    private fail(key: string, expected: string): never {
        throw new ReportInputError(`${this.file}: "${this.where}${key}" must be ${expected}`);
    }

    string(key: string): string {
        const v = this.value[key];
        return typeof v === "string" ? v : this.fail(key, "a string");
    }

    optionalString(key: string): string | undefined {
        const v = this.value[key];
        return v === undefined || v === null ? undefined : this.string(key);
    }

    number(key: string): number {
        const v = this.value[key];
        return typeof v === "number" && Number.isFinite(v) ? v : this.fail(key, "a number");
    }

    boolean(key: string): boolean {
        const v = this.value[key];
        return typeof v === "boolean" ? v : this.fail(key, "true or false");
    }

    oneOf<T extends string>(key: string, choices: readonly T[]): T {
        const v = this.value[key];
        return choices.includes(v as T) ? (v as T) : this.fail(key, `one of ${choices.join(", ")}`);
    }

    strings(key: string): string[] {
        const v = this.value[key];
        return Array.isArray(v) && v.every((s) => typeof s === "string") ? (v as string[]) : this.fail(key, "a list of strings");
    }

    object(key: string): Reader {
        const v = this.value[key];
        return isObject(v) ? new Reader(this.file, v, `${this.where}${key}.`) : this.fail(key, "an object");
    }

    optionalObject(key: string): Reader | undefined {
        const v = this.value[key];
        return v === undefined || v === null ? undefined : this.object(key);
    }

    list(key: string, missing?: string): Reader[] {
        const v = this.value[key];
        if (v === undefined && missing) throw new ReportInputError(`${this.file}: has no "${this.where}${key}" list; ${missing}`);
        if (!Array.isArray(v)) return this.fail(key, "a list");
        return v.map((item, i) => (isObject(item) ? new Reader(this.file, item, `${this.where}${key}[${i}].`) : this.fail(`${key}[${i}]`, "an object")));
    }
}

function isObject(value: unknown): value is Json {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function policyOf(p: Reader): WirePolicyInfo {
    const framework = p.optionalObject("framework");
    return {
        name: p.string("name"),
        displayName: p.optionalString("displayName") ?? "",
        description: p.optionalString("description") ?? "",
        enforcementLevel: p.oneOf("enforcementLevel", LEVELS),
        policyType: p.oneOf("policyType", POLICY_TYPES),
        severity: p.oneOf("severity", SEVERITIES),
        framework: framework && {
            name: framework.string("name"),
            version: framework.string("version"),
            reference: framework.string("reference"),
            specification: framework.string("specification"),
        },
        tags: p.strings("tags"),
        remediationSteps: p.optionalString("remediationSteps") ?? "",
        url: p.optionalString("url") ?? "",
    };
}

function findingOf(f: Reader): Finding {
    const e = f.optionalObject("exemption");
    const exemption: Exemption | undefined = e && { source: e.oneOf("source", ["tag", "config"] as const), reason: e.string("reason"), until: e.optionalString("until") };
    if (exemption && exemption.until === undefined) delete exemption.until;
    return {
        policy: f.string("policy"),
        level: f.oneOf("level", LEVELS),
        severity: f.oneOf("severity", SEVERITIES),
        urn: f.string("urn"),
        resourceType: f.string("resourceType"),
        resourceName: f.string("resourceName"),
        message: f.string("message"),
        description: f.string("description"),
        recommendations: f.strings("recommendations"),
        exemption,
        unverifiable: f.boolean("unverifiable"),
    };
}

export function parseJsonReport(text: string, file: string): RunReport {
    let doc: unknown;
    try {
        doc = JSON.parse(text);
    } catch (e) {
        throw new ReportInputError(`${file}: not valid JSON (${(e as Error).message})`);
    }
    if (!isObject(doc) || !("schemaVersion" in doc) || !("findings" in doc)) {
        throw new ReportInputError(`${file}: not an msp-guard JSON report (write one with \`msp-guard preview|audit … --format json\`)`);
    }
    if (doc.schemaVersion !== JSON_SCHEMA_VERSION) {
        throw new ReportInputError(`${file}: "schemaVersion" is ${JSON.stringify(doc.schemaVersion)}; this msp-guard reads version ${JSON_SCHEMA_VERSION}`);
    }
    const root = new Reader(file, doc, "");
    const rerun = "the report was written by an older msp-guard; run preview or audit again with --format json";
    const tool = root.object("tool");
    const run = root.object("run");
    const pack = root.object("pack");
    const entryFile = run.optionalString("entryFile");
    return {
        tool: { name: tool.string("name"), version: tool.string("version") },
        mode: run.oneOf("mode", ["preview", "audit"] as const),
        target: run.string("target"),
        ...(entryFile !== undefined ? { entryFile } : {}),
        project: run.string("project"),
        stack: run.string("stack"),
        startedAt: run.string("startedAt"),
        durationMs: run.number("durationMs"),
        pack: { name: pack.string("name"), version: pack.string("version"), dir: pack.optionalString("dir") ?? "" },
        configDigest: root.string("configDigest"),
        policies: root.list("policies", rerun).map(policyOf),
        resources: root.list("resources", rerun).map((r) => ({ urn: r.string("urn"), type: r.string("type"), name: r.string("name") })),
        findings: root.list("findings").map(findingOf),
    };
}
