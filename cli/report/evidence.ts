// The evidence report as data: a RunReport (a preview or an audit) read per AA22-131A recommendation, in the
// advisory's order. For each, the policies that serve it with the level in force, the resources each policy had in
// scope and what happened to each (failed, warning, exempted, passed), and a status. Pure: the CLI renders it as
// markdown, HTML or JSON; nothing here reads files or the clock.
import { FRAMEWORK, Recommendation, RecommendationId, RECOMMENDATIONS } from "../../policies/core/metadata";
import { typeMatcher } from "../../policies/core/policy";
import type { Level, SeverityName, WirePolicyInfo } from "../driver/wire";
import { httpUrl, waivedMessage } from "../format/view";
import { countByLevel, exitCodeOf, Exemption, Finding, RunReport } from "../run/findings";
import { Audience, RECOMMENDATION_NOTES } from "./catalogue";

export const EVIDENCE_SCHEMA_VERSION = 1;

/** What the report needs from a pack's registry: which types each policy reads. msp-guard's `policies` fits. */
export interface RegistryPolicy {
    name: string;
    kind: "resource" | "stack";
    /** Type tokens; `aws:*` for every type of a provider. */
    types: readonly string[];
}

export interface Registry {
    /** The pack these policies belong to: a run of another pack (even with a same-named policy) is not ours. */
    packName: string;
    policies: readonly RegistryPolicy[];
}

/**
 * What happened to one resource under one policy. `no-finding`: a stack policy reads this type but the registry
 * does not say whether it judges it (a VPC policy also reads flow logs), so no pass is claimed.
 */
export type Outcome = "failed" | "warning" | "exempted" | "passed" | "no-finding";

/**
 * How a policy's resources in scope were found. `types`: a resource policy, every resource of its types.
 * `types-read`: a stack policy, every resource of the types it reads. `unknown`: another pack's policy, only the
 * resources it reported on. `disabled`: the policy did not run.
 */
export type Scope = "types" | "types-read" | "unknown" | "disabled";

export type RecommendationStatus =
    | "failed" // a mandatory finding
    | "warnings" // advisory findings, none mandatory
    | "passed" // resources in scope, no finding but exempted ones
    | "no-findings" // only policies of unknown scope served it, and they reported nothing
    | "not-applicable" // its policies ran, but no resource of the stack was in their scope
    | "not-checked" // no enabled policy of the pack serves it
    | "attestation-required"; // no code can check it: the customer's or MSP's own evidence

export const STATUS_ORDER: readonly RecommendationStatus[] = ["failed", "warnings", "passed", "no-findings", "not-applicable", "not-checked", "attestation-required"];

export interface FindingEvidence {
    level: Level;
    severity: SeverityName;
    /** For an exempted finding, the finding it waived (the waiver is in `exemption`). */
    message: string;
    unverifiable: boolean;
    exemption: Exemption | null;
}

export interface ResourceEvidence {
    /** Empty for a finding about the stack as a whole. */
    urn: string;
    type: string;
    name: string;
    /** The worst of its findings under this policy: failed, then warning, then exempted. */
    outcome: Outcome;
    /** A warning only because a value is unknown during preview ("cannot verify during preview"). */
    unverifiable: boolean;
    findings: FindingEvidence[];
}

export interface Counts {
    /** Policy-resource pairs: a resource two policies check counts twice. */
    checked: number;
    failed: number;
    warnings: number;
    /** Of the warnings, those that only say "cannot verify during preview". */
    unverifiable: number;
    exempted: number;
    passed: number;
    noFinding: number;
}

export interface PolicyEvidence {
    name: string;
    description: string;
    severity: SeverityName;
    /** The level in force for the run (config may change the default); null for a policy the pack did not list. */
    level: Level | null;
    url: string | null;
    /** A policy of msp-guard's own registry: its types, and so its scope, are known. */
    known: boolean;
    kind: "resource" | "stack" | "unknown";
    types: string[] | null;
    scope: Scope;
    /** The AA22-131A ids of its `framework.specification`; empty when it maps to none. */
    recommendations: RecommendationId[];
    counts: Counts;
    resources: ResourceEvidence[];
}

export interface RecommendationEvidence {
    id: RecommendationId;
    title: string;
    for: Audience;
    checkable: Recommendation["checkable"];
    reference: string;
    status: RecommendationStatus;
    /** Names of the policies that serve it, in the pack's order (disabled ones included). */
    policies: string[];
    /** Distinct resources in scope of its enabled policies. */
    resources: number;
    counts: Counts;
    notCovered: string | null;
    attestation: string | null;
}

export interface EvidenceReport {
    schemaVersion: number;
    framework: { name: string; version: string; reference: string };
    tool: { name: string; version: string };
    run: { mode: "preview" | "audit"; target: string; project: string; stack: string; startedAt: string; durationMs: number };
    pack: { name: string; version: string };
    configDigest: string;
    verdict: "passed" | "failed";
    summary: {
        resources: number;
        policies: number;
        mandatory: number;
        advisory: number;
        exempted: number;
        statuses: Record<RecommendationStatus, number>;
    };
    recommendations: RecommendationEvidence[];
    /** Every policy of the run, in the pack's order; those serving no recommendation have `recommendations: []`. */
    policies: PolicyEvidence[];
}

// ---------------------------------------------------------------------------------------------------------------

const ROOT_STACK = "pulumi:pulumi:Stack";

/** Whether a type is one of a policy's type tokens (`aws:*`: every type of the provider), as the pack's wrapper decides. */
export function coversType(types: readonly string[], type: string): boolean {
    return typeMatcher(types)(type);
}

/** The AA22-131A ids a policy serves, from its framework metadata; another framework's ids are not ours. */
function recommendationsOf(policy: WirePolicyInfo | undefined): RecommendationId[] {
    if (!policy?.framework || policy.framework.name !== FRAMEWORK.name) return [];
    const ids = policy.framework.specification.split(",").map((s) => s.trim());
    return RECOMMENDATIONS.map((r) => r.id).filter((id) => ids.includes(id));
}

const OUTCOME_RANK: Record<Outcome, number> = { failed: 0, warning: 1, exempted: 2, passed: 3, "no-finding": 4 };

function outcomeOf(f: Finding): Outcome {
    if (f.exemption) return "exempted";
    return f.level === "mandatory" ? "failed" : "warning";
}

function resourceEvidence(urn: string, type: string, name: string, findings: readonly Finding[], clean: Outcome): ResourceEvidence {
    const outcome = findings.map(outcomeOf).reduce<Outcome>((worst, o) => (OUTCOME_RANK[o] < OUTCOME_RANK[worst] ? o : worst), clean);
    const warnings = findings.filter((f) => outcomeOf(f) === "warning");
    return {
        urn,
        type,
        name,
        outcome,
        unverifiable: outcome === "warning" && warnings.every((f) => f.unverifiable),
        findings: findings.map((f) => ({ level: f.level, severity: f.severity, message: waivedMessage(f), unverifiable: f.unverifiable, exemption: f.exemption ?? null })),
    };
}

function emptyCounts(): Counts {
    return { checked: 0, failed: 0, warnings: 0, unverifiable: 0, exempted: 0, passed: 0, noFinding: 0 };
}

function addOutcome(counts: Counts, r: ResourceEvidence): void {
    counts.checked++;
    if (r.outcome === "failed") counts.failed++;
    else if (r.outcome === "warning") {
        counts.warnings++;
        if (r.unverifiable) counts.unverifiable++;
    } else if (r.outcome === "exempted") counts.exempted++;
    else if (r.outcome === "passed") counts.passed++;
    else counts.noFinding++;
}

function sumCounts(all: readonly Counts[]): Counts {
    const total = emptyCounts();
    for (const c of all) for (const key of Object.keys(total) as Array<keyof Counts>) total[key] += c[key];
    return total;
}

function policyEvidence(report: RunReport, name: string, info: WirePolicyInfo | undefined, own: RegistryPolicy | undefined, findings: readonly Finding[]): PolicyEvidence {
    const level = info?.enforcementLevel ?? null;
    const scope: Scope = level === "disabled" ? "disabled" : !own ? "unknown" : own.kind === "resource" ? "types" : "types-read";
    const byUrn = new Map<string, Finding[]>();
    for (const f of findings) byUrn.set(f.urn, [...(byUrn.get(f.urn) ?? []), f]);

    const resources: ResourceEvidence[] = [];
    if (scope === "types" || scope === "types-read") {
        const clean: Outcome = scope === "types" ? "passed" : "no-finding";
        // The engine sends neither providers nor the root stack to resource policies, and no policy names their types.
        for (const r of report.resources) {
            if (r.type === ROOT_STACK || r.type.startsWith("pulumi:providers:") || !coversType(own!.types, r.type)) continue;
            resources.push(resourceEvidence(r.urn, r.type, r.name, byUrn.get(r.urn) ?? [], clean));
            byUrn.delete(r.urn);
        }
    }
    // What the policy reported on outside the scope found above (all of it, for unknown scope): it was checked.
    for (const [urn, list] of byUrn) resources.push(resourceEvidence(urn, list[0].resourceType, list[0].resourceName, list, "passed"));

    const counts = emptyCounts();
    for (const r of resources) addOutcome(counts, r);
    return {
        name,
        description: info?.description ?? findings[0]?.description ?? "",
        severity: info?.severity ?? findings[0]?.severity ?? "unspecified",
        level,
        url: httpUrl(info?.url) ?? null,
        known: own !== undefined,
        kind: own?.kind ?? "unknown",
        types: own ? [...own.types] : null,
        scope,
        recommendations: info ? recommendationsOf(info) : RECOMMENDATIONS.map((r) => r.id).filter((id) => findings.some((f) => f.recommendations.includes(id))),
        counts,
        resources,
    };
}

function statusOf(rec: Recommendation, serving: readonly PolicyEvidence[], counts: Counts): RecommendationStatus {
    if (rec.checkable === "attestation") return "attestation-required";
    const enabled = serving.filter((p) => p.scope !== "disabled");
    if (enabled.length === 0) return "not-checked";
    if (counts.failed > 0) return "failed";
    if (counts.warnings > 0) return "warnings";
    if (counts.checked > 0) return "passed";
    // Nothing reported and nothing known in scope: with an unknown scope, "not applicable" would be a guess.
    return enabled.some((p) => p.scope === "unknown") ? "no-findings" : "not-applicable";
}

export function buildEvidence(report: RunReport, registry: Registry): EvidenceReport {
    const ours = report.pack.name === registry.packName ? new Map(registry.policies.map((p) => [p.name, p])) : new Map<string, RegistryPolicy>();
    const infos = new Map(report.policies.map((p) => [p.name, p]));
    // The pack's policies in its order, then any policy that reported without being listed (a pack is arbitrary code).
    const names = [...new Set([...report.policies.map((p) => p.name), ...report.findings.map((f) => f.policy)])];
    const policies = names.map((name) => policyEvidence(report, name, infos.get(name), ours.get(name), report.findings.filter((f) => f.policy === name)));

    const recommendations = RECOMMENDATIONS.map((rec): RecommendationEvidence => {
        const serving = policies.filter((p) => p.recommendations.includes(rec.id));
        const enabled = serving.filter((p) => p.scope !== "disabled");
        const counts = sumCounts(enabled.map((p) => p.counts));
        const notes = RECOMMENDATION_NOTES[rec.id];
        return {
            id: rec.id,
            title: rec.title,
            for: notes.for,
            checkable: rec.checkable,
            reference: FRAMEWORK.reference,
            status: statusOf(rec, serving, counts),
            policies: serving.map((p) => p.name),
            resources: new Set(enabled.flatMap((p) => p.resources.map((r) => r.urn))).size,
            counts,
            notCovered: rec.checkable === "partial" ? (notes.notCovered ?? null) : null,
            attestation: rec.checkable === "attestation" ? (notes.attestation ?? null) : null,
        };
    });

    const statuses = Object.fromEntries(STATUS_ORDER.map((s) => [s, recommendations.filter((r) => r.status === s).length])) as Record<RecommendationStatus, number>;
    const levels = countByLevel(report.findings);
    return {
        schemaVersion: EVIDENCE_SCHEMA_VERSION,
        framework: { name: FRAMEWORK.name, version: FRAMEWORK.version, reference: FRAMEWORK.reference },
        tool: { name: report.tool.name, version: report.tool.version },
        run: { mode: report.mode, target: report.target, project: report.project, stack: report.stack, startedAt: report.startedAt, durationMs: report.durationMs },
        pack: { name: report.pack.name, version: report.pack.version },
        configDigest: report.configDigest,
        verdict: exitCodeOf(report.findings) === 0 ? "passed" : "failed",
        summary: {
            resources: report.resources.length,
            policies: report.policies.filter((p) => p.enforcementLevel !== "disabled").length,
            ...levels,
            statuses,
        },
        recommendations,
        policies,
    };
}
