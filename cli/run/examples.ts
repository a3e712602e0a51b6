// The main job on the bundled examples (`npm start`): preview every example program with the pack and compare
// what it finds with the example's `expected.json`: compliant examples must be clean, their non-compliant twins
// must break exactly what they are meant to break.
import * as fs from "fs";
import * as path from "path";
import { evaluateStack } from "./evaluate";
import { countByLevel, Finding, RunReport } from "./findings";
import { previewProgram } from "./preview";

export interface ExpectedFinding {
    policy: string;
    level: "mandatory" | "advisory";
    /** `<type>::<name>` of the resource the finding is about. */
    resource: string;
    exempted?: boolean;
}

export interface ExampleResult {
    name: string;
    report: RunReport;
    expected: ExpectedFinding[];
    missing: ExpectedFinding[];
    unexpected: ExpectedFinding[];
}

export function exampleDirs(root: string): string[] {
    return fs
        .readdirSync(root, { withFileTypes: true })
        .filter((e) => e.isDirectory() && fs.existsSync(path.join(root, e.name, "Pulumi.yaml")))
        .map((e) => path.join(root, e.name))
        .sort();
}

export function asExpected(f: Finding): ExpectedFinding {
    const level = f.level === "mandatory" ? "mandatory" : "advisory";
    return { policy: f.policy, level, resource: `${f.resourceType}::${f.resourceName}`, ...(f.exemption ? { exempted: true } : {}) };
}

const key = (e: ExpectedFinding) => `${e.resource} ${e.policy} ${e.level}${e.exempted ? " exempted" : ""}`;

/** Multiset difference, so a finding expected twice must be found twice. */
function minus(a: ExpectedFinding[], b: ExpectedFinding[]): ExpectedFinding[] {
    const remaining = new Map<string, number>();
    for (const e of b) remaining.set(key(e), (remaining.get(key(e)) ?? 0) + 1);
    return a.filter((e) => {
        const n = remaining.get(key(e)) ?? 0;
        if (n > 0) remaining.set(key(e), n - 1);
        return n === 0;
    });
}

export async function runExample(dir: string, packDir: string): Promise<ExampleResult> {
    const expectedFile = path.join(dir, "expected.json");
    const expected = fs.existsSync(expectedFile) ? (JSON.parse(fs.readFileSync(expectedFile, "utf8")) as { findings: ExpectedFinding[] }).findings : [];
    const configFile = path.join(dir, "msp-guard.json");
    const configs = fs.existsSync(configFile) ? [{ source: configFile, raw: JSON.parse(fs.readFileSync(configFile, "utf8")) as unknown }] : [];
    const stack = await previewProgram(dir, {});
    const report = await evaluateStack(stack, { packDir, configs });
    const actual = report.findings.map(asExpected);
    return { name: path.basename(dir), report, expected, missing: minus(expected, actual), unexpected: minus(actual, expected) };
}

export function exampleLine(r: ExampleResult): string {
    const ok = r.missing.length === 0 && r.unexpected.length === 0;
    const counts = countByLevel(r.report.findings);
    const found = r.report.findings.length === 0 ? "clean" : `${counts.mandatory} mandatory, ${counts.advisory} advisory, ${counts.exempted} exempted`;
    const verdict = ok ? (r.expected.length === 0 ? "as expected (compliant)" : "as expected") : "NOT as expected";
    const lines = [`${ok ? "✔" : "✘"} ${r.name}: ${found} in ${r.report.resources.length} resources, ${verdict}`];
    for (const m of r.missing) lines.push(`    missing:    ${key(m)}`);
    for (const u of r.unexpected) lines.push(`    unexpected: ${key(u)}`);
    return lines.join("\n");
}
