// Does a set of identity policies make MFA mandatory for the user they apply to? IAM has no "require MFA" switch
// for console users: the documented pattern is a Deny of everything (or of everything but the few actions a user
// needs to set MFA up) on every resource, unless `aws:MultiFactorAuthPresent` — judged by the engine's
// `denyEnforcesMfa`, which accepts `BoolIfExists … "false"` and `Null aws:MultiFactorAuthAge "true"` only.
import {
    ALL_RESOURCES,
    coversAllActions,
    denyCovers,
    denyEnforcesMfa,
    isDeny,
    isIamWriteAction,
    locate,
    PolicyInput,
    serviceOf,
    some,
    Statement,
    StatementRef,
    Tri,
    and,
} from "../../../lib/iam";
import { isUnknown } from "../../../lib/value";

/**
 * What a user must be able to do before it has MFA, so a Deny may leave these out (NotAction): AWS's published
 * "manage your own MFA device" example, plus changing the initial console password. Read-only IAM actions
 * (`iam:Get*`, `iam:ListMFADevices`, …) may be left out too: they grant nothing.
 */
export const MFA_SELF_SERVICE_ACTIONS: readonly string[] = [
    "iam:CreateVirtualMFADevice",
    "iam:EnableMFADevice",
    "iam:ResyncMFADevice",
    "iam:DeleteVirtualMFADevice",
    "iam:ChangePassword",
    "sts:GetSessionToken",
];

/** May a Deny of everything leave this pattern out and still enforce MFA? */
export function isMfaSelfService(pattern: string): boolean {
    if (MFA_SELF_SERVICE_ACTIONS.some((a) => a.toLowerCase() === pattern.toLowerCase())) return true;
    // IAM reads: `iam:GetUser`, `iam:List*`; the verb must be written out before any wildcard.
    if (serviceOf(pattern) !== "iam") return false;
    const name = pattern.slice(pattern.indexOf(":") + 1);
    return /^(get|list)/i.test(name) && !isIamWriteAction(`iam:${name.replace(/[*?]/g, "")}`);
}

/** Does the Deny's action element reach every action a user could use without MFA? */
function deniesEverything(statement: Statement): Tri {
    const action = statement.action;
    if (isUnknown(action)) return "unknown";
    if (!action.negated) return some(action.patterns, (p) => (isUnknown(p) ? "unknown" : coversAllActions(p) ? "yes" : "no"));
    return some(action.patterns, (p) => (isUnknown(p) ? "unknown" : isMfaSelfService(p) ? "no" : "yes")) === "yes"
        ? "no"
        : action.patterns.some(isUnknown)
          ? "unknown"
          : "yes";
}

export interface MfaEnforcement {
    readonly verdict: Tri;
    /** The statement that enforces MFA (or may, when unknown). */
    readonly statement?: StatementRef;
    /** Why not, or what is unknown: for messages. */
    readonly reason: string;
}

/** Does some unconditional-but-for-MFA Deny of everything apply across the documents? */
export function enforcesMfa(inputs: readonly PolicyInput[]): MfaEnforcement {
    let possible: MfaEnforcement | undefined;
    let nearMiss = "";
    for (const { statement, ref } of locate(inputs)) {
        const shape = and(isDeny(statement), deniesEverything(statement), denyCovers(statement.resource, undefined, ALL_RESOURCES));
        if (shape === "no") continue;
        const evidence = denyEnforcesMfa(statement);
        const verdict = and(shape, evidence.verdict);
        if (verdict === "yes") return { verdict, statement: ref, reason: evidence.reason };
        if (verdict === "unknown") possible ??= { verdict, statement: ref, reason: evidence.reason || `${ref.label} is not known during preview` };
        else if (!nearMiss && evidence.reason) nearMiss = evidence.reason;
    }
    return possible ?? { verdict: "no", reason: nearMiss || "no Deny of every action on every resource applies when MFA is absent" };
}
