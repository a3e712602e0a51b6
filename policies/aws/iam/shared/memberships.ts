// Which IAM users belong to which groups, as the stack says: `aws:iam/groupMembership:GroupMembership` (one group,
// its `users`) and `aws:iam/userGroupMembership:UserGroupMembership` (one user, its `groups`). Both sides are
// followed through property dependencies (preview) or known names, and may name principals made elsewhere.
import type { StackResourceView, StackView } from "../../../core/policy";
import { GROUP, Target, targetsOf, USER } from "./grants";
import type { ReferenceResolver } from "./references";

export const GROUP_MEMBERSHIP = "aws:iam/groupMembership:GroupMembership";
export const USER_GROUP_MEMBERSHIP = "aws:iam/userGroupMembership:UserGroupMembership";
export const MEMBERSHIP_TYPES: readonly string[] = [GROUP_MEMBERSHIP, USER_GROUP_MEMBERSHIP];

export interface Membership {
    /** The membership resource. */
    readonly via: StackResourceView;
    /** The property of `via` naming the user side and the group side. */
    readonly userProperty: string;
    readonly groupProperty: string;
    readonly users: readonly Target[];
    readonly groups: readonly Target[];
}

export function memberships(stack: StackView, resolver: ReferenceResolver): Membership[] {
    const read = (via: StackResourceView, userProperty: string, groupProperty: string): Membership => ({
        via,
        userProperty,
        groupProperty,
        users: targetsOf(resolver.resolve(via, userProperty, [USER])),
        groups: targetsOf(resolver.resolve(via, groupProperty, [GROUP])),
    });
    return [
        ...stack.ofType(GROUP_MEMBERSHIP).map((via) => read(via, "users", "group")),
        ...stack.ofType(USER_GROUP_MEMBERSHIP).map((via) => read(via, "user", "groups")),
    ];
}

/** Whether a target stands for the user: "yes", "unknown" (an unknown target may be anyone), or "no". */
export function targetIs(target: Target, principal: Target): "yes" | "no" | "unknown" {
    if (target.kind === "unknown" || principal.kind === "unknown") return "unknown";
    if (target.kind === "resource" && principal.kind === "resource") return target.resource.urn === principal.resource.urn ? "yes" : "no";
    if (target.kind === "name" && principal.kind === "name") return target.name === principal.name ? "yes" : "no";
    return "no";
}

export interface GroupLink {
    readonly membership: Membership;
    readonly group: Target;
    /** "unknown" when the membership's user side is unknown during preview (it may name this user). */
    readonly link: "yes" | "unknown";
}

/** The groups a user joins: certainly, or possibly (the membership's user side is unknown during preview). */
export function groupsOf(all: readonly Membership[], user: Target): GroupLink[] {
    const out: GroupLink[] = [];
    for (const membership of all) {
        const verdicts = membership.users.map((u) => targetIs(u, user));
        const link = verdicts.includes("yes") ? "yes" : verdicts.includes("unknown") ? "unknown" : undefined;
        if (link) for (const group of membership.groups) out.push({ membership, group, link });
    }
    return out;
}

/** `groupsOf` for many users: memberships indexed by the users they name, once. */
export function groupsIndex(all: readonly Membership[]): (user: Target) => GroupLink[] {
    const position = new Map(all.map((m, i) => [m, i]));
    const byKey = new Map<string, Membership[]>();
    const open: Membership[] = [];
    const keyOf = (t: Target) => (t.kind === "resource" ? `urn:${t.resource.urn}` : t.kind === "name" ? `name:${t.name}` : undefined);
    for (const membership of all) {
        for (const u of membership.users) {
            const key = keyOf(u);
            if (key === undefined) {
                if (!open.includes(membership)) open.push(membership);
                continue;
            }
            const list = byKey.get(key) ?? [];
            if (!list.includes(membership)) list.push(membership);
            byKey.set(key, list);
        }
    }
    return (user) => {
        const key = keyOf(user);
        if (key === undefined) return [];
        const candidates = new Set([...(byKey.get(key) ?? []), ...open]);
        return groupsOf([...candidates].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0)), user);
    };
}
