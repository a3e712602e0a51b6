// The words both document renderers (markdown, HTML) use for the evidence data, so the two say the same thing and
// differ only in markup. Plain text: each renderer escapes it.
import type { EvidenceReport, FindingEvidence, Outcome, PolicyEvidence, RecommendationStatus } from "./evidence";

export const STATUS_LABEL: Record<RecommendationStatus, string> = {
    failed: "failed",
    warnings: "warnings",
    passed: "passed",
    "no-findings": "no findings (scope not known)",
    "not-applicable": "not applicable",
    "not-checked": "not checked",
    "attestation-required": "attestation required",
};

/** What each status means, for the legend under the summary. */
export const STATUS_MEANING: Record<RecommendationStatus, string> = {
    failed: "at least one mandatory finding",
    warnings: "advisory findings (some may only say a value cannot be verified during preview), no mandatory one",
    passed: "resources were in scope and no check found anything but exempted findings",
    "no-findings": "only policies whose scope is not known (another pack's) serve it, and they reported nothing",
    "not-applicable": "its policies ran, but no resource of the stack was of a type they check",
    "not-checked": "no enabled policy of the pack serves it",
    "attestation-required": "no code can check it: the customer or the MSP provides the evidence named below",
};

export const OUTCOME_LABEL: Record<Outcome, string> = {
    failed: "failed",
    warning: "warning",
    exempted: "exempted",
    passed: "passed",
    "no-finding": "no finding",
};

/** The scope column: short words for the table; scopeText says it in full under each policy. */
export const SCOPE_LABEL: Record<PolicyEvidence["scope"], string> = {
    types: "its types",
    "types-read": "types it reads",
    unknown: "scope not known",
    disabled: "disabled",
};

/** How a policy's resources in scope were found: said plainly, so no pass is claimed that was not checked. */
export function scopeText(p: PolicyEvidence): string {
    const types = (p.types ?? []).join(", ");
    switch (p.scope) {
        case "types":
            return `every resource of the types it checks (${types}).`;
        case "types-read":
            return `resources of the types it reads (${types}). A stack policy also reads related resources, and the registry does not say which types it judges, so a resource without a finding is "no finding", not "passed".`;
        case "unknown":
            return "scope not known: a policy of another pack, whose types msp-guard cannot see; only the resources it reported on are counted.";
        case "disabled":
            return "disabled for this run: it checked nothing.";
    }
}

/** The result of one finding, "cannot verify during preview" ones marked as such. */
export function findingResult(f: FindingEvidence): string {
    if (f.exemption) return "exempted";
    if (f.level === "mandatory") return "failed";
    return f.unverifiable ? "warning (cannot verify during preview)" : "warning";
}

/** "reason (by tag, until 2099-01-01)": an exemption as one line. */
export function exemptionText(f: FindingEvidence): string {
    if (!f.exemption) return "";
    return `${f.exemption.reason} (by ${f.exemption.source}, ${f.exemption.until ? `until ${f.exemption.until}` : "no expiry"})`;
}

/** What was checked: "audit of the stack export prod.json" or "preview of the program ./infra". */
export function checkedText(e: EvidenceReport): string {
    return e.run.mode === "audit" ? `audit of the stack export ${e.run.target}` : `preview of the program ${e.run.target}`;
}

export function levelText(level: PolicyEvidence["level"]): string {
    return level ?? "not listed by the pack";
}
