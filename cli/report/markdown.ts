// The evidence report as GitHub-flavoured markdown: header, summary, one section per AA22-131A recommendation in
// the advisory's order, then the resources each policy checked. Every text that comes from a program or a pack goes
// through markdownCell (cli/format/markdown.ts), so a resource name cannot inject markup.
import { markdownCell, markdownLink as link, markdownTable as table } from "../format/markdown";
import { seconds } from "../format/view";
import type { EvidenceReport, PolicyEvidence, RecommendationEvidence, ResourceEvidence } from "./evidence";
import { STATUS_ORDER } from "./evidence";
import { checkedText, exemptionText, findingResult, levelText, OUTCOME_LABEL, SCOPE_LABEL, scopeText, STATUS_LABEL, STATUS_MEANING } from "./labels";

/** A code span inside a table cell: backticks in the text would end it, so such text is left as plain text. */
function code(text: string): string {
    return /[`\r\n]/.test(text) ? markdownCell(text) : markdownCell(`\`${text}\``);
}

function statusCell(r: RecommendationEvidence): string {
    const label = markdownCell(STATUS_LABEL[r.status]);
    return r.status === "failed" ? `**${label}**` : label;
}

function resourceCell(r: ResourceEvidence): string {
    return r.urn ? `${code(r.type)} ${markdownCell(r.name)}` : "stack";
}

const COUNT_HEADER = ["checked", "failed", "warnings", "exempted", "passed", "no finding"];
const COUNT_ALIGN = COUNT_HEADER.map(() => "---:");

function countCells(c: RecommendationEvidence["counts"]): string[] {
    return [c.checked, c.failed, c.warnings, c.exempted, c.passed, c.noFinding].map(String);
}

function header(e: EvidenceReport): string[] {
    const verdict = e.verdict === "passed" ? "✅ **Passed**: no mandatory finding." : `❌ **FAILED**: ${e.summary.mandatory} mandatory finding${e.summary.mandatory === 1 ? "" : "s"}.`;
    const rows = [
        ["checked", markdownCell(checkedText(e))],
        ["project / stack", `${markdownCell(e.run.project)} / ${markdownCell(e.run.stack)}`],
        ["mode", e.run.mode],
        ["policy pack", markdownCell(`${e.pack.name} ${e.pack.version}`)],
        ["config sha256", code(e.configDigest)],
        ["date", `${markdownCell(e.run.startedAt)} (${seconds(e.run.durationMs)})`],
        ["tool", markdownCell(`${e.tool.name} ${e.tool.version}`)],
        ["framework", link(`${e.framework.name} (${e.framework.version})`, e.framework.reference)],
    ];
    return [`# ${markdownCell(e.framework.name)} evidence: ${markdownCell(`${e.run.project}/${e.run.stack}`)}`, "", verdict, "", ...table(["", ""], rows), ""];
}

function summary(e: EvidenceReport): string[] {
    const s = e.summary;
    const statusRows = STATUS_ORDER.filter((status) => s.statuses[status] > 0).map((status) => [
        markdownCell(STATUS_LABEL[status]),
        String(s.statuses[status]),
        e.recommendations.filter((r) => r.status === status).map((r) => r.id).join(", "),
        markdownCell(STATUS_MEANING[status]),
    ]);
    return [
        "## Summary",
        "",
        ...table(["mandatory", "advisory", "exempted", "resources", "policies"], [[s.mandatory, s.advisory, s.exempted, s.resources, s.policies].map(String)], ["---:", "---:", "---:", "---:", "---:"]),
        "",
        ...table(["status", "recommendations", "ids", "meaning"], statusRows, ["---", "---:", "---", "---"]),
        "",
    ];
}

function overview(e: EvidenceReport): string[] {
    const rows = e.recommendations.map((r) => [r.id, link(r.title, r.reference), r.for, r.checkable, statusCell(r), String(r.resources), ...countCells(r.counts)]);
    return [
        "## Recommendations",
        "",
        ...table(["id", "recommendation", "for", "code can check", "status", "resources", ...COUNT_HEADER], rows, ["---", "---", "---", "---", "---", "---:", ...COUNT_ALIGN]),
        "",
        "Counts are checks: one policy on one resource. See each policy below for the resources and the findings.",
        "",
    ];
}

function recommendationSection(r: RecommendationEvidence, byName: ReadonlyMap<string, PolicyEvidence>): string[] {
    const out = [
        `### ${r.id}: ${markdownCell(r.title)}`,
        "",
        `Status: ${statusCell(r)}. For: ${r.for}. Code can check it: ${r.checkable}. ${link("The advisory", r.reference)}.`,
        "",
    ];
    if (r.attestation) out.push(`**Evidence to provide:** ${markdownCell(r.attestation)}`, "");
    if (r.notCovered) out.push(`**Not covered by the checks:** ${markdownCell(r.notCovered)}`, "");
    if (r.policies.length === 0) {
        out.push(r.checkable === "attestation" ? "No policy serves it." : "No policy of this pack serves it.", "");
        return out;
    }
    const rows = r.policies.map((name) => {
        const p = byName.get(name)!;
        return [link(p.name, p.url), markdownCell(levelText(p.level)), markdownCell(SCOPE_LABEL[p.scope]), ...countCells(p.counts)];
    });
    out.push(...table(["policy", "level", "scope", ...COUNT_HEADER], rows, ["---", "---", "---", ...COUNT_ALIGN]), "");
    return out;
}

function policySection(p: PolicyEvidence): string[] {
    const serves = p.recommendations.length > 0 ? p.recommendations.join(", ") : "no AA22-131A recommendation";
    const out = [`### ${link(p.name, p.url)}`, "", `${markdownCell(p.description)} Level ${markdownCell(levelText(p.level))}, severity ${p.severity}; serves ${serves}.`, "", `Scope: ${markdownCell(scopeText(p))}`, ""];
    const rows = p.resources.flatMap((r) =>
        r.findings.map((f) => [resourceCell(r), markdownCell(findingResult(f)), f.severity, markdownCell(f.message), markdownCell(exemptionText(f))]),
    );
    if (rows.length > 0) out.push(...table(["resource", "result", "severity", "finding", "exemption"], rows), "");
    for (const outcome of ["passed", "no-finding"] as const) {
        const clean = p.resources.filter((r) => r.outcome === outcome);
        if (clean.length > 0) out.push(`${OUTCOME_LABEL[outcome][0].toUpperCase()}${OUTCOME_LABEL[outcome].slice(1)} (${clean.length}): ${clean.map(resourceCell).join(", ")}.`, "");
    }
    if (p.resources.length === 0 && p.scope !== "disabled") out.push(p.scope === "unknown" ? "It reported on no resource." : "No resource of the stack was in its scope.", "");
    return out;
}

export function formatEvidenceMarkdown(e: EvidenceReport): string {
    const byName = new Map(e.policies.map((p) => [p.name, p]));
    return [
        ...header(e),
        ...summary(e),
        ...overview(e),
        ...e.recommendations.flatMap((r) => recommendationSection(r, byName)),
        "## Resources checked, by policy",
        "",
        ...e.policies.flatMap(policySection),
    ].join("\n") + "\n";
}
