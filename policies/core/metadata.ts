// The closed vocabularies of policy metadata. Closed unions, so a typo in a policy does not compile.

export type Cloud = "aws" | "azure";
export type Severity = "low" | "medium" | "high" | "critical";
export type EnforcementLevel = "advisory" | "mandatory" | "remediate" | "disabled";

/** Recommendation ids of AA22-131A, as listed in CISA-AA22-131A.md. */
export type RecommendationId =
    | "T1" | "T2" | "T3"
    | "R1" | "R2" | "R3" | "R4" | "R5" | "R6" | "R7" | "R8" | "R9" | "R10" | "R11" | "R12";

/** Areas group policies in docs, tags and reports. */
export type Area = "identity" | "network" | "backup" | "logging" | "access" | "patching" | "governance";

export interface Recommendation {
    id: RecommendationId;
    title: string;
    /** Whether code can check it at all; "attestation" ones need the customer's or MSP's own evidence. */
    checkable: "yes" | "partial" | "attestation";
}

/** The advisory's recommendations, in our own short words (see CISA-AA22-131A.md for the mapping). */
export const RECOMMENDATIONS: readonly Recommendation[] = [
    { id: "T1", title: "Identify and disable accounts no longer in use", checkable: "partial" },
    { id: "T2", title: "Enforce MFA on MSP accounts that reach the customer", checkable: "yes" },
    { id: "T3", title: "Contracts state who owns each security role", checkable: "attestation" },
    { id: "R1", title: "Prevent initial compromise: harden internet-facing and remote access", checkable: "partial" },
    { id: "R2", title: "Enable monitoring and logging; keep important logs at least six months", checkable: "yes" },
    { id: "R3", title: "Enforce MFA on all accounts that can reach customer environments", checkable: "yes" },
    { id: "R4", title: "Segregate internal networks; keep MSP access networks apart", checkable: "partial" },
    { id: "R5", title: "Apply least privilege; time-bound privileges; no default MSP admin rights", checkable: "yes" },
    { id: "R6", title: "Deprecate obsolete accounts and infrastructure", checkable: "partial" },
    { id: "R7", title: "Apply updates promptly; remove end-of-life software", checkable: "partial" },
    { id: "R8", title: "Back up regularly; keep backups separate, immutable or offline", checkable: "yes" },
    { id: "R9", title: "Develop and exercise incident response and recovery plans", checkable: "attestation" },
    { id: "R10", title: "Understand and manage supply-chain risk", checkable: "partial" },
    { id: "R11", title: "Promote transparency: services, notifications and log visibility in contracts", checkable: "attestation" },
    { id: "R12", title: "Manage account authentication and authorization of MSP accounts", checkable: "partial" },
];

export const FRAMEWORK = {
    name: "CISA AA22-131A",
    version: "2022-05-11",
    reference: "https://www.cisa.gov/news-events/cybersecurity-advisories/aa22-131a",
} as const;

export const PACK_NAME = "msp-guard";
export const DOCS_BASE_URL = "https://github.com/msp-guard/msp-guard/blob/main/docs/policies";

export function docUrl(policyName: string): string {
    return `${DOCS_BASE_URL}/${policyName}.md`;
}

/** High and critical findings block a deployment unless a policy says why not. */
export function defaultEnforcementLevel(severity: Severity): EnforcementLevel {
    return severity === "high" || severity === "critical" ? "mandatory" : "advisory";
}
