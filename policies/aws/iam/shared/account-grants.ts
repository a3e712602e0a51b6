// Which AWS accounts a trust or resource policy grants access to, statement by statement: the accounts its Allow
// statements name in Principal (in any spelling, one hidden in a list included), and the accounts an account
// condition names when it narrows a `Principal "*"` or a service principal (`aws:PrincipalAccount`,
// `aws:SourceAccount`, `aws:SourceOwner`, `aws:PrincipalArn`). Pure: no Pulumi.
import {
    AdmittedPrincipal,
    isAllow,
    locate,
    PolicyInput,
    principalRestrictions,
    principalsOf,
    RestrictionEvidence,
    RestrictionScope,
    StatementRef,
} from "../../../lib/iam";

/** An Allow statement of a trust or resource policy, and whom it admits (a `TrustAdmission` is one). */
export interface GrantSource {
    readonly statement: StatementRef;
    /** "unknown" when the statement's Effect (or, for a trust policy, Action) is unknown during preview. */
    readonly verdict: "yes" | "unknown";
    readonly principals: readonly AdmittedPrincipal[];
    /** Principals that a Deny with parts unknown during preview may refuse (a trust policy's); admitted only perhaps. */
    readonly possiblyRefused?: readonly AdmittedPrincipal[];
    readonly restriction: RestrictionEvidence;
}

/** Why a grant is only possible, for messages: "whether statement 2 admits the account " + this. */
export const ADMISSION_UNKNOWN = "depends on values not known yet (its Effect or Action, or a Deny that may refuse the account)";

export interface AccountGrant {
    readonly account: string;
    readonly statement: StatementRef;
    readonly verdict: "yes" | "unknown";
    /** Where the statement names the account, for messages: `arn:aws:iam::111122223333:root`, `StringEquals aws:SourceAccount`. */
    readonly namedBy: string;
}

/** The Allow statements of a resource policy (every action counts: any access is a grant). */
export function grantSources(input: PolicyInput): GrantSource[] {
    return locate(input).flatMap(({ statement, ref }): GrantSource[] => {
        const verdict = isAllow(statement);
        return verdict === "no" ? [] : [{ statement: ref, verdict, principals: principalsOf(statement), restriction: principalRestrictions(statement) }];
    });
}

const ACCOUNT_ID = /^\d{12}$/;

/** The account a condition value names: an account id (`aws:SourceAccount`), or the account of a principal ARN pattern. */
function accountOf(scope: RestrictionScope, value: string): string | undefined {
    const account = scope === "account" ? value : scope === "principal" ? value.split(":")[4] : undefined;
    return account !== undefined && ACCOUNT_ID.test(account) ? account : undefined;
}

/** The accounts that a statement's account conditions name, with the clause that names each. */
export function accountsInConditions(restriction: RestrictionEvidence): { account: string; namedBy: string }[] {
    return restriction.restrictions.flatMap((r) =>
        r.values.flatMap((value) => {
            const account = accountOf(r.scope, value);
            return account ? [{ account, namedBy: `${r.operator} ${r.key}` }] : [];
        }),
    );
}

/** A principal that an account condition narrows to the accounts it names. */
function narrowedByConditions(principal: AdmittedPrincipal): boolean {
    return principal.kind === "anyone" || principal.kind === "service";
}

/** Every (account, statement) a policy grants access to, in order of mention; one entry per pair. */
export function accountGrants(sources: readonly GrantSource[]): AccountGrant[] {
    const grants: AccountGrant[] = [];
    const add = (source: GrantSource, account: string, namedBy: string, principal: AdmittedPrincipal) => {
        const verdict = source.possiblyRefused?.includes(principal) ? "unknown" : source.verdict;
        const index = grants.findIndex((g) => g.account === account && g.statement === source.statement);
        if (index < 0) grants.push({ account, statement: source.statement, verdict, namedBy });
        else if (verdict === "yes" && grants[index].verdict === "unknown") grants[index] = { account, statement: source.statement, verdict, namedBy };
    };
    for (const source of sources) {
        for (const principal of source.principals) if (principal.kind === "aws-account") add(source, principal.account, principal.value, principal);
        const narrowed = source.principals.filter(narrowedByConditions);
        for (const principal of narrowed) {
            for (const { account, namedBy } of accountsInConditions(source.restriction)) add(source, account, namedBy, principal);
        }
    }
    return grants;
}

/** Principal types whose values never name an AWS account (an unrecognised type is read as an AWS principal). */
const NON_ACCOUNT_TYPES: ReadonlySet<string> = new Set(["Service", "Federated", "CanonicalUser"]);

/** Statements with a principal unknown during preview that, once known, may name any account (or anyone). */
export function unknownAccountPrincipals<S extends GrantSource>(sources: readonly S[]): S[] {
    return sources.filter((s) => s.principals.some((p) => p.kind === "unknown" && !(p.type !== undefined && NON_ACCOUNT_TYPES.has(p.type))));
}
