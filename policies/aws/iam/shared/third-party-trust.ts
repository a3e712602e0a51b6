// Third-party trust (AA22-131A T2, R3): where a role's trust policy lets another AWS account in without MFA or an
// ExternalId, or lets anyone in. Each gap names one account, one statement and one missing control, so that every
// statement admitting the account must carry the conditions. Judged by the engine's reading of IAM's semantics
// (`policies/lib/iam/conditions.ts`); pure, no Pulumi.
import { AdmittedPrincipal, and, Evidence, not, StatementRef, Tri, TrustAnalysis } from "../../../lib/iam";
import { accountGrants, ADMISSION_UNKNOWN, unknownAccountPrincipals } from "./account-grants";
import { AccountLists, AccountStanding, accountStanding, isThirdParty } from "./msp-identity";

export type TrustControl = "MFA" | "ExternalId";

/** The verdict of a gap: "yes" is a finding, "unknown" a "cannot verify during preview". */
type Open = Exclude<Tri, "no">;

export type TrustGap =
    /** The statement admits any principal, with no condition narrowing it to an organization, account or source. */
    | { readonly kind: "anyone"; readonly verdict: Open; readonly statement: StatementRef; readonly principal: string; readonly reason: string }
    /** A third-party account can assume the role through the statement without the control. */
    | {
          readonly kind: "missing";
          readonly verdict: Open;
          readonly account: string;
          readonly standing: AccountStanding;
          readonly statement: StatementRef;
          readonly control: TrustControl;
          readonly reason: string;
      }
    /** The statement's principal is unknown during preview and the statement does not itself prove the controls. */
    | { readonly kind: "unknown-principal"; readonly statement: StatementRef; readonly controls: readonly TrustControl[] };

/** One account admitted by one statement, with what that statement requires of it. */
interface Exposure {
    readonly account: string;
    readonly statement: StatementRef;
    readonly verdict: "yes" | "unknown";
    readonly mfa: Evidence;
    readonly externalId: Evidence;
}

type Trust = Extract<TrustAnalysis, { kind: "trust" }>;

function describePrincipal(principal: AdmittedPrincipal): string {
    if (principal.kind !== "anyone") return "";
    const except = principal.except?.flatMap((e) => ("value" in e ? [e.value] : [])) ?? [];
    return except.length ? `anyone but ${except.join(", ")} (NotPrincipal)` : JSON.stringify(principal.value);
}

/**
 * Each account each statement admits, with what that statement requires of it: the per-account evidence for an
 * account named in Principal (Denies naming the account count), the statement's own for one named by an account
 * condition on `Principal "*"`. Services are not people: an account a service acts for is asked nothing here.
 */
function exposures(trust: Trust): Exposure[] {
    const people = trust.admissions.map((a) => ({ ...a, principals: a.principals.filter((p) => p.kind !== "service") }));
    return accountGrants(people).flatMap((grant): Exposure[] => {
        const admission = trust.admissions.find((a) => a.statement === grant.statement);
        const named = trust.accounts.find((a) => a.account === grant.account)?.byStatement.find((s) => s.statement === grant.statement);
        const evidence = named ?? admission;
        return evidence ? [{ account: grant.account, statement: grant.statement, verdict: grant.verdict, mfa: evidence.mfa, externalId: evidence.externalId }] : [];
    });
}

/** Why: the control's own evidence, unless what is unknown is whether the statement admits at all. */
function gapReason(exposure: Exposure, evidence: Evidence): string {
    return exposure.verdict === "unknown" && evidence.verdict === "no" ? `whether ${exposure.statement.label} admits the account ${ADMISSION_UNKNOWN}` : evidence.reason;
}

export function thirdPartyTrustGaps(trust: Trust, lists: AccountLists, requireExternalId: boolean): TrustGap[] {
    const gaps: TrustGap[] = [];
    for (const admission of trust.admissions) {
        const anyone = admission.principals.find((p) => p.kind === "anyone");
        if (!anyone) continue;
        const verdict = and(admission.verdict, admission.possiblyRefused.includes(anyone) ? "unknown" : "yes", not(admission.restriction.verdict));
        if (verdict !== "no") gaps.push({ kind: "anyone", verdict, statement: admission.statement, principal: describePrincipal(anyone), reason: admission.restriction.reason });
    }
    const controls: TrustControl[] = requireExternalId ? ["MFA", "ExternalId"] : ["MFA"];
    for (const exposure of exposures(trust)) {
        if (!isThirdParty(exposure.account, lists)) continue;
        for (const control of controls) {
            const evidence = control === "MFA" ? exposure.mfa : exposure.externalId;
            const verdict = and(exposure.verdict, not(evidence.verdict));
            if (verdict === "no") continue;
            const standing = accountStanding(exposure.account, lists);
            gaps.push({ kind: "missing", verdict, account: exposure.account, standing, statement: exposure.statement, control, reason: gapReason(exposure, evidence) });
        }
    }
    for (const admission of unknownAccountPrincipals(trust.admissions)) {
        const missing = controls.filter((c) => (c === "MFA" ? admission.mfa : admission.externalId).verdict !== "yes");
        if (missing.length) gaps.push({ kind: "unknown-principal", statement: admission.statement, controls: missing });
    }
    return gaps;
}
