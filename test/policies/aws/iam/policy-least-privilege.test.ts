import policy from "../../../../policies/aws/iam/policy-least-privilege";
import type { WireValue } from "../../../../cli/driver/wire";
import { advisory, cannotVerify, Expected, expectFindings, mandatory, only } from "../../../harness/expect";
import { usePack, TestResource, urnOf } from "../../../harness/pack";
import { secret, unknown } from "../../../harness/values";

const NAME = policy.name;
const ROLE = "aws:iam/role:Role";
const USER = "aws:iam/user:User";
const POLICY = "aws:iam/policy:Policy";
const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";

const statement = (action: WireValue, resource: WireValue = "*", extra: Record<string, WireValue> = {}): WireValue => ({ Effect: "Allow", Action: action, Resource: resource, ...extra });
const documentOf = (...statements: WireValue[]): WireValue => JSON.stringify({ Version: "2012-10-17", Statement: statements });
const ALL = documentOf({ Sid: "AllowAll", ...(statement("*") as object) });

const serviceTrust = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] });
const role = (name: string, props: Record<string, WireValue> = {}): TestResource => ({ type: ROLE, name, props: { assumeRolePolicy: serviceTrust, ...props } });
const mspRole = (name: string): TestResource => role(name, { tags: { "msp:provider": "acme" } });
const user: TestResource = { type: USER, name: "alice", props: {} };
const customer = (name: string, document: WireValue): TestResource => ({ type: POLICY, name, props: { policy: document } });
const depOn = (type: string, name: string) => [urnOf(type, name)];
const attachToRole = (name: string, roleName: string, policyArn: WireValue, policyDeps: string[] = []): TestResource => ({
    type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
    name,
    props: { role: unknown, policyArn },
    propertyDependencies: { role: depOn(ROLE, roleName), policyArn: policyDeps },
});
const attachToUser = (name: string, policyArn: WireValue, policyDeps: string[] = [], userDeps = depOn(USER, "alice")): TestResource => ({
    type: "aws:iam/userPolicyAttachment:UserPolicyAttachment",
    name,
    props: { user: unknown, policyArn },
    propertyDependencies: { user: userDeps, policyArn: policyDeps },
});
const inline = (type: "role" | "user" | "group", name: string, owner: string, document: WireValue): TestResource => {
    const capital = type.charAt(0).toUpperCase() + type.slice(1);
    return { type: `aws:iam/${type}Policy:${capital}Policy`, name, props: { [type]: unknown, policy: document }, propertyDependencies: { [type]: depOn(`aws:iam/${type}:${capital}`, owner) } };
};

const FULL = "Full administrator access";

interface Case {
    name: string;
    resources: TestResource[];
    config?: Record<string, unknown>;
    expect: Expected[];
    /** The resource the findings are about. */
    at?: string;
}

const POLICY_URN = urnOf(POLICY, "admin");

const cases: Case[] = [
    { name: "no documents", resources: [role("app"), user], expect: [] },
    { name: "a document that is not valid JSON is reported, advisory", resources: [customer("admin", "{\"Statement\": [{\"Effect\": \"Allow\",")], at: POLICY_URN, expect: [advisory('policy "admin" (policy) cannot be read', "not valid JSON")] },
    { name: "a read-only policy", resources: [user, customer("admin", documentOf(statement(["s3:Get*", "s3:List*"]))), attachToUser("att", unknown, depOn(POLICY, "admin"))], expect: [] },

    // Full administrator access: mandatory unless only break-glass roles hold it.
    { name: "a customer policy granting * on * to a user", resources: [user, customer("admin", ALL), attachToUser("att", unknown, depOn(POLICY, "admin"))], at: POLICY_URN, expect: [mandatory(FULL, 'Statement "AllowAll" of policy "admin" (policy)', 'held by user "alice"', "[CISA AA22-131A R5]")] },
    { name: "a customer policy granting *:* attached to nothing in the stack", resources: [customer("admin", { Statement: statement("*:*") })], at: POLICY_URN, expect: [mandatory(FULL, "attached to no role, user or group in this stack")] },
    { name: "NotAction that leaves IAM granted is full administrator access", resources: [customer("admin", documentOf({ Effect: "Allow", NotAction: ["s3:*"], Resource: "*" }))], at: POLICY_URN, expect: [mandatory(FULL)] },
    { name: "a conditional Allow (BoolIfExists MFA) is still a grant", resources: [customer("admin", documentOf(statement("*", "*", { Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "true" } } })))], at: POLICY_URN, expect: [mandatory(FULL)] },
    { name: "a policy used only as a permissions boundary grants nothing", resources: [customer("admin", ALL), { ...role("app", { permissionsBoundary: unknown }), propertyDependencies: { permissionsBoundary: depOn(POLICY, "admin") } }], expect: [] },
    { name: "held only by a break-glass role (its resource name)", resources: [role("breakglass"), customer("admin", ALL), attachToRole("att", "breakglass", unknown, depOn(POLICY, "admin"))], config: { [NAME]: { breakGlassRoleNames: ["breakglass"] } }, expect: [] },
    { name: "held only by a break-glass role (its physical name)", resources: [role("bg", { name: "BreakGlass" }), customer("admin", ALL), attachToRole("att", "bg", unknown, depOn(POLICY, "admin"))], config: { [NAME]: { breakGlassRoleNames: ["BreakGlass"] } }, expect: [] },
    {
        name: "a break-glass role made elsewhere, by known name",
        resources: [customer("admin", ALL), { type: "aws:iam/policyAttachment:PolicyAttachment", name: "pa", props: { roles: ["BreakGlass"], policyArn: unknown }, propertyDependencies: { policyArn: depOn(POLICY, "admin") } }],
        config: { [NAME]: { breakGlassRoleNames: ["BreakGlass"] } },
        expect: [],
    },
    { name: "the same without the break-glass setting", resources: [role("breakglass"), customer("admin", ALL), attachToRole("att", "breakglass", unknown, depOn(POLICY, "admin"))], at: POLICY_URN, expect: [mandatory(FULL, 'held by role "breakglass"')] },
    { name: "held by a break-glass role and a user", resources: [role("breakglass"), user, customer("admin", ALL), attachToRole("att", "breakglass", unknown, depOn(POLICY, "admin")), attachToUser("att2", unknown, depOn(POLICY, "admin"))], config: { [NAME]: { breakGlassRoleNames: ["breakglass"] } }, at: POLICY_URN, expect: [mandatory(FULL, 'role "breakglass", user "alice"')] },
    { name: "a UserPolicy", resources: [user, inline("user", "up", "alice", ALL)], at: urnOf("aws:iam/userPolicy:UserPolicy", "up"), expect: [mandatory(FULL, 'UserPolicy "up" (policy)')] },
    { name: "a GroupPolicy as an object with a single-object Statement", resources: [{ type: "aws:iam/group:Group", name: "ops", props: {} }, inline("group", "gp", "ops", { Statement: statement("*") })], at: urnOf("aws:iam/groupPolicy:GroupPolicy", "gp"), expect: [mandatory(FULL, 'held by group "ops"')] },
    { name: "a RolePolicy on an ordinary role", resources: [role("app"), inline("role", "rp", "app", ALL)], at: urnOf("aws:iam/rolePolicy:RolePolicy", "rp"), expect: [mandatory(FULL)] },
    { name: "a role's inline policy", resources: [role("app", { inlinePolicies: [{ name: "all", policy: ALL }] })], at: urnOf(ROLE, "app"), expect: [mandatory(FULL, 'inline policy "all" of role "app" (inlinePolicies[0].policy)')] },
    { name: "AdministratorAccess attached to a user", resources: [user, attachToUser("att", ADMIN)], at: urnOf("aws:iam/userPolicyAttachment:UserPolicyAttachment", "att"), expect: [mandatory(FULL, "AWS managed policy AdministratorAccess attached by UserPolicyAttachment")] },
    { name: "AdministratorAccess on a break-glass role", resources: [role("breakglass"), attachToRole("att", "breakglass", ADMIN)], config: { [NAME]: { breakGlassRoleNames: ["breakglass"] } }, expect: [] },
    { name: "made advisory by config", resources: [user, inline("user", "up", "alice", ALL)], config: { [NAME]: "advisory" }, at: urnOf("aws:iam/userPolicy:UserPolicy", "up"), expect: [advisory(FULL)] },

    // MSP roles are aws-iam-role-msp-least-privilege's.
    { name: "an MSP role's RolePolicy is left to the MSP-role policy", resources: [mspRole("msp"), inline("role", "rp", "msp", ALL)], expect: [] },
    { name: "an MSP role's inline policy is left to the MSP-role policy", resources: [role("msp", { tags: { "msp:provider": "acme" }, inlinePolicies: [{ policy: ALL }] })], expect: [] },

    // Advisory: wide grants and escalation paths, per document.
    { name: "PowerUserAccess-style NotAction", resources: [customer("admin", documentOf({ Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" }))], at: POLICY_URN, expect: [advisory("every action except iam:*, organizations:*", "attached to no role")] },
    { name: "iam:* on every resource", resources: [customer("admin", documentOf(statement("iam:*")))], at: POLICY_URN, expect: [advisory("all of IAM (iam:*) on every resource")] },
    { name: "a whole service on every resource", resources: [customer("admin", documentOf(statement(["s3:*", "ec2:Describe*"])))], at: POLICY_URN, expect: [advisory("whole services on every resource", "s3:* on every resource")] },
    { name: "a whole service on one bucket is fine", resources: [customer("admin", documentOf(statement("s3:*", ["arn:aws:s3:::logs", "arn:aws:s3:::logs/*"])))], expect: [] },
    { name: "an escalation path in one document (mixed-case PassRole)", resources: [customer("admin", documentOf(statement(["IAM:PassRole", "ec2:RunInstances"])))], at: POLICY_URN, expect: [advisory("Opens escalation method ec2-pass-role-run-instances", "iam:PassRole from statement 1")] },
    { name: "an escalation split across two statements of one document", resources: [customer("admin", documentOf(statement("iam:Pass*"), statement("cloudformation:CreateStack")))], at: POLICY_URN, expect: [advisory("cloudformation-pass-role-create-stack", "statement 1", "statement 2")] },
    { name: "half an escalation per document: each document alone opens none", resources: [customer("admin", documentOf(statement("iam:PassRole"))), customer("other", documentOf(statement("ec2:RunInstances", "arn:aws:ec2:*:*:instance/*")))], expect: [] },
    { name: "an AWS managed policy with whole services, attached to a user", resources: [user, attachToUser("att", "arn:aws:iam::aws:policy/AWSCloudFormationFullAccess")], at: urnOf("aws:iam/userPolicyAttachment:UserPolicyAttachment", "att"), expect: [advisory("cloudformation:* on every resource"), advisory("cloudformation-update-stack")] },

    // Unknown during preview.
    { name: "a document unknown during preview", resources: [user, inline("user", "up", "alice", unknown)], at: urnOf("aws:iam/userPolicy:UserPolicy", "up"), expect: [cannotVerify("Full administrator access may be granted", "parts of the document are not known yet")] },
    { name: "Action * with an unknown Resource", resources: [customer("admin", { Statement: [statement("*", unknown)] })], at: POLICY_URN, expect: [cannotVerify("may be granted"), advisory("29 escalation methods")] },
    { name: "an administrator policy whose holder is unknown", resources: [customer("admin", ALL), attachToUser("att", unknown, depOn(POLICY, "admin"), [])], config: { [NAME]: { breakGlassRoleNames: ["breakglass"] } }, at: POLICY_URN, expect: [cannotVerify(FULL, "a user not known yet", "whether a break-glass role is its only holder")] },

    // Secrets.
    { name: "a secret document is judged", resources: [user, inline("user", "up", "alice", secret(ALL))], at: urnOf("aws:iam/userPolicy:UserPolicy", "up"), expect: [mandatory(FULL)] },
];

describe(NAME, () => {
    const pack = usePack();

    test.each(cases)("$name", async ({ resources, config, expect: expected, at }) => {
        const findings = only(await pack.analyzeStack(resources, config), NAME);
        expectFindings(findings, expected);
        for (const f of findings) expect(f.urn).toBe(at);
    });

    test("violations carry the policy's severity, advisories medium", async () => {
        const findings = only(await pack.analyzeStack([customer("admin", ALL), customer("wide", documentOf(statement("s3:*")))]), NAME);
        expect(findings.map((f) => [f.level, f.severity])).toEqual([["mandatory", "high"], ["advisory", "medium"]]);
    });

    test("an MSP role's administrator grant fires the MSP-role policy, not this one", async () => {
        const findings = await pack.analyzeStack([mspRole("msp"), inline("role", "rp", "msp", ALL)]);
        expect(only(findings, NAME)).toEqual([]);
        expect(only(findings, "aws-iam-role-msp-least-privilege").map((f) => f.level)).toContain("mandatory");
    });

    test("an exemption tag on the policy waives the finding", async () => {
        const tags = { "msp-guard:exempt": NAME, "msp-guard:exempt-reason": "the organisation's break-glass policy", "msp-guard:exempt-until": "2999-01-01" };
        const exempted: TestResource = { type: POLICY, name: "admin", props: { policy: ALL, tags } };
        expectFindings(only(await pack.analyzeStack([exempted]), NAME), [advisory("Exempted by tag", FULL)]);
    });
});
