// Markdown for pull-request comments and evidence files (GitHub-flavoured: tables). The same content as the HTML
// report (see view.ts): verdict, summary, findings by resource, exempted findings, the recommendations they map to.
import { FRAMEWORK } from "../../policies/core/metadata";
import type { Finding, RunReport } from "../run/findings";
import { ReportView, reportView, resourceLabel, seconds, waivedMessage } from "./view";

/**
 * Characters that would start markup: emphasis, a link or image ("[" alone: "]" starts nothing), html,
 * strikethrough, an entity, code, a table cell's end.
 */
const MARKUP = /[\\`*_[<>~&|]/g;
/** A one-line code span as pack messages use them ("property `retentionInDays`"): kept, so it renders as code. */
const CODE_SPAN = /(`[^`\n]+`)/;

/**
 * Text from a program or a pack, made inert for a table cell: markup characters are backslash-escaped (CommonMark
 * allows it for any ASCII punctuation), except inside code spans, where only `|` needs it (GFM tables split on it
 * even there); line breaks become <br> since a cell is one line.
 */
export function markdownCell(text: string): string {
    return text
        .split(CODE_SPAN)
        .map((part, i) => (i % 2 === 1 ? part.replace(/\|/g, "\\|") : part.replace(MARKUP, (c) => `\\${c}`)))
        .join("")
        .replace(/\r\n|\r|\n/g, "<br>");
}

/** A code span (outside tables) that holds any text: a fence longer than the longest run of backticks in it. */
function markdownCode(text: string): string {
    const oneLine = text.replace(/\r\n|\r|\n/g, " ");
    const longest = Math.max(0, ...(oneLine.match(/`+/g) ?? []).map((run) => run.length));
    const fence = "`".repeat(longest + 1);
    const pad = oneLine.startsWith("`") || oneLine.endsWith("`") ? " " : "";
    return `${fence}${pad}${oneLine}${pad}${fence}`;
}

export function markdownLink(text: string, url: string | undefined | null): string {
    // Characters that would end the destination or break the table are percent-encoded.
    return url ? `[${markdownCell(text)}](${url.replace(/[()<>| ]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})` : markdownCell(text);
}

export function markdownTable(header: string[], rows: string[][], align?: string[]): string[] {
    return [`| ${header.join(" | ")} |`, `| ${(align ?? header.map(() => "---")).join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)];
}

function findingsSection(view: ReportView): string[] {
    const out = ["### Findings", ""];
    if (view.groups.length === 0) return [...out, "No findings.", ""];
    for (const group of view.groups) {
        out.push(group.urn ? `#### ${markdownCode(group.resourceType)} ${markdownCell(group.resourceName)}` : "#### Stack", "");
        if (group.urn) out.push(markdownCode(group.urn), "");
        const rows = group.findings.map((f) => [f.level === "mandatory" ? "**mandatory**" : f.level, f.severity, markdownLink(f.policy, view.policyUrl(f.policy)), markdownCell(f.message)]);
        out.push(...markdownTable(["level", "severity", "policy", "message"], rows), "");
    }
    return out;
}

function exemptedSection(view: ReportView): string[] {
    if (view.exempted.length === 0) return [];
    const rows = view.exempted.map((f: Finding) => [
        markdownCell(resourceLabel(f)),
        markdownLink(f.policy, view.policyUrl(f.policy)),
        markdownCell(f.exemption?.reason ?? ""),
        markdownCell(f.exemption?.until ?? "none"),
        f.exemption?.source ?? "",
        markdownCell(waivedMessage(f)),
    ]);
    return ["### Exempted findings", "", ...markdownTable(["resource", "policy", "reason", "expires", "by", "waived finding"], rows), ""];
}

function recommendationsSection(view: ReportView): string[] {
    if (view.recommendations.length === 0) return [];
    const rows = view.recommendations.map((r) => [
        r.id,
        markdownCell(r.title),
        String(r.mandatory),
        String(r.advisory),
        String(r.exempted),
        r.policies.map((p) => markdownLink(p, view.policyUrl(p))).join(", "),
    ]);
    return [
        `### ${FRAMEWORK.name} recommendations`,
        "",
        ...markdownTable(["id", "recommendation", "mandatory", "advisory", "exempted", "policies"], rows, ["---", "---", "---:", "---:", "---:", "---"]),
        "",
    ];
}

export function formatMarkdown(report: RunReport): string {
    const view = reportView(report);
    const c = view.counts;
    const verdict = view.passed ? "✅ passed" : "❌ FAILED";
    return [
        `## ${verdict}: ${markdownCell(`${report.pack.name} ${report.pack.version}`)} ${report.mode} of ${markdownCode(report.target)}`,
        "",
        `Project **${markdownCell(report.project)}**, stack **${markdownCell(report.stack)}**.`,
        "",
        ...markdownTable(["mandatory", "advisory", "exempted", "resources", "policies"], [[c.mandatory, c.advisory, c.exempted, c.resources, c.policies].map(String)], ["---:", "---:", "---:", "---:", "---:"]),
        "",
        ...findingsSection(view),
        ...exemptedSection(view),
        ...recommendationsSection(view),
        `<sub>${markdownCell(`${report.tool.name} ${report.tool.version}`)}, ${markdownCell(report.startedAt)}, ${seconds(report.durationMs)}; ` +
            `config sha256 ${markdownCode(report.configDigest)}; [${FRAMEWORK.name}](${FRAMEWORK.reference})</sub>`,
    ].join("\n") + "\n";
}
