// One self-contained HTML page for evidence: inline CSS, no scripts, nothing fetched (a content security policy says
// so to the browser too), readable on screen and on paper. The same content as the markdown report (see view.ts).
import { FRAMEWORK } from "../../policies/core/metadata";
import type { Finding, RunReport } from "../run/findings";
import { escapeHtml } from "./escape";
import { ReportView, reportView, resourceLabel, seconds, waivedMessage } from "./view";

/** Escaped text, with the code spans pack messages use ("property `retentionInDays`") as code, and line breaks kept. */
function prose(text: string): string {
    return escapeHtml(text).replace(/`([^`\n]+)`/g, "<code>$1</code>").replace(/\r\n|\r|\n/g, "<br />");
}

export function htmlLink(text: string, url: string | undefined | null): string {
    return url ? `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>` : escapeHtml(text);
}

/**
 * The stylesheet every msp-guard HTML page shares. Print: black on white, table headers repeated on each page, rows
 * never split across pages; levels and statuses are words, not only colours, so a greyscale print loses nothing.
 */
export const BASE_STYLE = `
:root { color-scheme: light; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: 0.25rem; }
h3 { font-size: 1rem; margin: 1.25rem 0 0.25rem; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.n, th.n { text-align: right; width: 6rem; }
code { font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f6f8fa; padding: 0 0.2em; overflow-wrap: anywhere; }
.verdict { display: inline-block; font-weight: 700; padding: 0.1rem 0.6rem; border: 2px solid; border-radius: 0.3rem; }
.passed { color: #1a7f37; }
.failed { color: #cf222e; }
.meta { color: #57606a; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; color: #000; }
  a { color: inherit; }
  td a[href]::after { content: " (" attr(href) ")"; font-size: 0.8em; overflow-wrap: anywhere; }
  thead { display: table-header-group; }
  tr, h3 { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .passed, .failed { color: #000; }
}
`;

/** What the findings report adds to the shared stylesheet. */
const STYLE = `${BASE_STYLE}
.urn { color: #57606a; margin: 0; overflow-wrap: anywhere; }
.mandatory { color: #cf222e; font-weight: 700; }
.advisory { color: #9a6700; }
footer { margin-top: 2rem; color: #57606a; font-size: 0.85rem; }
@media print { .mandatory, .advisory { color: #000; } }
`;

/** Cells are already HTML; header cells are text. */
export function htmlTable(head: string[], rows: string[][], numeric: ReadonlySet<number> = new Set()): string[] {
    const cls = (i: number) => (numeric.has(i) ? ' class="n"' : "");
    return [
        "<table>",
        `<thead><tr>${head.map((h, i) => `<th${cls(i)}>${escapeHtml(h)}</th>`).join("")}</tr></thead>`,
        "<tbody>",
        ...rows.map((r) => `<tr>${r.map((cell, i) => `<td${cls(i)}>${cell}</td>`).join("")}</tr>`),
        "</tbody>",
        "</table>",
    ];
}

function levelCell(f: Finding): string {
    const level = escapeHtml(f.level);
    return f.level === "mandatory" || f.level === "advisory" ? `<span class="${level}">${level}</span>` : level;
}

function findingsSection(view: ReportView): string[] {
    const out = ["<section>", "<h2>Findings</h2>"];
    if (view.groups.length === 0) out.push("<p>No findings.</p>");
    for (const group of view.groups) {
        out.push(group.urn ? `<h3><code>${escapeHtml(group.resourceType)}</code> ${escapeHtml(group.resourceName)}</h3>` : "<h3>Stack</h3>");
        if (group.urn) out.push(`<p class="urn"><code>${escapeHtml(group.urn)}</code></p>`);
        const rows = group.findings.map((f) => [levelCell(f), escapeHtml(f.severity), htmlLink(f.policy, view.policyUrl(f.policy)), prose(f.message)]);
        out.push(...htmlTable(["level", "severity", "policy", "message"], rows));
    }
    return [...out, "</section>"];
}

function exemptedSection(view: ReportView): string[] {
    if (view.exempted.length === 0) return [];
    const rows = view.exempted.map((f) => [
        escapeHtml(resourceLabel(f)),
        htmlLink(f.policy, view.policyUrl(f.policy)),
        prose(f.exemption?.reason ?? ""),
        escapeHtml(f.exemption?.until ?? "none"),
        escapeHtml(f.exemption?.source ?? ""),
        prose(waivedMessage(f)),
    ]);
    return ["<section>", "<h2>Exempted findings</h2>", ...htmlTable(["resource", "policy", "reason", "expires", "by", "waived finding"], rows), "</section>"];
}

function recommendationsSection(view: ReportView): string[] {
    if (view.recommendations.length === 0) return [];
    const rows = view.recommendations.map((r) => [
        escapeHtml(r.id),
        escapeHtml(r.title),
        String(r.mandatory),
        String(r.advisory),
        String(r.exempted),
        r.policies.map((p) => htmlLink(p, view.policyUrl(p))).join(", "),
    ]);
    return [
        "<section>",
        `<h2>${escapeHtml(FRAMEWORK.name)} recommendations</h2>`,
        ...htmlTable(["id", "recommendation", "mandatory", "advisory", "exempted", "policies"], rows, new Set([2, 3, 4])),
        "</section>",
    ];
}

/**
 * A self-contained page: no scripts and nothing fetched (the content security policy says so to the browser too),
 * styles inline. `body` is already HTML.
 */
export function htmlPage(title: string, style: string, body: string[]): string {
    return [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8" />',
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" />`,
        '<meta name="viewport" content="width=device-width, initial-scale=1" />',
        `<title>${escapeHtml(title)}</title>`,
        `<style>${style}</style>`,
        "</head>",
        "<body>",
        ...body,
        "</body>",
        "</html>",
        "",
    ].join("\n");
}

export function formatHtml(report: RunReport): string {
    const view = reportView(report);
    const c = view.counts;
    const verdict = view.passed ? "passed" : "failed";
    const title = `${report.pack.name} ${report.mode} of ${report.target}: ${verdict}`;
    return htmlPage(title, STYLE, [
        "<header>",
        `<h1>${escapeHtml(`${report.pack.name} ${report.pack.version}`)} ${escapeHtml(report.mode)} of <code>${escapeHtml(report.target)}</code></h1>`,
        `<p><span class="verdict ${verdict}">${view.passed ? "Passed" : "FAILED"}</span> <span class="meta">project <strong>${escapeHtml(report.project)}</strong>, stack <strong>${escapeHtml(report.stack)}</strong></span></p>`,
        "</header>",
        "<section>",
        "<h2>Summary</h2>",
        ...htmlTable(["mandatory", "advisory", "exempted", "resources", "policies"], [[c.mandatory, c.advisory, c.exempted, c.resources, c.policies].map(String)], new Set([0, 1, 2, 3, 4])),
        "</section>",
        ...findingsSection(view),
        ...exemptedSection(view),
        ...recommendationsSection(view),
        "<footer>",
        `<p>${escapeHtml(`${report.tool.name} ${report.tool.version}`)}, ${escapeHtml(report.startedAt)}, ${escapeHtml(seconds(report.durationMs))}; ` +
            `config sha256 <code>${escapeHtml(report.configDigest)}</code>; <a href="${escapeHtml(FRAMEWORK.reference)}">${escapeHtml(FRAMEWORK.name)}</a></p>`,
        "</footer>",
    ]);
}
