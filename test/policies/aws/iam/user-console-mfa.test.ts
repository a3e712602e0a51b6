import policy from "../../../../policies/aws/iam/user-console-mfa";
import type { WireValue } from "../../../../cli/driver/wire";
import { advisory, cannotVerify, Expected, expectFindings, mandatory, only } from "../../../harness/expect";
import { usePack, TestResource, urnOf } from "../../../harness/pack";
import { secret, unknown } from "../../../harness/values";

const NAME = policy.name;
const USER = "aws:iam/user:User";
const GROUP = "aws:iam/group:Group";
const POLICY = "aws:iam/policy:Policy";
const PROFILE = "aws:iam/userLoginProfile:UserLoginProfile";
const userUrn = urnOf(USER, "alice");
const profileUrn = urnOf(PROFILE, "alice-login");

const NO_MFA = { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } };
const SELF_SERVICE = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:GetMFADevice", "iam:ListMFADevices", "iam:ListVirtualMFADevices", "iam:ResyncMFADevice", "sts:GetSessionToken"];
/** AWS's published "manage your own MFA device" Deny, as a JSON string. */
const FORCE_MFA = JSON.stringify({ Version: "2012-10-17", Statement: [{ Sid: "DenyAllExceptListedIfNoMFA", Effect: "Deny", NotAction: SELF_SERVICE, Resource: "*", Condition: NO_MFA }] });
const documentOf = (...statements: WireValue[]): WireValue => JSON.stringify({ Version: "2012-10-17", Statement: statements });

const user: TestResource = { type: USER, name: "alice", props: { name: "alice" } };
const profile = (deps: Record<string, string[]> = { user: [userUrn] }, userValue: WireValue = unknown): TestResource => ({ type: PROFILE, name: "alice-login", props: { user: userValue, passwordResetRequired: true }, propertyDependencies: deps });
const userPolicy = (document: WireValue, deps = [userUrn]): TestResource => ({ type: "aws:iam/userPolicy:UserPolicy", name: "up", props: { user: unknown, policy: document }, propertyDependencies: { user: deps } });
const forceMfaPolicy: TestResource = { type: POLICY, name: "force-mfa", props: { policy: FORCE_MFA } };
const group: TestResource = { type: GROUP, name: "people", props: {} };
const membership = (userDeps = [userUrn], groupDeps = [urnOf(GROUP, "people")]): TestResource => ({ type: "aws:iam/userGroupMembership:UserGroupMembership", name: "m", props: { user: unknown, groups: [unknown] }, propertyDependencies: { user: userDeps, groups: groupDeps } });

const MISSING = "no policy of the user or of its groups denies access without MFA";

interface Case {
    name: string;
    resources: TestResource[];
    config?: Record<string, unknown>;
    expect: Expected[];
    at?: string;
}

const cases: Case[] = [
    { name: "a user without a console password", resources: [user], expect: [] },
    { name: "a console password and no MFA policy", resources: [user, profile()], expect: [mandatory('User "alice" has a console password (login profile "alice-login")', MISSING, "T2, R3")] },
    { name: "the user's inline policy enforces MFA (JSON, NotAction)", resources: [user, profile(), userPolicy(FORCE_MFA)], expect: [] },
    { name: "Deny * as an object with a single-object Statement", resources: [user, profile(), userPolicy({ Statement: { Effect: "Deny", Action: "*", Resource: "*", Condition: NO_MFA } })], expect: [] },
    { name: "Null aws:MultiFactorAuthAge", resources: [user, profile(), userPolicy(documentOf({ Effect: "Deny", Action: "*", Resource: "*", Condition: { Null: { "aws:MultiFactorAuthAge": "true" } } }))], expect: [] },
    { name: "a customer policy attached to the user (preview)", resources: [user, profile(), forceMfaPolicy, { type: "aws:iam/userPolicyAttachment:UserPolicyAttachment", name: "att", props: { user: unknown, policyArn: unknown }, propertyDependencies: { user: [userUrn], policyArn: [urnOf(POLICY, "force-mfa")] } }], expect: [] },
    { name: "a PolicyAttachment naming the user among others", resources: [user, profile(), forceMfaPolicy, { type: "aws:iam/policyAttachment:PolicyAttachment", name: "pa", props: { users: ["bob", unknown], policyArn: unknown }, propertyDependencies: { users: [userUrn], policyArn: [urnOf(POLICY, "force-mfa")] } }], expect: [] },
    { name: "a group's policy attachment", resources: [user, profile(), group, membership(), forceMfaPolicy, { type: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment", name: "ga", props: { group: unknown, policyArn: unknown }, propertyDependencies: { group: [urnOf(GROUP, "people")], policyArn: [urnOf(POLICY, "force-mfa")] } }], expect: [] },
    { name: "a group's inline policy, through a GroupMembership", resources: [user, profile(), group, { type: "aws:iam/groupMembership:GroupMembership", name: "gm", props: { group: unknown, users: [unknown] }, propertyDependencies: { group: [urnOf(GROUP, "people")], users: [userUrn] } }, { type: "aws:iam/groupPolicy:GroupPolicy", name: "gp", props: { group: unknown, policy: FORCE_MFA }, propertyDependencies: { group: [urnOf(GROUP, "people")] } }], expect: [] },
    { name: "another user's MFA policy does not cover this one", resources: [user, { type: USER, name: "bob", props: {} }, profile(), userPolicy(FORCE_MFA, [urnOf(USER, "bob")])], expect: [mandatory(MISSING)] },
    { name: "Bool false instead of BoolIfExists lets access keys through", resources: [user, profile(), userPolicy(documentOf({ Effect: "Deny", Action: "*", Resource: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } }))], expect: [mandatory(MISSING, "long-term access keys")] },
    { name: "a NotAction that leaves S3 usable without MFA", resources: [user, profile(), userPolicy(documentOf({ Effect: "Deny", NotAction: [...SELF_SERVICE, "s3:*"], Resource: "*", Condition: NO_MFA }))], expect: [mandatory(MISSING)] },
    { name: "a Deny of IAM only", resources: [user, profile(), userPolicy(documentOf({ Effect: "Deny", Action: "iam:*", Resource: "*", Condition: NO_MFA }))], expect: [mandatory(MISSING)] },
    { name: "an Allow that requires MFA is not enforcement", resources: [user, profile(), userPolicy(documentOf({ Effect: "Allow", Action: "*", Resource: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }))], expect: [mandatory(MISSING)] },
    {
        name: "a user made elsewhere, with its policy attached by name",
        resources: [profile({}, "bob"), { type: "aws:iam/userPolicy:UserPolicy", name: "up", props: { user: "bob", policy: FORCE_MFA } }],
        at: profileUrn,
        expect: [],
    },
    { name: "a user made elsewhere, without an MFA policy", resources: [profile({}, "bob")], at: profileUrn, expect: [mandatory('User "bob" has a console password', MISSING)] },
    { name: "a policy made elsewhere might enforce it", resources: [user, profile(), { type: "aws:iam/userPolicyAttachment:UserPolicyAttachment", name: "att", props: { user: unknown, policyArn: "arn:aws:iam::111122223333:policy/force-mfa" }, propertyDependencies: { user: [userUrn] } }], expect: [advisory("no policy in this stack denies it access without MFA", "arn:aws:iam::111122223333:policy/force-mfa", "defined outside this stack")] },
    { name: "made advisory by config", resources: [user, profile()], config: { [NAME]: "advisory" }, expect: [advisory(MISSING)] },

    // Unknown during preview.
    { name: "the MFA policy's document is unknown", resources: [user, profile(), userPolicy(unknown)], expect: [cannotVerify('depends on UserPolicy "up" (policy)')] },
    { name: "the MFA Deny's condition is unknown", resources: [user, profile(), userPolicy({ Statement: [{ Effect: "Deny", Action: "*", Resource: "*", Condition: unknown }] })], expect: [cannotVerify("statement 1 of UserPolicy")] },
    { name: "a group not known yet", resources: [user, profile(), membership([userUrn], [])], expect: [cannotVerify('the group named by "m"')] },
    { name: "a membership whose user is unknown, to a group that enforces MFA", resources: [user, profile(), group, membership([], [urnOf(GROUP, "people")]), { type: "aws:iam/groupPolicy:GroupPolicy", name: "gp", props: { group: unknown, policy: FORCE_MFA }, propertyDependencies: { group: [urnOf(GROUP, "people")] } }], expect: [cannotVerify("DenyAllExceptListedIfNoMFA")] },
    { name: "the login profile's user is unknown", resources: [user, profile({})], at: profileUrn, expect: [cannotVerify('The user of login profile "alice-login" is not known yet')] },

    // Secrets.
    { name: "a secret MFA policy still counts", resources: [user, profile(), userPolicy(secret(FORCE_MFA))], expect: [] },
];

describe(NAME, () => {
    const pack = usePack();

    test.each(cases)("$name", async ({ resources, config, expect: expected, at = userUrn }) => {
        const findings = only(await pack.analyzeStack(resources, config), NAME);
        expectFindings(findings, expected);
        for (const f of findings) expect(f.urn).toBe(at);
    });

    test("an exemption tag on the user waives it", async () => {
        const tags = { "msp-guard:exempt": NAME, "msp-guard:exempt-reason": "MFA enforced by an SCP", "msp-guard:exempt-until": "2999-01-01" };
        expectFindings(only(await pack.analyzeStack([{ ...user, props: { tags } }, profile()]), NAME), [advisory("Exempted by tag", MISSING)]);
    });
});
