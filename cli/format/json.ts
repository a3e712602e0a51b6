// The JSON report: a stable, documented schema (docs/json-report.md). Bump `schemaVersion` on any breaking change.
import { countByLevel, RunReport } from "../run/findings";

export const JSON_SCHEMA_VERSION = 1;

export function formatJson(report: RunReport): string {
    const counts = countByLevel(report.findings);
    const document = {
        schemaVersion: JSON_SCHEMA_VERSION,
        tool: report.tool,
        run: {
            mode: report.mode,
            target: report.target,
            entryFile: report.entryFile ?? null,
            project: report.project,
            stack: report.stack,
            startedAt: report.startedAt,
            durationMs: report.durationMs,
        },
        pack: report.pack,
        configDigest: report.configDigest,
        summary: {
            resources: report.resources.length,
            policies: report.policies.length,
            mandatory: counts.mandatory,
            advisory: counts.advisory,
            exempted: counts.exempted,
            passed: counts.mandatory === 0,
        },
        findings: report.findings.map((f) => ({
            policy: f.policy,
            level: f.level,
            severity: f.severity,
            urn: f.urn,
            resourceType: f.resourceType,
            resourceName: f.resourceName,
            message: f.message,
            description: f.description,
            recommendations: f.recommendations,
            exemption: f.exemption ?? null,
            unverifiable: f.unverifiable,
        })),
    };
    return JSON.stringify(document, null, 2) + "\n";
}
