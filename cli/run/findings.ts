// Results are data: what a run checked and found. Formatters turn a RunReport into text; only main prints.
import { parseExempted } from "../../policies/core/exemptions";
import type { Level, SeverityName, WireDiagnostic, WirePolicyInfo } from "../driver/wire";

export interface Exemption {
    source: "tag" | "config";
    reason: string;
    until?: string;
}

export interface Finding {
    policy: string;
    /** Enforcement level the finding was reported at: a mandatory finding fails the deployment. */
    level: Level;
    severity: SeverityName;
    urn: string;
    resourceType: string;
    resourceName: string;
    /** What is wrong, on which property, how to fix it (without the policy's description line). */
    message: string;
    description: string;
    recommendations: string[];
    /** Set when the finding is waived: it is then advisory and carries the reason. */
    exemption?: Exemption;
    /** An advisory that a verdict depends on a value unknown during preview. */
    unverifiable: boolean;
}

export interface RunReport {
    tool: { name: string; version: string };
    mode: "preview" | "audit";
    target: string;
    /**
     * Preview runs: the program's entry module, relative to `target`, with "/" separators. SARIF anchors findings on
     * it, because GitHub code scanning rejects an upload with a result that names no file.
     */
    entryFile?: string;
    project: string;
    stack: string;
    startedAt: string;
    durationMs: number;
    pack: { name: string; version: string; dir: string };
    /** sha256 of the effective policy config sent to the pack, so two reports can be compared. */
    configDigest: string;
    policies: WirePolicyInfo[];
    resources: Array<{ urn: string; type: string; name: string }>;
    findings: Finding[];
}

export function resourceNameOf(urn: string): string {
    const at = urn.lastIndexOf("::");
    return at >= 0 ? urn.slice(at + 2) : urn;
}

export function resourceTypeOf(urn: string): string {
    const parts = urn.split("::");
    const qualified = parts.length >= 4 ? parts[2] : "";
    return qualified.slice(qualified.lastIndexOf("$") + 1);
}

export function toFinding(d: WireDiagnostic, policies: ReadonlyMap<string, WirePolicyInfo>): Finding {
    const newline = d.message.indexOf("\n");
    const message = newline >= 0 && d.message.slice(0, newline) === d.description ? d.message.slice(newline + 1) : d.message;
    const exempted = parseExempted(message);
    const spec = policies.get(d.policyName)?.framework?.specification ?? "";
    return {
        policy: d.policyName,
        level: d.enforcementLevel,
        severity: d.severity,
        urn: d.urn,
        resourceType: resourceTypeOf(d.urn),
        resourceName: resourceNameOf(d.urn),
        message,
        description: d.description,
        recommendations: spec.split(",").map((s) => s.trim()).filter(Boolean),
        exemption: exempted ? { source: exempted.source, reason: exempted.reason, until: exempted.until } : undefined,
        unverifiable: message.startsWith("Cannot verify during preview") || message.startsWith("can't run policy"),
    };
}

export function countByLevel(findings: readonly Finding[]): { mandatory: number; advisory: number; exempted: number } {
    return {
        mandatory: findings.filter((f) => f.level === "mandatory").length,
        advisory: findings.filter((f) => f.level !== "mandatory" && !f.exemption).length,
        exempted: findings.filter((f) => f.exemption).length,
    };
}

/** Exit code by the contract: 1 when any mandatory violation, 0 otherwise (2 is for bad input, set by main). */
export function exitCodeOf(findings: readonly Finding[]): 0 | 1 {
    return findings.some((f) => f.level === "mandatory") ? 1 : 0;
}
