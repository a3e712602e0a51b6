// What the evidence report says about each AA22-131A recommendation beyond its id and title: whom it is for, and,
// where code cannot settle it, what it leaves to people. Drawn from the "for" and "deploy-time check" columns of
// CISA-AA22-131A.md. A Record keyed by the closed id union, so a recommendation without its text does not compile.
import type { RecommendationId } from "../../policies/core/metadata";

export type Audience = "MSP" | "customer" | "both";

export interface RecommendationNotes {
    for: Audience;
    /** `partial` ones: what the checks do not cover, in one sentence. */
    notCovered?: string;
    /** `attestation` ones: the evidence the customer or MSP should provide instead of a check. */
    attestation?: string;
}

export const RECOMMENDATION_NOTES: Record<RecommendationId, RecommendationNotes> = {
    T1: {
        for: "both",
        notCovered:
            "The checks see grants to MSP accounts, tenants and principals missing from the current lists and long-lived keys or console logins of MSP users, not whether a listed account is still in use, nor accounts managed outside the stack.",
    },
    T2: { for: "both" },
    T3: {
        for: "both",
        attestation:
            "The contract (or its security schedule) that names, for each security role and responsibility (identities, patching, backups, logging, incident response), whether the customer or the MSP owns it, signed and in force.",
    },
    R1: {
        for: "both",
        notCovered:
            "The checks see management ports open to the internet, remote-access VPN settings, the password policy and public databases, not device hardening, the patch level of internet-facing services, or defences against brute force, password spraying and phishing.",
    },
    R2: { for: "both" },
    R3: { for: "both" },
    R4: {
        for: "both",
        notCovered:
            "The checks see the tagged MSP access zone (its sources, peerings, routes and ports), not networks outside the stack, nor the review of every connection between customer, MSP and third-party networks.",
    },
    R5: { for: "both" },
    R6: {
        for: "both",
        notCovered:
            "The checks see grants to accounts missing from the current lists and the expiry of exemptions, not infrastructure or MSP accounts left behind outside the stack when an MSP stops managing the customer.",
    },
    R7: {
        for: "both",
        notCovered:
            "The checks see whether automatic patching and minor-version upgrades are switched on, not whether updates were applied, known-exploited vulnerabilities prioritised, or end-of-life software removed.",
    },
    R8: { for: "both" },
    R9: {
        for: "both",
        attestation:
            "The incident-response and recovery plans that cover the MSP relationship (who calls whom, how access is cut), with the date and outcome of their last exercise or restore test.",
    },
    R10: {
        for: "both",
        notCovered:
            "The checks see the allow-lists of MSP and partner accounts and tenants, not the supply-chain risk assessment itself nor the MSP's own suppliers.",
    },
    R11: {
        for: "both",
        attestation:
            "The transparency terms of the contract: the services delivered, how and how fast security events are notified, and the customer's access to logs of MSP activity; this report is part of that evidence.",
    },
    R12: {
        for: "both",
        notCovered:
            "The checks see group memberships and role assignments of MSP principals defined in the stack, not directory groups or permissions granted outside it.",
    },
};
