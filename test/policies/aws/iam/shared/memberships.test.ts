import { groupsIndex, memberships, groupsOf, targetIs } from "../../../../../policies/aws/iam/shared/memberships";
import { referenceResolver } from "../../../../../policies/aws/iam/shared/references";
import type { Target } from "../../../../../policies/aws/iam/shared/grants";
import { Resource, stackOf, UNKNOWN } from "./stack";

const USER = "aws:iam/user:User";
const GROUP = "aws:iam/group:Group";

function groupsOfUser(resources: Resource[], user: string): string[] {
    const stack = stackOf(resources);
    const target: Target = { kind: "resource", resource: stack.resources.find((r) => r.name === user)! };
    const name = (t: Target) => (t.kind === "resource" ? t.resource.name : t.kind === "name" ? `name:${t.name}` : "unknown");
    return groupsOf(memberships(stack, referenceResolver(stack)), target).map((g) => `${g.membership.via.name}:${name(g.group)}:${g.link}`);
}

const alice: Resource = { type: USER, name: "alice", props: { name: "alice" } };
const admins: Resource = { type: GROUP, name: "admins" };

test.each<[string, Resource[], string[]]>([
    ["no memberships", [alice, admins], []],
    ["GroupMembership through dependencies", [alice, admins, { type: "aws:iam/groupMembership:GroupMembership", name: "m", props: { group: UNKNOWN, users: [UNKNOWN] }, deps: { group: ["admins"], users: ["alice"] } }], ["m:admins:yes"]],
    ["UserGroupMembership through dependencies, two groups", [alice, admins, { type: GROUP, name: "ops" }, { type: "aws:iam/userGroupMembership:UserGroupMembership", name: "ug", props: { user: UNKNOWN, groups: [UNKNOWN, UNKNOWN] }, deps: { user: ["alice"], groups: ["admins", "ops"] } }], ["ug:admins:yes", "ug:ops:yes"]],
    ["by known names, the group made elsewhere", [alice, { type: "aws:iam/groupMembership:GroupMembership", name: "m", props: { group: "legacy-admins", users: ["bob", "alice"] } }], ["m:name:legacy-admins:yes"]],
    ["another user's membership", [alice, { type: USER, name: "bob" }, admins, { type: "aws:iam/groupMembership:GroupMembership", name: "m", props: { group: UNKNOWN, users: [UNKNOWN] }, deps: { group: ["admins"], users: ["bob"] } }], []],
    ["users unknown with no dependency: possibly alice", [alice, admins, { type: "aws:iam/groupMembership:GroupMembership", name: "m", props: { group: UNKNOWN, users: UNKNOWN }, deps: { group: ["admins"] } }], ["m:admins:unknown"]],
    ["the group unknown with no dependency", [alice, { type: "aws:iam/userGroupMembership:UserGroupMembership", name: "ug", props: { user: UNKNOWN, groups: [UNKNOWN] }, deps: { user: ["alice"] } }], ["ug:unknown:yes"]],
])("%s", (_name, resources, expected) => {
    expect(groupsOfUser(resources, "alice")).toEqual(expected);
});

test("the index answers as groupsOf does, in stack order", () => {
    const stack = stackOf([
        alice,
        admins,
        { type: GROUP, name: "ops" },
        { type: "aws:iam/groupMembership:GroupMembership", name: "open", props: { group: UNKNOWN, users: UNKNOWN }, deps: { group: ["admins"] } },
        { type: "aws:iam/userGroupMembership:UserGroupMembership", name: "ug", props: { user: UNKNOWN, groups: [UNKNOWN] }, deps: { user: ["alice"], groups: ["ops"] } },
        { type: "aws:iam/groupMembership:GroupMembership", name: "byname", props: { group: "legacy", users: ["alice"] } },
    ]);
    const all = memberships(stack, referenceResolver(stack));
    const lookup = groupsIndex(all);
    for (const user of [{ kind: "resource", resource: stack.resources[0] }, { kind: "name", name: "alice" }, { kind: "unknown" }] as Target[]) {
        expect(lookup(user).map((g) => g.membership.via.name)).toEqual(user.kind === "unknown" ? [] : groupsOf(all, user).map((g) => g.membership.via.name));
    }
    expect(lookup({ kind: "resource", resource: stack.resources[0] }).map((g) => `${g.membership.via.name}:${g.link}`)).toEqual(["open:unknown", "byname:yes", "ug:yes"]);
});

test("targetIs compares like with like", () => {
    const stack = stackOf([alice]);
    const resource: Target = { kind: "resource", resource: stack.resources[0] };
    expect(targetIs(resource, resource)).toBe("yes");
    expect(targetIs({ kind: "name", name: "alice" }, { kind: "name", name: "alice" })).toBe("yes");
    expect(targetIs({ kind: "name", name: "alice" }, resource)).toBe("no");
    expect(targetIs({ kind: "unknown" }, resource)).toBe("unknown");
});
