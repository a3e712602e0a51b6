// Text output that reads like the policy section of `pulumi preview`: grouped by resource, then each finding with
// its enforcement level, severity, policy and message, then one summary line with counts by level.
import { countByLevel, exitCodeOf, Finding, RunReport } from "../run/findings";
import { Painter, plain } from "./style";

function levelLabel(f: Finding, paint: Painter): string {
    if (f.exemption) return paint("dim", "[exempted] ");
    if (f.level === "mandatory") return paint("red", "[mandatory]");
    return paint("yellow", "[advisory] ");
}

function indent(text: string, spaces: number): string {
    const pad = " ".repeat(spaces);
    return text.split("\n").map((line) => pad + line).join("\n");
}

export function summaryLine(report: RunReport, paint: Painter = plain): string {
    const counts = countByLevel(report.findings);
    const verdict = exitCodeOf(report.findings) === 1 ? paint("red", "FAILED") : paint("green", "passed");
    return `${verdict}: ${counts.mandatory} mandatory, ${counts.advisory} advisory, ${counts.exempted} exempted ` +
        `(${report.resources.length} resources, ${report.policies.filter((p) => p.enforcementLevel !== "disabled").length} policies, ${(report.durationMs / 1000).toFixed(1)} s)`;
}

export function formatText(report: RunReport, paint: Painter = plain): string {
    const out: string[] = [];
    out.push(paint("bold", `${report.pack.name} ${report.pack.version}`) + ` ${report.mode} of ${report.target} (project ${report.project}, stack ${report.stack})`);
    const groups = new Map<string, Finding[]>();
    for (const f of report.findings) groups.set(f.urn, [...(groups.get(f.urn) ?? []), f]);
    for (const [urn, findings] of groups) {
        out.push("");
        out.push(urn ? `${paint("cyan", findings[0].resourceType)}  ${paint("bold", findings[0].resourceName)}` : paint("cyan", "stack"));
        for (const f of findings) {
            out.push(`    ${levelLabel(f, paint)} ${f.severity.padEnd(8)} ${paint("bold", f.policy)}`);
            out.push(paint("dim", indent(f.description, 8)));
            out.push(indent(f.message, 8));
        }
    }
    out.push("");
    out.push(summaryLine(report, paint));
    return out.join("\n") + "\n";
}
