// A role's trust policy (`assumeRolePolicy`): which statements let whom assume the role, and, for each AWS account
// admitted, whether it must use MFA and present an ExternalId. An account admitted by several statements is only as
// protected as its weakest one, so its verdicts combine the statements' by "worst first".
import { elementCovers } from "./actions";
import { allowRequiresExternalId, allowRequiresMfa, denyEnforcesExternalId, denyEnforcesMfa, Evidence, principalRestrictions, RestrictionEvidence } from "./conditions";
import { Statement, StatementRef, unknownParts } from "./document";
import { AdmittedPrincipal, principalIncludes, principalsOf } from "./principals";
import { isAllow, isDeny, isUnconditional, locate, Located, PolicyInput } from "./statements";
import { and, not, or, some, Tri } from "./tri";

/**
 * The actions by which a trust policy admits a principal. Not sts:TagSession or sts:SetSourceIdentity: they only
 * travel with an AssumeRole call, which a statement of its own must allow, so a statement allowing only them
 * admits nobody, and the conditions that matter are those of the AssumeRole statement.
 */
export const ASSUME_ACTIONS: readonly string[] = ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity"];

/** Cross-account access with access keys or a role session is `sts:AssumeRole`; MFA and ExternalId are about it. */
const ASSUME_ROLE = "sts:AssumeRole";

export interface TrustAdmission {
    readonly statement: StatementRef;
    /** "unknown" when the Effect or Action is unknown during preview. */
    readonly verdict: "yes" | "unknown";
    /** The assume actions this statement certainly allows. */
    readonly actions: readonly string[];
    /** Whom it admits, less those an unconditional Deny in the same policy refuses. */
    readonly principals: readonly AdmittedPrincipal[];
    /** Those of `principals` that a Deny with parts unknown during preview may refuse: admitted only perhaps. */
    readonly possiblyRefused: readonly AdmittedPrincipal[];
    /** Conditions narrowing who may use it (matters for `Principal "*"`). */
    readonly restriction: RestrictionEvidence;
    /**
     * MFA and ExternalId for the statement as a whole: its own conditions and the Denies that apply to every
     * principal. Per-account verdicts (below) also count Denies naming that account; these are what a message uses
     * for a statement whose Principal is unknown during preview.
     */
    readonly mfa: Evidence;
    readonly externalId: Evidence;
}

/** One statement's admission of one account: what it requires of that account (its weakest principal, when several). */
export interface AccountStatementTrust {
    readonly statement: StatementRef;
    /** "unknown" when the statement's Effect or Action, or a Deny that may refuse the account, is unknown during preview. */
    readonly verdict: "yes" | "unknown";
    readonly mfa: Evidence;
    readonly externalId: Evidence;
}

export interface AccountTrust {
    readonly account: string;
    readonly principals: readonly AdmittedPrincipal[];
    readonly statements: readonly StatementRef[];
    /** The weakest of `byStatement`. */
    readonly mfa: Evidence;
    readonly externalId: Evidence;
    /** Per statement that admits the account, in order: every one of them must carry the conditions. */
    readonly byStatement: readonly AccountStatementTrust[];
}

export type TrustAnalysis =
    | { readonly kind: "absent" }
    | { readonly kind: "unknown" }
    | { readonly kind: "invalid"; readonly reason: string }
    | {
          readonly kind: "trust";
          readonly admissions: readonly TrustAdmission[];
          /** Per AWS account admitted (the customer's own included: filter it out against your settings). */
          readonly accounts: readonly AccountTrust[];
          /** What is unknown during preview and matters here. */
          readonly unknowns: readonly string[];
      };

/** Stands for "whichever principal": only a Deny for every principal is sure to apply to it. */
const EVERYONE: AdmittedPrincipal = { kind: "anyone", value: "*" };

/** Does the Deny statement apply to this principal for every one of the actions? */
function denyApplies(deny: Statement, principal: AdmittedPrincipal, actions: readonly string[]): Tri {
    return and(
        isDeny(deny),
        ...actions.map((a) => elementCovers(deny.action, a)),
        some(principalsOf(deny), (listed) => principalIncludes(listed, principal)),
    );
}

/** An Allow's own evidence, or a Deny in the same policy that enforces the same thing for this principal. */
function requirement(own: Evidence, denies: readonly Statement[], principal: AdmittedPrincipal, enforces: (deny: Statement) => Evidence): Evidence {
    const candidates: Evidence[] = [own];
    for (const deny of denies) {
        const applies = denyApplies(deny, principal, [ASSUME_ROLE]);
        if (applies === "no") continue;
        const evidence = enforces(deny);
        candidates.push({ verdict: and(applies, evidence.verdict), reason: evidence.reason });
    }
    const yes = candidates.find((c) => c.verdict === "yes");
    if (yes) return yes;
    const unknown = candidates.find((c) => c.verdict === "unknown");
    if (unknown) return unknown;
    // Explain the Allow's miss, and a near-miss Deny when there is one (`Bool … "false"` instead of BoolIfExists).
    const nearMiss = candidates.slice(1).find((c) => c.reason !== "");
    return { verdict: "no", reason: nearMiss ? `${own.reason}; ${nearMiss.reason}` : own.reason };
}

/** The weakest of several statements' evidence: a "no" first, then an "unknown", else the first "yes". */
function weakest(evidence: readonly Evidence[]): Evidence {
    return evidence.find((e) => e.verdict === "no") ?? evidence.find((e) => e.verdict === "unknown") ?? evidence[0];
}

function unknowns(located: readonly Located[]): string[] {
    return located.flatMap(({ statement, ref }) => {
        const parts = unknownParts(statement).filter((p) => !p.endsWith("Resource"));
        return parts.length ? [`${ref.label}: ${parts.join(", ")} unknown during preview`] : [];
    });
}

/** Analyse a trust policy. Never throws; absent, unknown and invalid documents are reported as such. */
export function analyseTrust(input: PolicyInput): TrustAnalysis {
    if (!("statements" in input) && input.kind !== "document") return input;
    const located = locate(input);
    const denies = located.map((l) => l.statement).filter((s) => isDeny(s) !== "no");
    const admissions: TrustAdmission[] = [];
    const byAccount = new Map<string, { principals: AdmittedPrincipal[]; statements: StatementRef[]; byStatement: { statement: StatementRef; verdict: "yes" | "unknown"; mfa: Evidence[]; externalId: Evidence[] }[] }>();
    for (const { statement, ref } of located) {
        const verdict = and(isAllow(statement), some(ASSUME_ACTIONS, (a) => elementCovers(statement.action, a)));
        if (verdict === "no") continue;
        const actions = ASSUME_ACTIONS.filter((a) => elementCovers(statement.action, a) === "yes");
        // An unconditional Deny of the same actions for a principal takes it out entirely.
        const refused = (p: AdmittedPrincipal) => some(denies, (d) => and(isUnconditional(d), denyApplies(d, p, actions.length ? actions : [ASSUME_ROLE])));
        const principals = principalsOf(statement).filter((p) => refused(p) !== "yes");
        admissions.push({
            statement: ref,
            verdict,
            actions,
            principals,
            possiblyRefused: principals.filter((p) => refused(p) === "unknown"),
            restriction: principalRestrictions(statement),
            mfa: requirement(allowRequiresMfa(statement), denies, EVERYONE, denyEnforcesMfa),
            externalId: requirement(allowRequiresExternalId(statement), denies, EVERYONE, denyEnforcesExternalId),
        });
        for (const principal of principals) {
            if (principal.kind !== "aws-account") continue;
            const slot = byAccount.get(principal.account) ?? { principals: [], statements: [], byStatement: [] };
            byAccount.set(principal.account, slot);
            slot.principals.push(principal);
            if (!slot.statements.includes(ref)) slot.statements.push(ref);
            // Admitted for sure when one of its principals here surely is.
            const admitted = and(verdict, not(refused(principal))) as "yes" | "unknown";
            let here = slot.byStatement.find((s) => s.statement === ref);
            if (!here) slot.byStatement.push((here = { statement: ref, verdict: admitted, mfa: [], externalId: [] }));
            else here.verdict = or(here.verdict, admitted) as "yes" | "unknown";
            here.mfa.push(requirement(allowRequiresMfa(statement), denies, principal, denyEnforcesMfa));
            here.externalId.push(requirement(allowRequiresExternalId(statement), denies, principal, denyEnforcesExternalId));
        }
    }
    const accounts = [...byAccount.entries()].map(([account, slot]): AccountTrust => {
        const byStatement = slot.byStatement.map(({ statement, verdict, mfa, externalId }) => ({ statement, verdict, mfa: weakest(mfa), externalId: weakest(externalId) }));
        return {
            account,
            principals: slot.principals,
            statements: slot.statements,
            mfa: weakest(byStatement.map((s) => s.mfa)),
            externalId: weakest(byStatement.map((s) => s.externalId)),
            byStatement,
        };
    });
    return { kind: "trust", admissions, accounts, unknowns: unknowns(located) };
}

/** Shorthand for policies: does the trust policy admit anyone at all (`"*"`), and is that narrowed by conditions? */
export function admitsAnyone(trust: TrustAnalysis): { readonly verdict: Tri; readonly admissions: readonly TrustAdmission[] } {
    if (trust.kind !== "trust") return { verdict: trust.kind === "unknown" ? "unknown" : "no", admissions: [] };
    const open = trust.admissions.filter((a) => a.principals.some((p) => p.kind === "anyone" || p.kind === "unknown"));
    const verdict = some(open, (a) => and(a.verdict, a.principals.some((p) => p.kind === "anyone") ? "yes" : "unknown", not(a.restriction.verdict)));
    return { verdict, admissions: open };
}
