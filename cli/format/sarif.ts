// SARIF 2.1.0 for GitHub code scanning, Azure DevOps and other SARIF viewers (docs/report-formats.md).
// One run; every policy of the pack is a rule, every finding a result. Pulumi findings are about resources, not
// lines, so a result's identity is a logical location (the resource urn); each is also anchored on the file the run
// read (the program's entry file, or the stack export), since code-scanning tools require a physical location.
import { createHash } from "crypto";
import * as path from "path";
import type { Level, SeverityName, WirePolicyInfo } from "../driver/wire";
import type { Finding, RunReport } from "../run/findings";
import { httpUrl, waivedMessage } from "./view";

const SARIF_SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
const TOOL_INFORMATION_URI = "https://github.com/msp-guard/msp-guard";
/** partialFingerprints key: versioned, so a change of the hashed parts can be told apart from a new finding. */
export const FINGERPRINT_KEY = "mspGuardFinding/v1";

type SarifLevel = "none" | "note" | "warning" | "error";

/** The scores GitHub maps to its critical / high / medium / low bands (>= 9.0, 7.0-8.9, 4.0-6.9, 0.1-3.9). */
const SECURITY_SEVERITY: Record<SeverityName, string | undefined> = {
    critical: "9.5",
    high: "8.0",
    medium: "5.5",
    low: "3.0",
    unspecified: undefined,
};

/** A mandatory finding fails the deployment, so it is an error; remediate and advisory ones do not. */
function levelOf(level: Level): SarifLevel {
    return level === "mandatory" ? "error" : "warning";
}

function recommendationsOf(policy: Pick<WirePolicyInfo, "framework">): string[] {
    return (policy.framework?.specification ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

interface SarifRule {
    id: string;
    shortDescription: { text: string };
    helpUri?: string;
    help?: { text: string; markdown: string };
    defaultConfiguration: { level: SarifLevel; enabled?: boolean };
    properties: { tags: string[]; "security-severity"?: string; severity: SeverityName; recommendations: string[] };
}

function ruleOf(policy: WirePolicyInfo): SarifRule {
    const recommendations = recommendationsOf(policy);
    const helpUri = httpUrl(policy.url);
    const securitySeverity = SECURITY_SEVERITY[policy.severity];
    // "security" is what makes GitHub file the results under security alerts and read security-severity.
    const tags = [...new Set([...policy.tags, ...recommendations, "security"])];
    return {
        id: policy.name,
        shortDescription: { text: policy.description },
        ...(helpUri ? { helpUri } : {}),
        ...(policy.remediationSteps
            ? { help: { text: policy.remediationSteps, markdown: policy.remediationSteps + (helpUri ? `\n\n[Policy documentation](${helpUri})` : "") } }
            : {}),
        defaultConfiguration: policy.enforcementLevel === "disabled" ? { level: "warning", enabled: false } : { level: levelOf(policy.enforcementLevel) },
        properties: {
            tags,
            ...(securitySeverity ? { "security-severity": securitySeverity } : {}),
            severity: policy.severity,
            recommendations,
        },
    };
}

/** A finding of a policy the pack did not list (never expected): still a rule, so every ruleIndex resolves. */
function policyFromFinding(f: Finding): WirePolicyInfo {
    return {
        name: f.policy,
        displayName: "",
        description: f.description,
        enforcementLevel: f.level,
        policyType: "unknown",
        severity: f.severity,
        framework: { name: "", version: "", reference: "", specification: f.recommendations.join(", ") },
        tags: [],
        remediationSteps: "",
        url: "",
    };
}

/**
 * Stable across runs: policy, urn and the finding's text, without what changes while the finding stays the same
 * (an exemption's prefix, its reason and expiry; spacing). Exempting a finding keeps its fingerprint, so a viewer
 * shows the same alert as suppressed instead of a new one.
 */
function fingerprintOf(f: Finding): string {
    const text = waivedMessage(f).replace(/\s+/g, " ").trim();
    return createHash("sha256").update([f.policy, f.urn, text].join("\u0000")).digest("hex");
}

function encodePath(p: string): string {
    // Per segment, so "#", "?" and ":" in a file name cannot turn into a fragment, a query or a scheme.
    return p.split("/").map((segment, i) => (i <= 1 && /^[A-Za-z]:$/.test(segment) ? segment : encodeURIComponent(segment))).join("/");
}

/**
 * A file as a SARIF artifact location: relative to the directory msp-guard ran in (%SRCROOT%, the checkout root in
 * CI) when given relative, else an absolute file: URI.
 */
export function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
    const posix = path.posix.normalize(file.replace(/\\/g, "/"));
    if (posix.startsWith("/")) return { uri: `file://${encodePath(posix)}` };
    if (/^[A-Za-z]:\//.test(posix)) return { uri: `file:///${encodePath(posix)}` };
    return { uri: encodePath(posix), uriBaseId: "%SRCROOT%" };
}

/**
 * The file a run read: the stack export of an audit; the program's entry file in a preview (its Pulumi.yaml when the
 * report does not name the entry file). GitHub rejects a whole upload if one result lacks a file, so every result
 * gets one.
 */
function analyzedFile(report: RunReport): string {
    return report.mode === "audit" ? report.target : `${report.target}/${report.entryFile ?? "Pulumi.yaml"}`;
}

interface SarifLocation {
    physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } };
    logicalLocations: Array<{ fullyQualifiedName: string; name: string; kind: "resource" | "module" }>;
}

interface SarifResult {
    ruleId: string;
    ruleIndex: number;
    level: SarifLevel;
    message: { text: string };
    locations: SarifLocation[];
    partialFingerprints: Record<string, string>;
    suppressions?: Array<{
        kind: "inSource" | "external";
        status: "accepted";
        justification: string;
        properties: { source: "tag" | "config"; until?: string };
    }>;
    properties: { enforcementLevel: Level; severity: SeverityName; resourceType: string; recommendations: string[]; unverifiable: boolean };
}

function locationOf(f: Finding, report: RunReport): SarifLocation {
    const logical: SarifLocation["logicalLocations"][number] = f.urn
        ? { fullyQualifiedName: f.urn, name: f.resourceName, kind: "resource" }
        : // A finding about the whole stack has no urn: name the stack instead.
          { fullyQualifiedName: `${report.project}/${report.stack}`, name: report.stack, kind: "module" };
    // Line 1: a resource has no line of its own in a program (nor a stable one in an export).
    return { physicalLocation: { artifactLocation: artifactLocation(analyzedFile(report)), region: { startLine: 1 } }, logicalLocations: [logical] };
}

function resultOf(f: Finding, ruleIndex: number, report: RunReport): SarifResult {
    const exemption = f.exemption;
    return {
        ruleId: f.policy,
        ruleIndex,
        // Exempted findings are reported, as suppressed notes, so the waiver is part of the record.
        level: exemption ? "note" : levelOf(f.level),
        message: { text: waivedMessage(f) },
        locations: [locationOf(f, report)],
        partialFingerprints: { [FINGERPRINT_KEY]: fingerprintOf(f) },
        ...(exemption
            ? {
                  suppressions: [
                      {
                          // SARIF suppression.kind: "inSource" for a suppression expressed in the source code,
                          // "external" for one persisted outside it. An exemption tag is set on the resource in the
                          // program; a config exemption lives in the policy-pack config file.
                          kind: exemption.source === "tag" ? "inSource" : "external",
                          status: "accepted",
                          justification: exemption.reason,
                          properties: { source: exemption.source, ...(exemption.until ? { until: exemption.until } : {}) },
                      },
                  ],
              }
            : {}),
        properties: {
            enforcementLevel: f.level,
            severity: f.severity,
            resourceType: f.resourceType,
            recommendations: f.recommendations,
            unverifiable: f.unverifiable,
        },
    };
}

export function formatSarif(report: RunReport): string {
    const policies = [...report.policies];
    const ruleIndex = new Map(policies.map((p, i) => [p.name, i]));
    const indexOf = (f: Finding): number => {
        let index = ruleIndex.get(f.policy);
        if (index === undefined) {
            index = policies.push(policyFromFinding(f)) - 1;
            ruleIndex.set(f.policy, index);
        }
        return index;
    };
    const results = report.findings.map((f) => resultOf(f, indexOf(f), report));
    const started = Date.parse(report.startedAt);
    const log = {
        $schema: SARIF_SCHEMA_URI,
        version: "2.1.0",
        runs: [
            {
                tool: {
                    driver: {
                        name: report.tool.name,
                        version: report.tool.version,
                        semanticVersion: report.tool.version,
                        informationUri: TOOL_INFORMATION_URI,
                        rules: policies.map(ruleOf),
                    },
                },
                // No automationDetails: GitHub's upload action sets it from its `category` input only when the log
                // has none, so setting it here would take that choice away from the workflow.
                invocations: [
                    {
                        executionSuccessful: true,
                        ...(Number.isNaN(started)
                            ? {}
                            : { startTimeUtc: new Date(started).toISOString(), endTimeUtc: new Date(started + report.durationMs).toISOString() }),
                        properties: { configDigest: report.configDigest },
                    },
                ],
                results,
                properties: {
                    mode: report.mode,
                    target: report.target,
                    project: report.project,
                    stack: report.stack,
                    pack: { name: report.pack.name, version: report.pack.version },
                },
            },
        ],
    };
    return JSON.stringify(log, null, 2) + "\n";
}
