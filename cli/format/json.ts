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
        // Added later, without a schema bump (fields are only added): what `msp-guard report --from` needs to rebuild the run's evidence
        // (the levels in force, which resources were in scope) without running the pack again.
        policies: report.policies.map((p) => ({
            name: p.name,
            displayName: p.displayName,
            description: p.description,
            enforcementLevel: p.enforcementLevel,
            policyType: p.policyType,
            severity: p.severity,
            framework: p.framework ?? null,
            tags: p.tags,
            remediationSteps: p.remediationSteps,
            url: p.url,
        })),
        resources: report.resources.map((r) => ({ urn: r.urn, type: r.type, name: r.name })),
    };
    return JSON.stringify(document, null, 2) + "\n";
}
