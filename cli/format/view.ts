// What the document formats (markdown, html) show, computed once from a RunReport, so both say the same thing and
// differ only in markup. Also the small facts every formatter needs: the waived text of an exempted finding, the
// label of a resource, a link that is safe to emit.
import { parseExempted } from "../../policies/core/exemptions";
import { RECOMMENDATIONS } from "../../policies/core/metadata";
import type { WirePolicyInfo } from "../driver/wire";
import { countByLevel, exitCodeOf, Finding, RunReport } from "../run/findings";

/** The finding an exemption waived, without the "Exempted by …. Waived finding: " prefix the pack puts before it. */
export function waivedMessage(f: Finding): string {
    if (!f.exemption) return f.message;
    return parseExempted(f.message)?.finding ?? f.message;
}

/** "<type> <name>", or "stack" for a finding about the stack as a whole (no urn). */
export function resourceLabel(f: Pick<Finding, "urn" | "resourceType" | "resourceName">): string {
    return f.urn ? `${f.resourceType} ${f.resourceName}` : "stack";
}

/** Only http(s) links are emitted: a pack is arbitrary code, and a `javascript:` url must not become a link. */
export function httpUrl(url: string | undefined): string | undefined {
    return url !== undefined && /^https?:\/\/[^\s]+$/i.test(url) ? url : undefined;
}

/** Enabled policies: what the run checked (the same count as the text summary). */
function enabledPolicies(report: RunReport): WirePolicyInfo[] {
    return report.policies.filter((p) => p.enforcementLevel !== "disabled");
}

export interface ResourceGroup {
    urn: string;
    resourceType: string;
    resourceName: string;
    findings: Finding[];
}

export interface RecommendationRow {
    id: string;
    /** Our short wording of the recommendation; empty for an id this pack does not know (another pack's). */
    title: string;
    mandatory: number;
    advisory: number;
    exempted: number;
    policies: string[];
}

export interface ReportView {
    passed: boolean;
    counts: { mandatory: number; advisory: number; exempted: number; resources: number; policies: number };
    /** Findings that are not exempted, by resource, in the report's order (by urn). */
    groups: ResourceGroup[];
    exempted: Finding[];
    recommendations: RecommendationRow[];
    /** Documentation link of each policy, when it has a safe one. */
    policyUrl: (policy: string) => string | undefined;
}

const RECOMMENDATION_ORDER = new Map<string, number>(RECOMMENDATIONS.map((r, i) => [r.id, i]));

export function reportView(report: RunReport): ReportView {
    const counts = countByLevel(report.findings);
    const groups = new Map<string, ResourceGroup>();
    for (const f of report.findings) {
        if (f.exemption) continue;
        const group = groups.get(f.urn) ?? { urn: f.urn, resourceType: f.resourceType, resourceName: f.resourceName, findings: [] };
        group.findings.push(f);
        groups.set(f.urn, group);
    }
    const rows = new Map<string, RecommendationRow>();
    for (const f of report.findings) {
        for (const id of f.recommendations) {
            const row = rows.get(id) ?? { id, title: RECOMMENDATIONS.find((r) => r.id === id)?.title ?? "", mandatory: 0, advisory: 0, exempted: 0, policies: [] };
            if (f.exemption) row.exempted++;
            else if (f.level === "mandatory") row.mandatory++;
            else row.advisory++;
            if (!row.policies.includes(f.policy)) row.policies.push(f.policy);
            rows.set(id, row);
        }
    }
    // The advisory's own order (T1..T3, R1..R12), not string order, which would put R10 before R2.
    const rank = (id: string) => RECOMMENDATION_ORDER.get(id) ?? RECOMMENDATION_ORDER.size;
    const recommendations = [...rows.values()].sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
    for (const row of recommendations) row.policies.sort();
    const urls = new Map(report.policies.map((p) => [p.name, httpUrl(p.url)]));
    return {
        passed: exitCodeOf(report.findings) === 0,
        counts: { ...counts, resources: report.resources.length, policies: enabledPolicies(report).length },
        groups: [...groups.values()],
        exempted: report.findings.filter((f) => f.exemption),
        recommendations,
        policyUrl: (policy) => urls.get(policy),
    };
}

/** "1.2 s": the duration as the text summary shows it. */
export function seconds(durationMs: number): string {
    return `${(durationMs / 1000).toFixed(1)} s`;
}
