import policy from "../../../../policies/aws/iam/msp-admin-group-membership";
import type { WireValue } from "../../../../cli/driver/wire";
import { advisory, cannotVerify, Expected, expectFindings, mandatory, only } from "../../../harness/expect";
import { usePack, TestResource, urnOf } from "../../../harness/pack";
import { secret, unknown } from "../../../harness/values";

const NAME = policy.name;
const USER = "aws:iam/user:User";
const GROUP = "aws:iam/group:Group";
const POLICY = "aws:iam/policy:Policy";
const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
const userUrn = urnOf(USER, "vendor");

const statement = (action: WireValue, resource: WireValue = "*"): WireValue => ({ Effect: "Allow", Action: action, Resource: resource });
const documentOf = (...statements: WireValue[]): WireValue => JSON.stringify({ Version: "2012-10-17", Statement: statements });

const mspUser = (props: Record<string, WireValue> = { tags: { "msp:provider": "acme" } }): TestResource => ({ type: USER, name: "vendor", props });
const group = (name = "admins", props: Record<string, WireValue> = {}): TestResource => ({ type: GROUP, name, props });
const groupMembership = (users: string[] = [userUrn], groupName = "admins", name = "m"): TestResource => ({
    type: "aws:iam/groupMembership:GroupMembership",
    name,
    props: { group: unknown, users: users.map(() => unknown) },
    propertyDependencies: { group: [urnOf(GROUP, groupName)], users },
});
const groupAttachment = (policyArn: WireValue, groupName = "admins", policyDeps: string[] = []): TestResource => ({
    type: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
    name: `att-${groupName}`,
    props: { group: unknown, policyArn },
    propertyDependencies: { group: [urnOf(GROUP, groupName)], policyArn: policyDeps },
});
const groupPolicy = (document: WireValue, groupName = "admins"): TestResource => ({
    type: "aws:iam/groupPolicy:GroupPolicy",
    name: `gp-${groupName}`,
    props: { group: unknown, policy: document },
    propertyDependencies: { group: [urnOf(GROUP, groupName)] },
});


interface Case {
    name: string;
    resources: TestResource[];
    config?: Record<string, unknown>;
    expect: Expected[];
}

const cases: Case[] = [
    { name: "MSP user in no group", resources: [mspUser(), group(), groupAttachment(ADMIN)], expect: [] },
    { name: "MSP user (tag) in a group with AdministratorAccess", resources: [mspUser(), group(), groupMembership(), groupAttachment(ADMIN)], expect: [mandatory('MSP user "vendor" (tag msp:provider) joins group "admins" through GroupMembership "m"', "every action on every resource", "AWS managed policy AdministratorAccess", "R12, R5")] },
    {
        name: "through a UserGroupMembership among several groups",
        resources: [mspUser(), group(), group("readers"), { type: "aws:iam/userGroupMembership:UserGroupMembership", name: "ug", props: { user: unknown, groups: [unknown, unknown] }, propertyDependencies: { user: [userUrn], groups: [urnOf(GROUP, "readers"), urnOf(GROUP, "admins")] } }, groupAttachment(ADMIN), groupAttachment("arn:aws:iam::aws:policy/ReadOnlyAccess", "readers")],
        expect: [mandatory('joins group "admins" through UserGroupMembership "ug"')],
    },
    { name: "MSP user by IAM path", resources: [mspUser({ path: "/msp/" }), group(), groupMembership(), groupAttachment(ADMIN)], expect: [mandatory("path /msp/")] },
    { name: "custom MSP path from config", resources: [mspUser({ path: "/vendors/acme/" }), group(), groupMembership(), groupAttachment(ADMIN)], config: { [NAME]: { mspIamPathPrefix: "/vendors/" } }, expect: [mandatory("path /vendors/acme/")] },
    { name: "a staff user in the same group is not this policy's concern", resources: [mspUser({ path: "/staff/" }), group(), groupMembership(), groupAttachment(ADMIN)], expect: [] },
    { name: "a group policy with an escalation method (iam:CreateAccessKey)", resources: [mspUser(), group(), groupMembership(), groupPolicy(documentOf(statement("iam:CreateAccessKey", "arn:aws:iam::*:user/*")))], expect: [mandatory("iam-create-access-key", 'GroupPolicy "gp-admins" (policy)')] },
    { name: "a group policy with IAM write only (tagging users)", resources: [mspUser(), group(), groupMembership(), groupPolicy({ Statement: statement("iam:TagUser", "arn:aws:iam::*:user/*") })], expect: [mandatory("IAM write iam:TagUser")] },
    { name: "a group policy with all of IAM as i?m:*", resources: [mspUser(), group(), groupMembership(), groupPolicy(documentOf(statement("i?m:*")))], expect: [mandatory("all of IAM (i?m:*)")] },
    { name: "a customer policy through a PolicyAttachment's groups", resources: [mspUser(), group(), groupMembership(), { type: POLICY, name: "p", props: { policy: documentOf(statement("*:*")) } }, { type: "aws:iam/policyAttachment:PolicyAttachment", name: "pa", props: { groups: [unknown], policyArn: unknown }, propertyDependencies: { groups: [urnOf(GROUP, "admins")], policyArn: [urnOf(POLICY, "p")] } }], expect: [mandatory('policy "p" attached by PolicyAttachment "pa"')] },
    { name: "a read-only group is fine", resources: [mspUser(), group(), groupMembership(), groupAttachment("arn:aws:iam::aws:policy/ReadOnlyAccess"), groupPolicy(documentOf(statement(["s3:GetObject", "iam:Get*"])))], expect: [] },
    {
        name: "a group made elsewhere, linked by known names (exported stack)",
        resources: [mspUser({ name: "vendor", tags: { "msp:provider": "acme" } }), { type: "aws:iam/groupMembership:GroupMembership", name: "m", props: { group: "Administrators", users: ["vendor"] } }, { type: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment", name: "att", props: { group: "Administrators", policyArn: ADMIN } }],
        expect: [mandatory('joins group "Administrators"')],
    },
    { name: "another user's membership", resources: [mspUser(), { type: USER, name: "staff", props: {} }, group(), groupMembership([urnOf(USER, "staff")]), groupAttachment(ADMIN)], expect: [] },
    { name: "made advisory by config", resources: [mspUser(), group(), groupMembership(), groupAttachment(ADMIN)], config: { [NAME]: "advisory" }, expect: [advisory("joins group")] },

    // Unknown during preview.
    { name: "MSP tags unknown", resources: [mspUser({ tags: unknown }), group(), groupMembership(), groupAttachment(ADMIN)], expect: [cannotVerify('User "vendor" joins group "admins"', "whether the user is the MSP's")] },
    { name: "membership users unknown with no dependency", resources: [mspUser(), group(), { ...groupMembership(), propertyDependencies: { group: [urnOf(GROUP, "admins")] } }, groupAttachment(ADMIN)], expect: [cannotVerify("whether the membership names this user")] },
    { name: "the group unknown with no dependency", resources: [mspUser(), { ...groupMembership(), propertyDependencies: { users: [userUrn] } }], expect: [cannotVerify("cannot be checked until the group is known")] },
    { name: "the group's policy unknown", resources: [mspUser(), group(), groupMembership(), groupPolicy(unknown)], expect: [cannotVerify("may grant", "what the group's policies grant")] },

    // Secrets.
    { name: "a secret MSP tag value still marks the user and is never echoed", resources: [mspUser({ tags: { "msp:provider": secret("acme-corp") } }), group(), groupMembership(), groupAttachment(ADMIN)], expect: [mandatory("tag msp:provider")] },
    { name: "a secret policy ARN is judged", resources: [mspUser(), group(), groupMembership(), groupAttachment(secret(ADMIN))], expect: [mandatory("every action on every resource")] },
];

describe(NAME, () => {
    const pack = usePack();

    test.each(cases)("$name", async ({ resources, config, expect: expected }) => {
        const findings = only(await pack.analyzeStack(resources, config), NAME);
        expectFindings(findings, expected);
        for (const f of findings) {
            expect(f.urn).toBe(userUrn);
            expect(f.message).not.toContain("acme-corp");
        }
    });

    test("an exemption tag on the user waives it", async () => {
        const tags = { "msp:provider": "acme", "msp-guard:exempt": NAME, "msp-guard:exempt-reason": "contracted administrator, reviewed monthly", "msp-guard:exempt-until": "2999-01-01" };
        expectFindings(only(await pack.analyzeStack([mspUser({ tags }), group(), groupMembership(), groupAttachment(ADMIN)]), NAME), [advisory("Exempted by tag", "joins group")]);
    });
});
