// Condition semantics for trust and resource policies, as the IAM documentation states them:
// - a key absent from the request makes an operator false, except negated operators (StringNotEquals, …), which
//   are then true, and `…IfExists` operators, which are then true too;
// - a list of values under one key means "any of them" (so ["true", "false"] does not require "true");
// - `ForAllValues:` is true when the key is absent; `ForAnyValue:` behaves as the plain operator on a single value;
// - operators and keys compare case-insensitively.
// Each function answers a question about one statement with evidence: a verdict and a reason fit for a message.
import { isUnknown } from "../value";
import { ConditionClause, Statement, statementLabel } from "./document";
import { hasWildcard } from "./glob";
import { Tri } from "./tri";

export interface Evidence {
    readonly verdict: Tri;
    /** Why, in words for a user-facing message; empty when nothing in the statement bears on the question. */
    readonly reason: string;
}

export interface Operator {
    /** Lower-cased base operator without qualifier or IfExists: `stringequals`, `bool`, `numericlessthan`. */
    readonly base: string;
    readonly ifExists: boolean;
    readonly qualifier?: "forallvalues" | "foranyvalue";
    /** StringNotEquals, ArnNotLike, NotIpAddress, …: true when the key is absent. */
    readonly negated: boolean;
}

export function parseOperator(operator: string): Operator {
    let name = operator.trim().toLowerCase();
    let qualifier: Operator["qualifier"];
    for (const q of ["forallvalues", "foranyvalue"] as const) {
        if (name.startsWith(`${q}:`)) {
            qualifier = q;
            name = name.slice(q.length + 1);
        }
    }
    const ifExists = name.endsWith("ifexists");
    const base = ifExists ? name.slice(0, -"ifexists".length) : name;
    const operatorInfo = { base, ifExists, negated: base.includes("not") };
    return qualifier ? { ...operatorInfo, qualifier } : operatorInfo;
}

const MFA_PRESENT = "aws:multifactorauthpresent";
const MFA_AGE = "aws:multifactorauthage";
const EXTERNAL_ID = "sts:externalid";

/** How one clause bears on a question: proves it, is unknown but could prove it, or is a near miss (with why). */
type Bearing = { readonly kind: "proves" | "unknown" | "miss"; readonly why: string } | undefined;
const PENDING: Bearing = { kind: "unknown", why: "" };
/** For a Deny: a clause about something else, which narrows when the Deny applies. */
const UNRELATED: Bearing = { kind: "miss", why: "" };

/** `Bool aws:MultiFactorAuthPresent "true"`, or `the Bool block` when the whole operator block is unknown. */
function describeClause(clause: ConditionClause): string {
    if (isUnknown(clause.key)) return `the ${clause.operator} block`;
    const values = isUnknown(clause.values) ? "(unknown)" : clause.values.map((v) => (isUnknown(v) ? "(unknown)" : JSON.stringify(v))).join(", ");
    return `${clause.operator} ${clause.key} ${values}`;
}

/** Known values, or undefined when any is unknown. */
function knownValues(clause: ConditionClause): string[] | undefined {
    if (isUnknown(clause.values)) return undefined;
    const values = clause.values.filter((v): v is string => !isUnknown(v));
    return values.length === clause.values.length ? values : undefined;
}

/**
 * Judge a statement's conditions clause by clause. `needAll`: the question holds only if every clause proves it
 * (a Deny fires only when all its clauses are true); otherwise one proving clause suffices (an Allow needs all its
 * clauses, so any one of them that demands MFA makes MFA required).
 */
function judge(statement: Statement, bearing: (clause: ConditionClause, op: Operator) => Bearing, needAll: boolean, subject: string): Evidence {
    const label = statementLabel(statement);
    if (isUnknown(statement.condition)) return { verdict: "unknown", reason: `cannot verify ${subject} for ${label}: its Condition is unknown during preview` };
    const bearings = statement.condition.map((c) => ({ clause: c, b: bearing(c, parseOperator(c.operator)) }));
    const proving = bearings.find((x) => x.b?.kind === "proves");
    const unknown = bearings.find((x) => x.b?.kind === "unknown");
    const miss = bearings.find((x) => x.b?.kind === "miss" && x.b.why !== "");
    const missReason = miss ? `${label} ${miss.b?.why}` : "";
    if (needAll) {
        const others = bearings.filter((x) => x.b?.kind !== "proves");
        if (proving && others.length === 0) return { verdict: "yes", reason: `${label} ${proving.b?.why}` };
        if ((proving || unknown) && others.every((x) => x.b?.kind === "unknown")) {
            return { verdict: "unknown", reason: `cannot verify ${subject} for ${label}: ${describeClause(others[0].clause)} is unknown during preview` };
        }
        const narrowing = others.find((x) => x.b?.kind !== "unknown");
        if (proving && narrowing) return { verdict: "no", reason: `${label} also requires ${describeClause(narrowing.clause)}, so it may not apply` };
        return { verdict: "no", reason: missReason };
    }
    if (proving) return { verdict: "yes", reason: `${label} ${proving.b?.why}` };
    if (unknown) return { verdict: "unknown", reason: `cannot verify ${subject} for ${label}: ${describeClause(unknown.clause)} is unknown during preview` };
    return { verdict: "no", reason: missReason || `${label} has no condition that requires ${subject}` };
}

/**
 * Does an Allow require MFA? Yes for `Bool aws:MultiFactorAuthPresent "true"`, a plain `NumericLessThan[Equals]
 * aws:MultiFactorAuthAge`, or `Null aws:MultiFactorAuthAge "false"` (the age exists only after MFA). Not for
 * `BoolIfExists … "true"`: long-term access keys carry no MFA key at all, and IfExists lets them through.
 */
export function allowRequiresMfa(statement: Statement): Evidence {
    return judge(statement, (clause, op) => {
        // Only these operators can demand MFA; an unknown key or value under one of them might.
        const counts = !op.ifExists && op.qualifier !== "forallvalues" && ["bool", "numericlessthan", "numericlessthanequals", "null"].includes(op.base);
        if (isUnknown(clause.key)) return counts ? PENDING : undefined;
        const key = clause.key.toLowerCase();
        if (key !== MFA_PRESENT && key !== MFA_AGE) return undefined;
        const values = knownValues(clause);
        if (!values) return counts ? PENDING : undefined;
        const all = (v: string) => values.length > 0 && values.every((x) => x.toLowerCase() === v);
        const text = describeClause(clause);
        if (op.qualifier === "forallvalues") return { kind: "miss", why: `does not require MFA: ${text} is true when the key is absent` };
        if (key === MFA_PRESENT && op.base === "bool" && all("true")) {
            return op.ifExists
                ? { kind: "miss", why: `does not require MFA: ${text} lets long-term access keys through, because their requests carry no MFA key and IfExists passes an absent key` }
                : { kind: "proves", why: `requires MFA (${text})` };
        }
        if (key === MFA_AGE && (op.base === "numericlessthan" || op.base === "numericlessthanequals")) {
            return op.ifExists
                ? { kind: "miss", why: `does not require MFA: ${text} passes requests without MFA, where the key is absent` }
                : { kind: "proves", why: `requires MFA (${text})` };
        }
        if (key === MFA_AGE && op.base === "null" && all("false")) return { kind: "proves", why: `requires MFA (${text}: the key exists only after MFA)` };
        return { kind: "miss", why: `does not require MFA: ${text} does not demand MFA` };
    }, false, "MFA");
}

/**
 * Does a Deny (already known to cover the action and principal) refuse every request without MFA? Yes when all its
 * conditions are `BoolIfExists aws:MultiFactorAuthPresent "false"` (true when the key is absent or false) or
 * `Null aws:MultiFactorAuthAge "true"`. Not with a plain `Bool … "false"`: the key is absent for long-term keys, so
 * the condition is false and the Deny does not apply.
 */
export function denyEnforcesMfa(statement: Statement): Evidence {
    return judge(statement, (clause, op) => {
        if (isUnknown(clause.key)) return PENDING;
        const key = clause.key.toLowerCase();
        const values = knownValues(clause);
        if (!values) return key === MFA_PRESENT || key === MFA_AGE ? PENDING : UNRELATED;
        const all = (v: string) => values.length > 0 && values.every((x) => x.toLowerCase() === v);
        const text = describeClause(clause);
        if (key === MFA_PRESENT && op.base === "bool" && all("false") && !op.qualifier) {
            return op.ifExists
                ? { kind: "proves", why: `denies requests without MFA (${text})` }
                : { kind: "miss", why: `denies with ${text}, which is false when the key is absent (long-term access keys), so it does not require MFA` };
        }
        if (key === MFA_AGE && op.base === "null" && all("true") && !op.qualifier) return { kind: "proves", why: `denies requests without MFA (${text})` };
        return UNRELATED;
    }, true, "MFA");
}

/** A concrete ExternalId value: non-empty, and for StringLike without wildcards (`*` accepts anything). */
function concrete(values: readonly string[], like: boolean): boolean {
    return values.length > 0 && values.every((v) => v !== "" && !(like && hasWildcard(v)));
}

/**
 * Does an Allow require an `sts:ExternalId`? Only with a concrete value under `StringEquals` (or
 * `StringEqualsIgnoreCase`, or `StringLike` without wildcards). `StringLike "*"` accepts any value, and every
 * `…IfExists` passes a request that gives no ExternalId at all.
 */
export function allowRequiresExternalId(statement: Statement): Evidence {
    return judge(statement, (clause, op) => {
        const counts = !op.ifExists && op.qualifier !== "forallvalues" && ["stringequals", "stringequalsignorecase", "stringlike"].includes(op.base);
        if (isUnknown(clause.key)) return counts ? PENDING : undefined;
        if (clause.key.toLowerCase() !== EXTERNAL_ID) return undefined;
        const values = knownValues(clause);
        if (!values) return counts ? PENDING : undefined;
        const text = `${clause.operator} sts:ExternalId`; // the value itself stays out of messages
        if (op.ifExists) return { kind: "miss", why: `does not require an ExternalId: ${text} passes requests that give none` };
        if (op.qualifier === "forallvalues") return { kind: "miss", why: `does not require an ExternalId: ${text} is true when the key is absent` };
        if (!counts) return { kind: "miss", why: `does not require an ExternalId: ${text} does not demand a value` };
        if (!concrete(values, op.base === "stringlike")) return { kind: "miss", why: `does not require an ExternalId: ${text} accepts any value` };
        return { kind: "proves", why: `requires an ExternalId (${text} with a concrete value)` };
    }, false, "an ExternalId");
}

/** Does a Deny refuse every request without the right ExternalId? (`StringNotEquals[IfExists] sts:ExternalId "x"`.) */
export function denyEnforcesExternalId(statement: Statement): Evidence {
    return judge(statement, (clause, op) => {
        if (isUnknown(clause.key)) return PENDING;
        if (clause.key.toLowerCase() !== EXTERNAL_ID) return UNRELATED;
        const values = knownValues(clause);
        if (!values) return PENDING;
        // Negated operators are true when the key is absent, with or without IfExists: the Deny then applies.
        const fires = !op.qualifier && ["stringnotequals", "stringnotequalsignorecase", "stringnotlike"].includes(op.base) && concrete(values, op.base === "stringnotlike");
        return fires ? { kind: "proves", why: `denies requests without the ExternalId (${clause.operator} sts:ExternalId)` } : UNRELATED;
    }, true, "an ExternalId");
}

export type RestrictionScope = "organization" | "account" | "principal" | "source" | "network";

export interface Restriction {
    readonly operator: string;
    readonly key: string;
    readonly values: readonly string[];
    readonly scope: RestrictionScope;
}

/** Condition keys that narrow a `Principal "*"` from the whole world to an organization, account, source or network. */
export const RESTRICTING_KEYS: Readonly<Record<string, RestrictionScope>> = {
    "aws:principalorgid": "organization",
    "aws:principalorgpaths": "organization",
    "aws:principalaccount": "account",
    "aws:principalarn": "principal",
    "aws:sourceorgid": "organization",
    "aws:sourceorgpaths": "organization",
    "aws:sourceaccount": "account",
    "aws:sourceowner": "account",
    "aws:sourcearn": "source",
    "aws:sourcevpc": "network",
    "aws:sourcevpce": "network",
};

/** A value restricts when it is more than wildcards, and (for ARNs) names the account rather than `*`. */
function restricts(key: string, value: string): boolean {
    if (value === "" || [...value].every((c) => c === "*" || c === "?")) return false;
    if (key === "aws:principalarn" || key === "aws:sourcearn") {
        const account = value.split(":")[4];
        if (account !== undefined && hasWildcard(account)) return false;
    }
    return true;
}

export interface RestrictionEvidence extends Evidence {
    readonly restrictions: readonly Restriction[];
}

/**
 * Which conditions of an Allow restrict who may use it, telling "open to the world" from "open to my organization".
 * Only positive operators without IfExists count (a negated one or IfExists passes requests without the key), and
 * not `ForAllValues:` (true when the key is absent).
 */
export function principalRestrictions(statement: Statement): RestrictionEvidence {
    const label = statementLabel(statement);
    if (isUnknown(statement.condition)) return { verdict: "unknown", restrictions: [], reason: `cannot verify who ${label} admits: its Condition is unknown during preview` };
    const restrictions: Restriction[] = [];
    let unknown: ConditionClause | undefined;
    for (const clause of statement.condition) {
        const op = parseOperator(clause.operator);
        const counts = !op.ifExists && !op.negated && op.qualifier !== "forallvalues" && ["stringequals", "stringequalsignorecase", "stringlike", "arnequals", "arnlike"].includes(op.base);
        if (!counts) continue;
        if (isUnknown(clause.key)) {
            unknown ??= clause;
            continue;
        }
        const key = clause.key.toLowerCase();
        if (!Object.prototype.hasOwnProperty.call(RESTRICTING_KEYS, key)) continue;
        const scope = RESTRICTING_KEYS[key];
        const values = knownValues(clause);
        if (!values) unknown ??= clause;
        else if (values.length && values.every((v) => restricts(key, v))) restrictions.push({ operator: clause.operator, key: clause.key, values, scope });
    }
    if (restrictions.length) {
        return { verdict: "yes", restrictions, reason: `${label} admits only requests matching ${restrictions.map((r) => `${r.operator} ${r.key}`).join(" and ")}` };
    }
    if (unknown) return { verdict: "unknown", restrictions, reason: `cannot verify who ${label} admits: ${describeClause(unknown)} is unknown during preview` };
    return { verdict: "no", restrictions, reason: `${label} has no condition restricting it to an organization, account or source` };
}
