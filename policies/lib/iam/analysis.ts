// What a set of policy documents grants, for privilege analysis. The documents are those that apply to one
// principal together (its inline and attached policies), so an escalation split across two statements or two
// documents is found. Semantics, chosen to be conservative for security:
// - an Allow counts whatever its Condition: a condition narrows a grant, it does not remove it;
// - an Allow is neutralised only by an unconditional Deny that covers the same actions on (at least) the same
//   resources; a conditional or partial Deny leaves the grant standing;
// - unknown parts make a verdict "unknown" only when they could change it (see tri.ts).
import { isUnknown } from "../value";
import { coversAllActions, coveringPatterns, elementCovers, elementTouches, isServiceWildcard, serviceOf } from "./actions";
import { ESCALATION_METHODS, EscalationMethod, IAM_WRITE_ACTIONS, isIamWriteAction, Requirement } from "./catalogue";
import { Statement, StatementRef, unknownParts } from "./document";
import { ALL_RESOURCES, allowReaches, denyCovers, ResourceScope, SOME_RESOURCE } from "./resources";
import { isAllow, isDeny, isUnconditional, locate, Located, PolicyInput } from "./statements";
import { and, not, or, some, Tri } from "./tri";

/** A finding's verdict: certain, or possible depending on values unknown during preview. */
export type FindingVerdict = "yes" | "unknown";

/** Every action on every resource; see `administratorShaped` for NotAction. */
export interface AdministratorFinding {
    readonly verdict: FindingVerdict;
    readonly statements: readonly StatementRef[];
}

/** `s3:*` (every action of a service) allowed on all resources. */
export interface ServiceWildcardFinding {
    readonly verdict: FindingVerdict;
    /** The pattern as first written, e.g. `S3:*`. */
    readonly pattern: string;
    readonly service: string;
    readonly statements: readonly StatementRef[];
}

/** An Allow with NotAction on all resources: every action except the listed ones, including future ones. */
export interface NotActionFinding {
    readonly verdict: FindingVerdict;
    readonly statement: StatementRef;
    readonly excluded: readonly string[];
}

/** One statement's share of an IAM-write finding: the actions it grants and the patterns (as written) granting them. */
export interface IamWriteStatement {
    readonly statement: StatementRef;
    readonly actions: readonly string[];
    readonly patterns: readonly string[];
}

export interface IamWriteFinding {
    readonly verdict: FindingVerdict;
    /** IAM write actions certainly granted (catalogue names, plus literal IAM actions the documents name). */
    readonly actions: readonly string[];
    /** IAM write actions granted depending on unknown values. */
    readonly possibleActions: readonly string[];
    /** The granting statements, in document order. */
    readonly statements: readonly IamWriteStatement[];
}

export interface GrantedAction {
    readonly action: string;
    readonly verdict: FindingVerdict;
    /** The statements that grant it (certainly, or possibly when the verdict is "unknown"). */
    readonly statements: readonly StatementRef[];
}

/** One requirement of an escalation method and the actions (and statements) that meet it. */
export interface EscalationPart {
    readonly requirement: Requirement;
    readonly granted: readonly GrantedAction[];
}

export interface EscalationFinding {
    readonly verdict: FindingVerdict;
    readonly method: EscalationMethod;
    /** One entry per requirement of the method, naming which statements supply which action. */
    readonly parts: readonly EscalationPart[];
}

export interface PrivilegeReport {
    readonly administrator?: AdministratorFinding;
    readonly serviceWildcards: readonly ServiceWildcardFinding[];
    readonly notActionGrants: readonly NotActionFinding[];
    readonly iamWrite?: IamWriteFinding;
    readonly escalations: readonly EscalationFinding[];
    /** What is unknown during preview and matters here, for "cannot verify" messages. */
    readonly unknowns: readonly string[];
}

/**
 * Does the set grant `action` (a concrete action, or a pattern meaning "all of these")? Without `resource`, on any
 * resource at all; with one, on every resource that ARN pattern matches (`"*"`: on every resource).
 */
export function grants(inputs: PolicyInput | readonly PolicyInput[], action: string, resource?: string): Tri {
    return grantOf(locate(inputs), action, resource === undefined ? SOME_RESOURCE : { kind: "pattern", pattern: resource }).verdict;
}

/** Does `deny` neutralise what `allow` grants of `target` within the scope? */
function neutralises(deny: Statement, allow: Statement, target: string, scope: ResourceScope): Tri {
    // Cheap tests first: most statements are Allows, and conditional Denies never neutralise.
    const effect = and(isDeny(deny), isUnconditional(deny));
    return effect === "no" ? "no" : and(effect, elementCovers(deny.action, target), denyCovers(deny.resource, allow.resource, scope));
}

interface Grant {
    readonly verdict: Tri;
    /** Statements that certainly grant it, and those that grant it depending on unknowns. */
    readonly granting: readonly Located[];
    readonly possible: readonly Located[];
}

function grantOf(located: readonly Located[], target: string, scope: ResourceScope): Grant {
    const granting: Located[] = [];
    const possible: Located[] = [];
    for (const entry of located) {
        if (isAllow(entry.statement) === "no") continue;
        const allowed = and(isAllow(entry.statement), elementCovers(entry.statement.action, target), allowReaches(entry.statement.resource, scope));
        if (allowed === "no") continue;
        const verdict = and(allowed, not(some(located, (d) => neutralises(d.statement, entry.statement, target, scope))));
        if (verdict === "yes") granting.push(entry);
        else if (verdict === "unknown") possible.push(entry);
    }
    return { verdict: granting.length ? "yes" : possible.length ? "unknown" : "no", granting, possible };
}

/**
 * An Allow whose actions are everything (`*`, `*:*`), or a NotAction that leaves all of IAM granted: whoever holds
 * every IAM action can grant itself whatever the NotAction left out, so `NotAction: ["s3:*"]` is administrator
 * access in all but name, while PowerUserAccess's `NotAction: ["iam:*", …]` is not.
 */
export function administratorShaped(statement: Statement): Tri {
    const action = statement.action;
    if (isUnknown(action)) return "unknown";
    if (action.negated) return elementCovers(action, "iam:*");
    return some(action.patterns, (p) => (isUnknown(p) ? "unknown" : coversAllActions(p) ? "yes" : "no"));
}

/** Full administrator: an administrator-shaped Allow on all resources, and no unconditional Deny of any IAM action. */
function administrator(located: readonly Located[]): AdministratorFinding | undefined {
    const candidates = located.map((l) => ({ l, v: and(isAllow(l.statement), administratorShaped(l.statement), allowReaches(l.statement.resource, ALL_RESOURCES)) }));
    // A Deny that takes away any IAM action on all resources is the one restriction the holder cannot lift itself.
    const iamDenied = some(located, ({ statement: d }) => and(isDeny(d), isUnconditional(d), elementTouches(d.action, "iam:*"), denyCovers(d.resource, undefined, ALL_RESOURCES)));
    const verdict = and(some(candidates, (c) => c.v), not(iamDenied));
    if (verdict === "no") return undefined;
    const wanted: readonly Tri[] = verdict === "yes" && candidates.some((c) => c.v === "yes") ? ["yes"] : ["yes", "unknown"];
    return { verdict, statements: candidates.filter((c) => wanted.includes(c.v)).map((c) => c.l.ref) };
}

function serviceWildcards(located: readonly Located[]): ServiceWildcardFinding[] {
    const found = new Map<string, { pattern: string; yes: StatementRef[]; maybe: StatementRef[] }>();
    for (const entry of located) {
        const action = entry.statement.action;
        if (isUnknown(action) || action.negated) continue;
        for (const pattern of action.patterns) {
            if (isUnknown(pattern) || !isServiceWildcard(pattern)) continue;
            const verdict = and(
                isAllow(entry.statement),
                allowReaches(entry.statement.resource, ALL_RESOURCES),
                not(some(located, (d) => neutralises(d.statement, entry.statement, pattern, ALL_RESOURCES))),
            );
            if (verdict === "no") continue;
            const key = pattern.toLowerCase();
            const slot = found.get(key) ?? { pattern, yes: [], maybe: [] };
            found.set(key, slot);
            const list = verdict === "yes" ? slot.yes : slot.maybe;
            if (!list.includes(entry.ref)) list.push(entry.ref);
        }
    }
    return [...found.values()].map((slot) => ({
        verdict: slot.yes.length ? "yes" : "unknown",
        pattern: slot.pattern,
        service: serviceOf(slot.pattern) ?? slot.pattern,
        statements: slot.yes.length ? slot.yes : slot.maybe,
    }));
}

function notActionGrants(located: readonly Located[]): NotActionFinding[] {
    const everythingDenied = some(located, ({ statement: d }) => and(isDeny(d), isUnconditional(d), elementCovers(d.action, "*:*"), denyCovers(d.resource, undefined, ALL_RESOURCES)));
    const findings: NotActionFinding[] = [];
    for (const entry of located) {
        const action = entry.statement.action;
        if (isUnknown(action) || !action.negated) continue;
        const verdict = and(isAllow(entry.statement), allowReaches(entry.statement.resource, ALL_RESOURCES), not(everythingDenied));
        if (verdict === "no") continue;
        findings.push({ verdict, statement: entry.ref, excluded: action.patterns.filter((p): p is string => !isUnknown(p)) });
    }
    return findings;
}

function iamWrite(located: readonly Located[]): IamWriteFinding | undefined {
    // The catalogue's names, plus any literal IAM write the documents name that the catalogue does not know yet.
    const candidates = new Map(IAM_WRITE_ACTIONS.map((a) => [a.toLowerCase(), a]));
    for (const { statement } of located) {
        if (isUnknown(statement.action) || statement.action.negated) continue;
        for (const p of statement.action.patterns) {
            if (!isUnknown(p) && !p.includes("*") && !p.includes("?") && isIamWriteAction(p) && !candidates.has(p.toLowerCase())) candidates.set(p.toLowerCase(), p);
        }
    }
    const actions: string[] = [];
    const possibleActions: string[] = [];
    const byStatement = new Map<Located, { actions: string[]; patterns: Set<string> }>();
    for (const action of candidates.values()) {
        const grant = grantOf(located, action, SOME_RESOURCE);
        if (grant.verdict === "yes") actions.push(action);
        else if (grant.verdict === "unknown") possibleActions.push(action);
        for (const entry of grant.verdict === "yes" ? grant.granting : grant.possible) {
            const slot = byStatement.get(entry) ?? { actions: [], patterns: new Set<string>() };
            byStatement.set(entry, slot);
            slot.actions.push(action);
            for (const p of coveringPatterns(entry.statement.action, action)) slot.patterns.add(p);
        }
    }
    if (!actions.length && !possibleActions.length) return undefined;
    return {
        verdict: actions.length ? "yes" : "unknown",
        actions,
        possibleActions,
        // In document order, whatever order the actions were found in.
        statements: located.flatMap((l) => {
            const slot = byStatement.get(l);
            return slot ? [{ statement: l.ref, actions: slot.actions, patterns: [...slot.patterns] }] : [];
        }),
    };
}

function escalations(located: readonly Located[]): EscalationFinding[] {
    const findings: EscalationFinding[] = [];
    for (const method of ESCALATION_METHODS) {
        const parts = method.requires.map((requirement) => {
            const scope = requirement.allResources ? ALL_RESOURCES : SOME_RESOURCE;
            const granted: GrantedAction[] = [];
            for (const action of requirement.anyOf) {
                const grant = grantOf(located, action, scope);
                if (grant.verdict === "no") continue;
                granted.push({ action, verdict: grant.verdict, statements: (grant.verdict === "yes" ? grant.granting : grant.possible).map((l) => l.ref) });
            }
            return { requirement, granted, verdict: or(...granted.map((g) => g.verdict)) };
        });
        const verdict = and(...parts.map((p) => p.verdict));
        if (verdict === "no") continue;
        findings.push({ verdict, method, parts: parts.map(({ requirement, granted }) => ({ requirement, granted })) });
    }
    return findings;
}

/** Unknown parts that can change a privilege verdict: an Allow's Condition never does (conditions do not remove grants). */
function unknowns(located: readonly Located[]): string[] {
    return located.flatMap(({ statement, ref, wholeDocument }) => {
        if (wholeDocument) return [`document ${ref.document + 1} is unknown during preview`];
        const parts = unknownParts(statement).filter((p) => !p.endsWith("Principal") && (p !== "Condition" || isDeny(statement) !== "no"));
        return parts.length ? [`${ref.label} of document ${ref.document + 1}: ${parts.join(", ")} unknown during preview`] : [];
    });
}

/** Everything privileged the documents grant together, each finding naming the statements responsible. */
export function analysePrivileges(inputs: PolicyInput | readonly PolicyInput[]): PrivilegeReport {
    const located = locate(inputs);
    const admin = administrator(located);
    const write = iamWrite(located);
    return {
        ...(admin ? { administrator: admin } : {}),
        serviceWildcards: serviceWildcards(located),
        notActionGrants: notActionGrants(located),
        ...(write ? { iamWrite: write } : {}),
        escalations: escalations(located),
        unknowns: unknowns(located),
    };
}
