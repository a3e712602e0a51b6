// Resources and diagnostics as they cross the analyzer protocol, in plain JSON. Property values use the engine's
// wire encoding: unknowns as the unknown sentinel string, secrets as `{ <sig key>: <secret sig>, value }`.

export const UNKNOWN_SENTINEL = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";

export type WireValue = null | boolean | number | string | WireValue[] | { [key: string]: WireValue };
export type WireProperties = Record<string, WireValue>;

export function wireSecret(value: WireValue): WireValue {
    return { [SIG_KEY]: SECRET_SIG, value };
}

export interface WireResourceOptions {
    protect?: boolean;
    ignoreChanges?: string[];
    aliases?: string[];
    deleteBeforeReplace?: boolean;
    additionalSecretOutputs?: string[];
    customTimeouts?: { create?: number; update?: number; delete?: number };
}

export interface WireProvider {
    type: string;
    name: string;
    urn: string;
    properties: WireProperties;
}

export interface WireResource {
    urn: string;
    type: string;
    name: string;
    properties: WireProperties;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    provider?: WireProvider;
    options?: WireResourceOptions;
}

export type Level = "advisory" | "mandatory" | "remediate" | "disabled";
export type SeverityName = "low" | "medium" | "high" | "critical" | "unspecified";

export interface WireDiagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    message: string;
    enforcementLevel: Level;
    urn: string;
    severity: SeverityName;
}

export interface WireRemediation {
    policyName: string;
    description: string;
    properties?: WireProperties;
    diagnostic?: string;
}

export interface PolicyConfigSchema {
    properties: Record<string, Record<string, unknown>>;
    required?: string[];
}

export interface WirePolicyInfo {
    name: string;
    displayName: string;
    description: string;
    enforcementLevel: Level;
    policyType: "resource" | "stack" | "unknown";
    severity: SeverityName;
    framework?: { name: string; version: string; reference: string; specification: string };
    tags: string[];
    remediationSteps: string;
    url: string;
    configSchema?: PolicyConfigSchema;
}

export interface WireAnalyzerInfo {
    name: string;
    displayName: string;
    version: string;
    supportsConfig: boolean;
    description: string;
    readme: string;
    provider: string;
    tags: string[];
    repository: string;
    policies: WirePolicyInfo[];
    initialConfig: Record<string, { enforcementLevel?: Level; properties?: Record<string, unknown> }>;
}

/** A policy's effective config as the CLI sends it in Configure. */
export interface PolicyConfig {
    enforcementLevel: Level;
    properties: Record<string, unknown>;
}
