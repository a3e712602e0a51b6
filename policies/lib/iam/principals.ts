// Who a trust or resource policy admits. An AWS principal names an account in one of several spellings (an account
// id, the account root, a user, role or assumed-role session ARN, in any partition); they all reduce to the account
// that controls the principal, which is what cross-account rules (MSP allow-lists, MFA on third-party access) need.
import { isUnknown } from "../value";
import type { PrincipalEntry, Statement, StatementRef } from "./document";
import { isAllow, locate, PolicyInput } from "./statements";
import { not, or, some, Tri } from "./tri";

export type AdmittedPrincipal =
    /** Anyone: `"*"`, `{"AWS": "*"}`, an ARN with a wildcard, or everyone but a few through NotPrincipal. */
    | { readonly kind: "anyone"; readonly value: string; readonly except?: readonly AdmittedPrincipal[] }
    /** A principal of a known AWS account: the account itself or an identity in it. */
    | { readonly kind: "aws-account"; readonly account: string; readonly partition?: string; readonly identity: AwsIdentity; readonly value: string }
    /** An AWS principal without a readable account: a unique id (`AROA…`, shown by IAM for a deleted principal) or malformed. */
    | { readonly kind: "aws-other"; readonly value: string }
    | { readonly kind: "service"; readonly value: string }
    /** A SAML or OIDC provider; `account` when it is an ARN of the customer's own provider. */
    | { readonly kind: "federated"; readonly value: string; readonly account?: string }
    | { readonly kind: "canonical-user"; readonly value: string }
    /** Unknown during preview. */
    | { readonly kind: "unknown"; readonly type?: string };

/** How an AWS principal names its account: `root` and `account` both stand for every identity the account allows. */
export type AwsIdentity = "account" | "root" | "user" | "role" | "assumed-role" | "federated-user" | "other";

const ACCOUNT_ID = /^\d{12}$/;

/** Read one AWS principal value: `123456789012`, `arn:aws:iam::123456789012:root`, `arn:aws-us-gov:sts::…:assumed-role/R/s`. */
export function parseAwsPrincipal(value: string): AdmittedPrincipal {
    // IAM rejects wildcards in principal ARNs except a bare "*"; one that slips through admits too much to trust.
    if (value.includes("*") || value.includes("?")) return { kind: "anyone", value };
    if (ACCOUNT_ID.test(value)) return { kind: "aws-account", account: value, identity: "account", value };
    const parts = value.split(":");
    if (parts.length >= 6 && parts[0] === "arn" && ACCOUNT_ID.test(parts[4]) && (parts[2] === "iam" || parts[2] === "sts")) {
        const resource = parts.slice(5).join(":");
        const kind = resource.split("/")[0];
        const identity: AwsIdentity =
            parts[2] === "iam" ? (kind === "root" ? "root" : kind === "user" ? "user" : kind === "role" ? "role" : "other")
            : kind === "assumed-role" ? "assumed-role" : kind === "federated-user" ? "federated-user" : "other";
        return { kind: "aws-account", account: parts[4], partition: parts[1], identity, value };
    }
    return { kind: "aws-other", value };
}

function fromEntry(entry: PrincipalEntry): AdmittedPrincipal {
    if (isUnknown(entry.value)) return { kind: "unknown", type: entry.type };
    const value = entry.value;
    switch (entry.type) {
        case "*":
            return { kind: "anyone", value };
        case "AWS":
            return value === "*" ? { kind: "anyone", value } : parseAwsPrincipal(value);
        case "Service":
            return { kind: "service", value };
        case "Federated": {
            const parts = value.split(":");
            return parts[0] === "arn" && ACCOUNT_ID.test(parts[4] ?? "") ? { kind: "federated", value, account: parts[4] } : { kind: "federated", value };
        }
        case "CanonicalUser":
            return { kind: "canonical-user", value };
        default:
            // An unrecognised type is not ignored: read its value as an AWS principal (what it most plausibly means).
            return value === "*" ? { kind: "anyone", value } : parseAwsPrincipal(value);
    }
}

/** The principals a statement applies to; `NotPrincipal` applies to anyone but the listed ones. */
export function principalsOf(statement: Statement): AdmittedPrincipal[] {
    const element = statement.principal;
    if (element === undefined) return [];
    if (isUnknown(element)) return [{ kind: "unknown" }];
    if (element.negated) return [{ kind: "anyone", value: "*", except: element.entries.map(fromEntry) }];
    return element.entries.map(fromEntry);
}

/** Does the principal `listed` in a statement stand for (at least) `admitted`? Used to decide whether a Deny applies. */
export function principalIncludes(listed: AdmittedPrincipal, admitted: AdmittedPrincipal): Tri {
    if (listed.kind === "unknown") return "unknown";
    if (listed.kind === "anyone") {
        if (!listed.except?.length) return "yes";
        // NotPrincipal: everyone but the exceptions. It stands for the admitted principal only when no exception
        // overlaps it (an excepted role of an admitted account is a way in that the statement does not cover).
        if (admitted.kind === "unknown") return "unknown";
        if (admitted.kind === "anyone") return "no";
        return not(some(listed.except, (e) => or(principalIncludes(e, admitted), principalIncludes(admitted, e))));
    }
    if (admitted.kind === "unknown") return "unknown";
    if (listed.kind === "aws-account" && admitted.kind === "aws-account") {
        if (listed.account !== admitted.account) return "no";
        return listed.identity === "account" || listed.identity === "root" || listed.value === admitted.value ? "yes" : "no";
    }
    return "value" in admitted && listed.value === admitted.value ? "yes" : "no";
}

export interface Admission {
    readonly statement: StatementRef;
    /** "yes" for a known Allow; "unknown" when the Effect is unknown. */
    readonly verdict: "yes" | "unknown";
    readonly principals: readonly AdmittedPrincipal[];
}

/** The Allow statements of a trust or resource policy and whom each admits. */
export function admissions(input: PolicyInput): Admission[] {
    return locate(input).flatMap(({ statement, ref }): Admission[] => {
        const allow = isAllow(statement);
        return allow === "no" ? [] : [{ statement: ref, verdict: allow, principals: principalsOf(statement) }];
    });
}

export interface AccountAdmission {
    readonly account: string;
    readonly principals: readonly AdmittedPrincipal[];
    readonly statements: readonly StatementRef[];
}

/** Per AWS account named by an Allow, the principals and statements that admit it, in order of first mention. */
export function admittedAccounts(input: PolicyInput): AccountAdmission[] {
    const byAccount = new Map<string, { principals: AdmittedPrincipal[]; statements: StatementRef[] }>();
    for (const admission of admissions(input)) {
        for (const principal of admission.principals) {
            if (principal.kind !== "aws-account") continue;
            const slot = byAccount.get(principal.account) ?? { principals: [], statements: [] };
            byAccount.set(principal.account, slot);
            slot.principals.push(principal);
            if (!slot.statements.includes(admission.statement)) slot.statements.push(admission.statement);
        }
    }
    return [...byAccount.entries()].map(([account, slot]) => ({ account, ...slot }));
}
