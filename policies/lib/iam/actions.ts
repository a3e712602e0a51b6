// Action matching as IAM does it: an action is `service:Name`, compared case-insensitively, and a pattern may use
// `*` and `?` anywhere, in the service part too (`i?m:*`, `*:Get*`, `*`). Matching is a glob over the whole
// `service:Name` string; for well-formed patterns (one colon) that is the same as matching each part separately,
// because the action's only colon must meet the pattern's. Nothing here checks an action against a list of known
// actions: the real action universe grows every week, so an action we have never heard of is still an action.
import { isUnknown } from "../value";
import type { ActionElement, Maybe } from "./document";
import { globCovers, globIntersects, globMatch, hasWildcard, matchesEverything } from "./glob";
import { Tri, some } from "./tri";

/** Does the pattern (as written in a policy) cover the concrete action? `iam:Pass*` covers `IAM:PassRole`. */
export function actionMatches(pattern: string, action: string): boolean {
    return globMatch(pattern, action, "ignore-case");
}

/** Does `outer` cover every action `inner` can match? (`iam:*` covers `iam:Put*`; sound, see `globCovers`.) */
export function patternCovers(outer: string, inner: string): boolean {
    return globCovers(outer, inner, "ignore-case");
}

/** Can some action match both patterns? (`iam:*Policy` and `iam:Put*` can: `iam:PutRolePolicy`.) */
export function patternsOverlap(a: string, b: string): boolean {
    return globIntersects(a, b, "ignore-case");
}

/** True for patterns that cover every action: `*`, `*:*`, `**`. */
export function coversAllActions(pattern: string): boolean {
    const colon = pattern.indexOf(":");
    if (colon < 0) return matchesEverything(pattern);
    return colon === pattern.lastIndexOf(":") && matchesEverything(pattern.slice(0, colon)) && matchesEverything(pattern.slice(colon + 1));
}

/** The service of `service:Action` (lower-cased, as IAM compares it), or undefined when there is no colon. */
export function serviceOf(action: string): string | undefined {
    const colon = action.indexOf(":");
    return colon > 0 ? action.slice(0, colon).toLowerCase() : undefined;
}

/** `s3:*`, `ec2:*`, `s*:*`: every action of one service (or of a family of services), but not every action. */
export function isServiceWildcard(pattern: string): boolean {
    const colon = pattern.indexOf(":");
    return colon > 0 && colon === pattern.lastIndexOf(":") && matchesEverything(pattern.slice(colon + 1)) && !coversAllActions(pattern);
}

/**
 * Does the element allow (for an Allow) or deny (for a Deny) every action `target` matches? `target` is a concrete
 * action (`iam:PassRole`) or a pattern (`s3:*`). `Action` covers it when one pattern covers it; `NotAction` covers it
 * when no excluded pattern can match any of it. Unknown patterns make the answer unknown only when the known
 * patterns do not settle it.
 */
export function elementCovers(element: Maybe<ActionElement>, target: string): Tri {
    if (isUnknown(element)) return "unknown";
    // For a concrete action, covering and overlapping are both plain matching (and much cheaper).
    const concrete = !hasWildcard(target);
    const covers = (p: string) => (concrete ? actionMatches(p, target) : patternCovers(p, target));
    const overlaps = (p: string) => (concrete ? actionMatches(p, target) : patternsOverlap(p, target));
    if (!element.negated) return some(element.patterns, (p) => (isUnknown(p) ? "unknown" : covers(p) ? "yes" : "no"));
    const excluded = some(element.patterns, (p) => (isUnknown(p) ? "unknown" : overlaps(p) ? "yes" : "no"));
    return excluded === "yes" ? "no" : excluded === "no" ? "yes" : "unknown";
}

/** Does the element reach at least one action that `target` matches? (A Deny of `iam:DeleteRole` touches `iam:*`.) */
export function elementTouches(element: Maybe<ActionElement>, target: string): Tri {
    if (isUnknown(element)) return "unknown";
    if (!element.negated) return some(element.patterns, (p) => (isUnknown(p) ? "unknown" : patternsOverlap(p, target) ? "yes" : "no"));
    // NotAction reaches part of the target unless one excluded pattern swallows all of it.
    const swallowed = some(element.patterns, (p) => (isUnknown(p) ? "unknown" : patternCovers(p, target) ? "yes" : "no"));
    return swallowed === "yes" ? "no" : swallowed === "no" ? "yes" : "unknown";
}

/** The element's known patterns that cover `action` (for messages: which pattern granted it). */
export function coveringPatterns(element: Maybe<ActionElement>, action: string): string[] {
    if (isUnknown(element) || element.negated) return [];
    return element.patterns.filter((p): p is string => !isUnknown(p) && actionMatches(p, action));
}

/** All actions of `universe` (service → action names) that the pattern covers; for tests and reports. */
export function expandPattern(pattern: string, universe: Readonly<Record<string, readonly string[]>>): string[] {
    const out: string[] = [];
    for (const [service, names] of Object.entries(universe)) {
        for (const name of names) if (actionMatches(pattern, `${service}:${name}`)) out.push(`${service}:${name}`);
    }
    return out;
}
