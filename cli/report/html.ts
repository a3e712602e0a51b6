// The evidence report as one self-contained HTML page (inline CSS, no scripts, nothing fetched; a content security
// policy says so to the browser), for the customer's file and for print. The same content as the markdown (see
// labels.ts); every text from a program or a pack goes through escapeHtml.
import { escapeHtml } from "../format/escape";
import { BASE_STYLE, htmlLink as link, htmlPage, htmlTable as table } from "../format/html";
import { seconds } from "../format/view";
import type { EvidenceReport, PolicyEvidence, RecommendationEvidence, RecommendationStatus, ResourceEvidence } from "./evidence";
import { STATUS_ORDER } from "./evidence";
import { checkedText, exemptionText, findingResult, levelText, OUTCOME_LABEL, SCOPE_LABEL, scopeText, STATUS_LABEL, STATUS_MEANING } from "./labels";

/** What the evidence report adds to the shared stylesheet. */
const STYLE = `${BASE_STYLE}
.failed { font-weight: 700; }
.warnings { color: #9a6700; }
.attestation-required { color: #0969da; }
.note { background: #f6f8fa; border-left: 3px solid #d0d7de; padding: 0.4rem 0.75rem; margin: 0.5rem 0; }
@media print { .warnings, .attestation-required { color: #000; } }
`;

function status(s: RecommendationStatus): string {
    return `<span class="${s}">${escapeHtml(STATUS_LABEL[s])}</span>`;
}

function resourceCell(r: ResourceEvidence): string {
    return r.urn ? `<code>${escapeHtml(r.type)}</code> ${escapeHtml(r.name)}` : "stack";
}

/** Escaped text with line breaks kept (pack messages may have several lines). */
function prose(text: string): string {
    return escapeHtml(text).replace(/\r\n|\r|\n/g, "<br />");
}

const COUNT_HEADER = ["checked", "failed", "warnings", "exempted", "passed", "no finding"];

function countCells(c: RecommendationEvidence["counts"]): string[] {
    return [c.checked, c.failed, c.warnings, c.exempted, c.passed, c.noFinding].map(String);
}

function numeric(from: number, count: number): Set<number> {
    return new Set(Array.from({ length: count }, (_, i) => from + i));
}

function header(e: EvidenceReport): string[] {
    const passed = e.verdict === "passed";
    const rows = [
        ["checked", escapeHtml(checkedText(e))],
        ["project / stack", `${escapeHtml(e.run.project)} / ${escapeHtml(e.run.stack)}`],
        ["mode", escapeHtml(e.run.mode)],
        ["policy pack", escapeHtml(`${e.pack.name} ${e.pack.version}`)],
        ["config sha256", `<code>${escapeHtml(e.configDigest)}</code>`],
        ["date", `${escapeHtml(e.run.startedAt)} (${escapeHtml(seconds(e.run.durationMs))})`],
        ["tool", escapeHtml(`${e.tool.name} ${e.tool.version}`)],
        ["framework", link(`${e.framework.name} (${e.framework.version})`, e.framework.reference)],
    ];
    return [
        "<header>",
        `<h1>${escapeHtml(e.framework.name)} evidence: ${escapeHtml(`${e.run.project}/${e.run.stack}`)}</h1>`,
        `<p><span class="verdict ${passed ? "passed" : "failed"}">${passed ? "Passed" : "FAILED"}</span> <span class="meta">${passed ? "no mandatory finding" : `${e.summary.mandatory} mandatory finding${e.summary.mandatory === 1 ? "" : "s"}`}</span></p>`,
        ...table(["", ""], rows),
        "</header>",
    ];
}

function summary(e: EvidenceReport): string[] {
    const s = e.summary;
    const statusRows = STATUS_ORDER.filter((st) => s.statuses[st] > 0).map((st) => [
        status(st),
        String(s.statuses[st]),
        escapeHtml(e.recommendations.filter((r) => r.status === st).map((r) => r.id).join(", ")),
        escapeHtml(STATUS_MEANING[st]),
    ]);
    return [
        "<section>",
        "<h2>Summary</h2>",
        ...table(["mandatory", "advisory", "exempted", "resources", "policies"], [[s.mandatory, s.advisory, s.exempted, s.resources, s.policies].map(String)], numeric(0, 5)),
        ...table(["status", "recommendations", "ids", "meaning"], statusRows, new Set([1])),
        "</section>",
    ];
}

function overview(e: EvidenceReport): string[] {
    const byName = new Map(e.policies.map((p) => [p.name, p]));
    const rows = e.recommendations.map((r) => [escapeHtml(r.id), link(r.title, r.reference), escapeHtml(r.for), escapeHtml(r.checkable), status(r.status), String(r.resources), ...countCells(r.counts)]);
    return [
        "<section>",
        "<h2>Recommendations</h2>",
        ...table(["id", "recommendation", "for", "code can check", "status", "resources", ...COUNT_HEADER], rows, numeric(5, 7)),
        '<p class="meta">Counts are checks: one policy on one resource. See each policy below for the resources and the findings.</p>',
        ...e.recommendations.flatMap((r) => recommendationSection(r, byName)),
        "</section>",
    ];
}

function recommendationSection(r: RecommendationEvidence, byName: ReadonlyMap<string, PolicyEvidence>): string[] {
    const out = [
        `<h3>${escapeHtml(r.id)}: ${escapeHtml(r.title)}</h3>`,
        `<p>Status: ${status(r.status)}. For: ${escapeHtml(r.for)}. Code can check it: ${escapeHtml(r.checkable)}. ${link("The advisory", r.reference)}.</p>`,
    ];
    if (r.attestation) out.push(`<p class="note"><strong>Evidence to provide:</strong> ${escapeHtml(r.attestation)}</p>`);
    if (r.notCovered) out.push(`<p class="note"><strong>Not covered by the checks:</strong> ${escapeHtml(r.notCovered)}</p>`);
    if (r.policies.length === 0) return [...out, `<p>${r.checkable === "attestation" ? "No policy serves it." : "No policy of this pack serves it."}</p>`];
    const rows = r.policies.map((name) => {
        const p = byName.get(name)!;
        return [link(p.name, p.url), escapeHtml(levelText(p.level)), escapeHtml(SCOPE_LABEL[p.scope]), ...countCells(p.counts)];
    });
    return [...out, ...table(["policy", "level", "scope", ...COUNT_HEADER], rows, numeric(3, 6))];
}

function policySection(p: PolicyEvidence): string[] {
    const serves = p.recommendations.length > 0 ? p.recommendations.join(", ") : "no AA22-131A recommendation";
    const out = [
        `<h3>${link(p.name, p.url)}</h3>`,
        `<p>${escapeHtml(p.description)} Level ${escapeHtml(levelText(p.level))}, severity ${escapeHtml(p.severity)}; serves ${escapeHtml(serves)}.</p>`,
        `<p>Scope: ${escapeHtml(scopeText(p))}</p>`,
    ];
    const rows = p.resources.flatMap((r) => r.findings.map((f) => [resourceCell(r), escapeHtml(findingResult(f)), escapeHtml(f.severity), prose(f.message), prose(exemptionText(f))]));
    if (rows.length > 0) out.push(...table(["resource", "result", "severity", "finding", "exemption"], rows));
    for (const outcome of ["passed", "no-finding"] as const) {
        const clean = p.resources.filter((r) => r.outcome === outcome);
        if (clean.length > 0) out.push(`<p>${escapeHtml(`${OUTCOME_LABEL[outcome][0].toUpperCase()}${OUTCOME_LABEL[outcome].slice(1)} (${clean.length})`)}: ${clean.map(resourceCell).join(", ")}.</p>`);
    }
    if (p.resources.length === 0 && p.scope !== "disabled") out.push(`<p>${p.scope === "unknown" ? "It reported on no resource." : "No resource of the stack was in its scope."}</p>`);
    return out;
}

export function formatEvidenceHtml(e: EvidenceReport): string {
    const title = `${e.framework.name} evidence: ${e.run.project}/${e.run.stack}: ${e.verdict}`;
    return htmlPage(title, STYLE, [
        ...header(e),
        ...summary(e),
        ...overview(e),
        "<section>",
        "<h2>Resources checked, by policy</h2>",
        ...e.policies.flatMap(policySection),
        "</section>",
    ]);
}
