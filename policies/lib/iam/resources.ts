// Resource matching: ARN patterns compare case-sensitively, `*` and `?` match across segments (IAM globs the whole
// ARN). Three questions are asked of a Resource element, one per analysis scope (see `ResourceScope`).
import { isUnknown } from "../value";
import type { Maybe, ResourceElement } from "./document";
import { globCovers, globIntersects, matchesEverything } from "./glob";
import { Tri, every, some } from "./tri";

/**
 * What a grant must reach to count:
 * - `some`: any resource at all (privilege analysis: an escalation scoped to one role is still an escalation);
 * - `all`: every resource, or every resource but a listed few (`Resource "*"`, or any `NotResource`: what is left
 *   out is named, the rest is open);
 * - `pattern`: every resource the ARN pattern matches (a concrete ARN, or `*` for literally every resource).
 */
export type ResourceScope = { readonly kind: "some" } | { readonly kind: "all" } | { readonly kind: "pattern"; readonly pattern: string };

export const SOME_RESOURCE: ResourceScope = { kind: "some" };
export const ALL_RESOURCES: ResourceScope = { kind: "all" };

/** Does an Allow's resource element reach the scope? A statement without one (trust policies) reaches everything. */
export function allowReaches(element: Maybe<ResourceElement> | undefined, scope: ResourceScope): Tri {
    if (element === undefined) return "yes";
    if (scope.kind === "some") return "yes"; // a Resource, even one unknown during preview, names some resource
    if (isUnknown(element)) return "unknown";
    if (scope.kind === "all") {
        if (element.negated) return "yes";
        return some(element.patterns, (p) => (isUnknown(p) ? "unknown" : matchesEverything(p) ? "yes" : "no"));
    }
    return reachesPattern(element, scope.pattern);
}

/**
 * Does a Deny's resource element cover everything the Allow's element reaches within the scope? Only then does
 * the Deny neutralise the Allow; a Deny on part of the resources leaves the rest granted.
 */
export function denyCovers(deny: Maybe<ResourceElement> | undefined, allow: Maybe<ResourceElement> | undefined, scope: ResourceScope): Tri {
    if (deny === undefined) return "yes";
    if (isUnknown(deny)) return "unknown";
    const denyAll = deny.negated ? "no" : some(deny.patterns, (p) => (isUnknown(p) ? "unknown" : matchesEverything(p) ? "yes" : "no"));
    if (denyAll === "yes" || scope.kind === "all") return denyAll;
    if (scope.kind === "pattern") return reachesPattern(deny, scope.pattern);
    // Scope "some": the Deny must cover each resource pattern of the Allow.
    if (allow === undefined) return denyAll;
    if (isUnknown(allow)) return "unknown"; // the unknown ARNs may or may not fall inside the Deny
    if (allow.negated) return denyAll; // "all but a few" is covered only by a Deny of everything
    return every(allow.patterns, (a) => (isUnknown(a) ? "unknown" : reachesPattern(deny, a)));
}

/** Every resource `pattern` matches is inside the element (Resource: one pattern covers it; NotResource: none meets it). */
function reachesPattern(element: ResourceElement, pattern: string): Tri {
    if (!element.negated) return some(element.patterns, (p) => (isUnknown(p) ? "unknown" : globCovers(p, pattern, "case-sensitive") ? "yes" : "no"));
    const excluded = some(element.patterns, (p) => (isUnknown(p) ? "unknown" : globIntersects(p, pattern, "case-sensitive") ? "yes" : "no"));
    return excluded === "yes" ? "no" : excluded === "no" ? "yes" : "unknown";
}
