// The pack's arguments, assembled from the registry. index.ts is the only place that serves them.
import type { PolicyPackArgs } from "@pulumi/policy";
import { PACK_NAME } from "./metadata";
import type { MspPolicy } from "./policy";

export const PACK_DESCRIPTION =
    "Deploy-time checks for CISA/NCSC/ACSC advisory AA22-131A, Protecting Against Cyber Threats to Managed Service Providers and their Customers: " +
    "segregated MSP access networks, MFA on every MSP role and delegation, least privilege, attack-proof backups, six months of logs, hardened internet-facing access.";

export function packArgs(policies: readonly MspPolicy[], readme?: string): PolicyPackArgs {
    return {
        displayName: "msp-guard: CISA AA22-131A for MSPs and their customers",
        description: PACK_DESCRIPTION,
        readme,
        provider: "aws,azure-native",
        tags: ["cisa", "aa22-131a", "msp", "compliance", "aws", "azure"],
        repository: "https://github.com/msp-guard/msp-guard",
        policies: policies.map((p) => p.toPulumiPolicy()),
    };
}

export { PACK_NAME };
