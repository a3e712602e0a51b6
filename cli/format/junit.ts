// JUnit XML for CI test reporters (docs/report-formats.md): a test suite per policy, a test case per resource the
// policy found something on, and one passing case per policy for everything else it checked, so the report shows
// what was checked and not only what failed.
import type { WirePolicyInfo } from "../driver/wire";
import type { Finding, RunReport } from "../run/findings";
import { escapeXmlAttribute, escapeXmlText } from "./escape";
import { resourceLabel, waivedMessage } from "./view";

function attributes(values: Record<string, string | number>): string {
    return Object.entries(values).map(([k, v]) => ` ${k}="${escapeXmlAttribute(String(v))}"`).join("");
}

/** One test case: the findings of one policy on one resource. */
interface Case {
    name: string;
    findings: Finding[];
}

function findingLine(f: Finding): string {
    const level = f.exemption ? `exempted (${f.exemption.source}: ${f.exemption.reason}${f.exemption.until ? `, until ${f.exemption.until}` : ""})` : f.level;
    return `[${level}] ${f.severity}: ${waivedMessage(f)}`;
}

function details(findings: readonly Finding[]): string {
    const f = findings[0];
    return [`${resourceLabel(f)}${f.urn ? `\n${f.urn}` : ""}`, f.description, ...findings.map(findingLine)].join("\n");
}

function testcase(policy: string, c: Case): string[] {
    const open = `    <testcase${attributes({ classname: policy, name: c.name })}>`;
    const mandatory = c.findings.filter((f) => f.level === "mandatory");
    if (mandatory.length > 0) {
        // A test case carries one failure: the first mandatory message, and every finding in its body.
        const message = mandatory[0].message + (mandatory.length > 1 ? ` (and ${mandatory.length - 1} more)` : "");
        return [open, `      <failure${attributes({ message, type: "mandatory" })}>${escapeXmlText(details(c.findings))}</failure>`, "    </testcase>"];
    }
    if (c.findings.every((f) => f.exemption)) {
        const reasons = [...new Set(c.findings.map((f) => `${f.exemption?.reason ?? ""}${f.exemption?.until ? ` (until ${f.exemption.until})` : ""}`))].join("; ");
        return [open, `      <skipped${attributes({ message: `Exempted: ${reasons}` })}/>`, `      <system-out>${escapeXmlText(details(c.findings))}</system-out>`, "    </testcase>"];
    }
    // Advisory findings do not fail the deployment: a passing case whose output says what was found.
    return [open, `      <system-out>${escapeXmlText(details(c.findings))}</system-out>`, "    </testcase>"];
}

function casesOf(findings: readonly Finding[]): Case[] {
    const byUrn = new Map<string, Finding[]>();
    for (const f of findings) byUrn.set(f.urn, [...(byUrn.get(f.urn) ?? []), f]);
    const cases = [...byUrn.values()].map((group) => ({ name: resourceLabel(group[0]), findings: group }));
    // Two resources of one type may share a name under different parents; reporters merge cases of equal name.
    const seen = new Map<string, number>();
    for (const c of cases) seen.set(c.name, (seen.get(c.name) ?? 0) + 1);
    return cases.map((c) => ((seen.get(c.name) ?? 0) > 1 ? { ...c, name: `${c.name} (${c.findings[0].urn})` } : c));
}

interface Suite {
    lines: string[];
    tests: number;
    failures: number;
    skipped: number;
}

function suite(policy: Pick<WirePolicyInfo, "name" | "description" | "severity" | "enforcementLevel" | "url">, recommendations: string, findings: readonly Finding[]): Suite {
    const properties = [
        ["description", policy.description],
        ["severity", policy.severity],
        ["enforcementLevel", policy.enforcementLevel],
        ["recommendations", recommendations],
        ["url", policy.url],
    ].map(([name, value]) => `      <property${attributes({ name, value })}/>`);
    const cases = casesOf(findings);
    const lines = cases.flatMap((c) => testcase(policy.name, c));
    let skipped = cases.filter((c) => c.findings.every((f) => f.exemption)).length;
    if (policy.enforcementLevel === "disabled" && findings.length === 0) {
        lines.push(`    <testcase${attributes({ classname: policy.name, name: "all resources" })}>`, `      <skipped${attributes({ message: "policy disabled" })}/>`, "    </testcase>");
        skipped++;
    } else {
        // The "+1": the resources this policy found nothing on passed it.
        lines.push(`    <testcase${attributes({ classname: policy.name, name: cases.length ? "all other resources" : "all resources" })}/>`);
    }
    const failures = cases.filter((c) => c.findings.some((f) => f.level === "mandatory")).length;
    const tests = cases.length + 1;
    return {
        lines: [
            `  <testsuite${attributes({ name: policy.name, tests, failures, errors: 0, skipped })}>`,
            "    <properties>",
            ...properties,
            "    </properties>",
            ...lines,
            "  </testsuite>",
        ],
        tests,
        failures,
        skipped,
    };
}

export function formatJunit(report: RunReport): string {
    const byPolicy = new Map<string, Finding[]>();
    for (const f of report.findings) byPolicy.set(f.policy, [...(byPolicy.get(f.policy) ?? []), f]);
    const suites = report.policies.map((p) => suite(p, p.framework?.specification ?? "", byPolicy.get(p.name) ?? []));
    // Findings of a policy the pack did not list (never expected) still get a suite rather than vanish.
    const listed = new Set(report.policies.map((p) => p.name));
    for (const [name, findings] of byPolicy) {
        if (listed.has(name)) continue;
        const f = findings[0];
        suites.push(suite({ name, description: f.description, severity: f.severity, enforcementLevel: f.level, url: "" }, f.recommendations.join(", "), findings));
    }
    const total = (key: "tests" | "failures" | "skipped") => suites.reduce((n, s) => n + s[key], 0);
    const head = {
        name: `${report.pack.name} ${report.mode} of ${report.target} (project ${report.project}, stack ${report.stack})`,
        tests: total("tests"),
        failures: total("failures"),
        errors: 0,
        skipped: total("skipped"),
        time: (report.durationMs / 1000).toFixed(3),
        timestamp: report.startedAt,
    };
    return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites${attributes(head)}>`, ...suites.flatMap((s) => s.lines), "</testsuites>"].join("\n") + "\n";
}
