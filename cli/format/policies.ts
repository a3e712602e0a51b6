// `msp-guard policies`: the policy table, from the registry's own metadata.
import type { MspPolicy } from "../../policies/core/policy";
import { policyTable, TABLE_END, TABLE_START } from "../docs/render";

export function formatPoliciesText(policies: readonly MspPolicy[]): string {
    const rows = [...policies].sort((a, b) => a.name.localeCompare(b.name));
    const width = Math.max(...rows.map((p) => p.name.length));
    return rows.map((p) => `${p.name.padEnd(width)}  ${p.severity.padEnd(8)} ${p.enforcementLevel.padEnd(9)} ${p.recommendations.join(",").padEnd(8)} ${p.description}`).join("\n") + "\n";
}

export function formatPoliciesMarkdown(policies: readonly MspPolicy[]): string {
    return policyTable(policies).replace(`${TABLE_START}\n`, "").replace(`\n${TABLE_END}`, "") + "\n";
}

export function formatPoliciesJson(policies: readonly MspPolicy[]): string {
    return JSON.stringify(
        policies.map((p) => ({
            name: p.name,
            cloud: p.cloud,
            kind: p.kind,
            description: p.description,
            severity: p.severity,
            enforcementLevel: p.enforcementLevel,
            recommendations: p.recommendations,
            area: p.area,
            remediation: p.remediation,
            types: p.types,
            config: Object.fromEntries(Object.entries(p.options).map(([k, o]) => [k, o.schema])),
            deprecated: p.deprecated ?? null,
        })),
        null,
        2,
    ) + "\n";
}
