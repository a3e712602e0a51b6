import policy from "../../../../policies/aws/iam/role-msp-least-privilege";
import type { WireValue } from "../../../../cli/driver/wire";
import { advisory, cannotVerify, Expected, expectFindings, mandatory, only } from "../../../harness/expect";
import { usePack, TestResource, urnOf } from "../../../harness/pack";
import { secret, unknown } from "../../../harness/values";

const NAME = policy.name;
const ROLE = "aws:iam/role:Role";
const POLICY = "aws:iam/policy:Policy";
const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
const MSP_ACCOUNT = "999988887777";
const BOUNDARY = "arn:aws:iam::111122223333:policy/msp-boundary";
const ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
const roleUrn = urnOf(ROLE, "ops");

const trustOf = (principal: WireValue): WireValue => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" }] });
const statement = (action: WireValue, resource: WireValue = "*", extra: Record<string, WireValue> = {}): WireValue => ({ Effect: "Allow", Action: action, Resource: resource, ...extra });
const documentOf = (...statements: WireValue[]): WireValue => JSON.stringify({ Version: "2012-10-17", Statement: statements });

/** The MSP role: trusted by the MSP's account, with a boundary (so only the case at hand fires). */
const mspRole = (props: Record<string, WireValue> = {}): TestResource => ({ type: ROLE, name: "ops", props: { assumeRolePolicy: trustOf({ AWS: `arn:aws:iam::${MSP_ACCOUNT}:root` }), permissionsBoundary: BOUNDARY, ...props } });
const rolePolicy = (name: string, policyDocument: WireValue, role = roleUrn): TestResource => ({ type: ROLE_POLICY, name, props: { role: unknown, policy: policyDocument }, propertyDependencies: { role: [role] } });
const attachment = (name: string, policyArn: WireValue, deps: Record<string, string[]> = { role: [roleUrn] }): TestResource => ({ type: ATTACHMENT, name, props: { role: unknown, policyArn }, propertyDependencies: deps });
const customerPolicy = (name: string, policyDocument: WireValue, props: Record<string, WireValue> = {}): TestResource => ({ type: POLICY, name, props: { policy: policyDocument, ...props } });

const ADMIN_LEVEL = "has administrator-level access";

interface Case {
    name: string;
    resources: TestResource[];
    config?: Record<string, unknown>;
    expect: Expected[];
}

const cases: Case[] = [
    // Who is MSP access.
    { name: "MSP role without policies", resources: [mspRole()], expect: [] },
    { name: "a service role is not MSP access, whatever it holds", resources: [{ type: ROLE, name: "ops", props: { assumeRolePolicy: trustOf({ Service: "lambda.amazonaws.com" }), managedPolicyArns: [ADMIN] } }], expect: [] },
    { name: "MSP by tag", resources: [{ type: ROLE, name: "ops", props: { assumeRolePolicy: trustOf({ Service: "ec2.amazonaws.com" }), tags: { "msp:provider": "acme" }, permissionsBoundary: BOUNDARY, managedPolicyArns: [ADMIN] } }], expect: [mandatory("MSP access: tag msp:provider", ADMIN_LEVEL)] },
    { name: "MSP by IAM path", resources: [{ type: ROLE, name: "ops", props: { assumeRolePolicy: trustOf({ Service: "ec2.amazonaws.com" }), path: "/msp/acme/", permissionsBoundary: BOUNDARY, managedPolicyArns: [ADMIN] } }], expect: [mandatory("path /msp/acme/", ADMIN_LEVEL)] },
    { name: "MSP by trust, principal as a bare account id in a list", resources: [mspRole({ assumeRolePolicy: trustOf({ AWS: ["arn:aws:iam::111122223333:root", MSP_ACCOUNT] }), managedPolicyArns: [ADMIN] })], config: { [NAME]: { trustedAccountIds: ["111122223333"] } }, expect: [mandatory(`trusts account ${MSP_ACCOUNT}`, ADMIN_LEVEL)] },
    { name: "MSP by trust, principal as a plain string ARN", resources: [mspRole({ assumeRolePolicy: JSON.stringify({ Statement: { Effect: "Allow", Principal: `arn:aws:iam::${MSP_ACCOUNT}:role/Operator`, Action: "sts:AssumeRole" } }), managedPolicyArns: [ADMIN] })], expect: [mandatory(`trusts account ${MSP_ACCOUNT}`)] },
    { name: "a role trusting only the customer's own accounts (config)", resources: [mspRole({ managedPolicyArns: [ADMIN] })], config: { [NAME]: { trustedAccountIds: [MSP_ACCOUNT] } }, expect: [] },
    { name: "custom MSP tag from config", resources: [{ type: ROLE, name: "ops", props: { assumeRolePolicy: trustOf({ Service: "ec2.amazonaws.com" }), tags: { vendor: "acme" }, permissionsBoundary: BOUNDARY, managedPolicyArns: [ADMIN] } }], config: { [NAME]: { mspIdentityTag: "vendor" } }, expect: [mandatory("tag vendor", ADMIN_LEVEL)] },

    // Administrator-level access, however it is granted.
    { name: "AdministratorAccess attached by RolePolicyAttachment", resources: [mspRole(), attachment("admin", ADMIN)], expect: [mandatory(ADMIN_LEVEL, 'AWS managed policy AdministratorAccess attached by RolePolicyAttachment "admin" (policyArn)', "every action on every resource", "R5, R12")] },
    { name: "AdministratorAccess in managedPolicyArns", resources: [mspRole({ managedPolicyArns: [ADMIN] })], expect: [mandatory('attached by role "ops" (managedPolicyArns)')] },
    { name: "AdministratorAccess through an exclusive attachment list", resources: [mspRole(), { type: "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive", name: "ex", props: { roleName: unknown, policyArns: [ADMIN] }, propertyDependencies: { roleName: [roleUrn] } }], expect: [mandatory('RolePolicyAttachmentsExclusive "ex" (policyArns)')] },
    { name: "AdministratorAccess through a PolicyAttachment's roles", resources: [mspRole(), { type: "aws:iam/policyAttachment:PolicyAttachment", name: "pa", props: { roles: [unknown], policyArn: ADMIN }, propertyDependencies: { roles: [roleUrn] } }], expect: [mandatory('PolicyAttachment "pa" (policyArn)')] },
    { name: "AdministratorAccess in GovCloud", resources: [mspRole({ managedPolicyArns: ["arn:aws-us-gov:iam::aws:policy/AdministratorAccess"] })], expect: [mandatory("AWS managed policy AdministratorAccess")] },
    { name: "PowerUserAccess", resources: [mspRole(), attachment("power", "arn:aws:iam::aws:policy/PowerUserAccess")], expect: [mandatory(ADMIN_LEVEL, "every action except iam:*, organizations:*, account:* on every resource")] },
    { name: "IAMFullAccess", resources: [mspRole(), attachment("iam", "arn:aws:iam::aws:policy/IAMFullAccess")], expect: [mandatory(ADMIN_LEVEL, "all of IAM (iam:*) on every resource")] },
    { name: "inline Action * on * as a JSON string", resources: [mspRole({ inlinePolicies: [{ name: "all", policy: documentOf({ Sid: "AllowAll", ...(statement("*") as object) }) }] })], expect: [mandatory('Statement "AllowAll" of inline policy "all" of role "ops" (inlinePolicies[0].policy)')] },
    { name: "*:* in an object document with a single-object Statement", resources: [mspRole(), rolePolicy("all", { Statement: statement("*:*") })], expect: [mandatory('statement 1 of RolePolicy "all" (policy)')] },
    { name: "i?m:* on *", resources: [mspRole(), rolePolicy("iam", documentOf(statement(["s3:GetObject", "i?m:*"])))], expect: [mandatory("all of IAM (i?m:*)")] },
    { name: "NotAction that leaves IAM granted", resources: [mspRole(), rolePolicy("most", documentOf({ Effect: "Allow", NotAction: "s3:*", Resource: "*" }))], expect: [mandatory("every action on every resource")] },
    { name: "an MFA condition (BoolIfExists) does not remove the grant", resources: [mspRole(), rolePolicy("all", documentOf(statement("*", "*", { Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "true" } } })))], expect: [mandatory(ADMIN_LEVEL)] },
    { name: "a known * beside an unknown Action entry", resources: [mspRole(), rolePolicy("all", { Statement: [statement([unknown, "*"])] })], expect: [mandatory(ADMIN_LEVEL)] },
    { name: "a customer policy attached during preview (its ARN unknown)", resources: [mspRole(), customerPolicy("everything", documentOf(statement("*"))), attachment("att", unknown, { role: [roleUrn], policyArn: [urnOf(POLICY, "everything")] })], expect: [mandatory('policy "everything" attached by RolePolicyAttachment "att" (policyArn)')] },
    {
        name: "a customer policy matched by known names and ARN (exported stack)",
        resources: [
            mspRole({ name: "ops-1a2b" }),
            customerPolicy("everything", documentOf(statement("*")), { arn: "arn:aws:iam::111122223333:policy/everything" }),
            { type: ATTACHMENT, name: "att", props: { role: "ops-1a2b", policyArn: "arn:aws:iam::111122223333:policy/everything" } },
        ],
        expect: [mandatory('policy "everything" attached by RolePolicyAttachment "att"')],
    },

    // Escalation methods, alone or split.
    { name: "iam:CreatePolicyVersion", resources: [mspRole(), rolePolicy("versions", documentOf(statement("iam:CreatePolicyVersion", "arn:aws:iam::111122223333:policy/*")))], expect: [mandatory("can escalate its own privileges", "iam-create-policy-version", 'allowedEscalations')] },
    {
        name: "an escalation split across two policies: PassRole inline, RunInstances in a RolePolicy",
        resources: [mspRole({ inlinePolicies: [{ name: "pass", policy: documentOf({ Sid: "Pass", ...(statement("IAM:PassRole", "arn:aws:iam::111122223333:role/app") as object) }) }] }), rolePolicy("ec2", documentOf(statement("ec2:RunInstances")))],
        expect: [mandatory("ec2-pass-role-run-instances", 'iam:PassRole from Statement "Pass" of inline policy "pass"', 'ec2:RunInstances from statement 1 of RolePolicy "ec2"')],
    },
    {
        name: "an escalation split across two statements, with wildcards (iam:Pass*, lambda:Create*)",
        resources: [mspRole(), rolePolicy("lambda", documentOf(statement("iam:Pass*"), statement(["lambda:Create*", "lambda:InvokeFunction"])))],
        expect: [mandatory("lambda-pass-role-create-function", "iam:PassRole from statement 1", "lambda:CreateFunction from statement 2")],
    },
    { name: "an escalation split between a managed policy and an inline one", resources: [mspRole(), attachment("lambda", "arn:aws:iam::aws:policy/AWSLambda_FullAccess"), rolePolicy("glue", documentOf(statement("glue:CreateDevEndpoint")))], expect: [
        mandatory("3 escalation methods", "lambda-pass-role-create-function", "glue-pass-role-create-dev-endpoint", 'glue:CreateDevEndpoint from statement 1 of RolePolicy "glue"', "AWS managed policy AWSLambda_FullAccess", "lambda-update-function-code"),
        advisory("can change IAM", "iam:CreateServiceLinkedRole"),
        advisory("whole services on every resource", "lambda:* on every resource"),
    ] },
    { name: "an unconditional Deny in another policy takes the escalation away", resources: [mspRole(), rolePolicy("ec2", documentOf(statement(["iam:PassRole", "ec2:RunInstances"]))), rolePolicy("deny", documentOf({ Effect: "Deny", Action: "iam:PassRole", Resource: "*" }))], expect: [] },
    { name: "a conditional Deny does not", resources: [mspRole(), rolePolicy("ec2", documentOf(statement(["iam:PassRole", "ec2:RunInstances"]))), rolePolicy("deny", documentOf({ Effect: "Deny", Action: "iam:PassRole", Resource: "*", Condition: { StringNotEquals: { "aws:RequestedRegion": "eu-west-1" } } }))], expect: [mandatory("ec2-pass-role-run-instances")] },
    { name: "an allowed escalation method (config)", resources: [mspRole(), rolePolicy("ssm", documentOf(statement("ssm:StartSession", "arn:aws:ec2:*:*:instance/*")))], config: { [NAME]: { allowedEscalations: ["ssm-start-session"] } }, expect: [] },
    { name: "the same without the exception", resources: [mspRole(), rolePolicy("ssm", documentOf(statement("ssm:StartSession", "arn:aws:ec2:*:*:instance/*")))], expect: [mandatory("ssm-start-session")] },
    { name: "an allowed managed policy (config) is left out", resources: [mspRole({ managedPolicyArns: [ADMIN] })], config: { [NAME]: { allowedManagedPolicyArns: [ADMIN] } }, expect: [] },
    { name: "made advisory by config", resources: [mspRole({ managedPolicyArns: [ADMIN] })], config: { [NAME]: "advisory" }, expect: [advisory(ADMIN_LEVEL)] },

    // Advisory findings.
    { name: "PassRole on named roles only: IAM write", resources: [mspRole(), rolePolicy("pass", documentOf(statement("iam:PassRole", "arn:aws:iam::111122223333:role/app")))], expect: [advisory("can change IAM", "IAM write iam:PassRole", 'RolePolicy "pass"')] },
    { name: "a whole service on every resource", resources: [mspRole(), rolePolicy("s3", documentOf(statement("S3:*")))], expect: [advisory("whole services on every resource", "S3:* on every resource")] },
    { name: "read-only managed policies are fine", resources: [mspRole({ managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess"] })], expect: [] },
    { name: "an AWS managed policy msp-guard does not know", resources: [mspRole(), attachment("s3", "arn:aws:iam::aws:policy/AmazonS3FullAccess")], expect: [advisory("which msp-guard cannot read", "missing from msp-guard's table")] },
    { name: "a customer policy made elsewhere", resources: [mspRole(), attachment("ext", "arn:aws:iam::111122223333:policy/external")], expect: [advisory("policy arn:aws:iam::111122223333:policy/external", "not defined in this stack")] },
    { name: "no permissions boundary", resources: [mspRole({ permissionsBoundary: null })], expect: [advisory("has no permissions boundary", "permissionsBoundary")] },
    { name: "permissions boundary omitted entirely", resources: [{ type: ROLE, name: "ops", props: { assumeRolePolicy: trustOf({ AWS: MSP_ACCOUNT }) } }], expect: [advisory("has no permissions boundary")] },
    { name: "no boundary required (config)", resources: [mspRole({ permissionsBoundary: null })], config: { [NAME]: { requirePermissionsBoundary: false } }, expect: [] },
    { name: "a boundary that is AdministratorAccess caps nothing", resources: [mspRole({ permissionsBoundary: ADMIN })], expect: [advisory("permissions boundary is AWS managed policy AdministratorAccess", "caps nothing")] },
    { name: "a boundary from a stack policy that allows everything", resources: [customerPolicy("boundary", documentOf(statement("*"))), { ...mspRole({ permissionsBoundary: unknown }), propertyDependencies: { permissionsBoundary: [urnOf(POLICY, "boundary")] } }], expect: [advisory('permissions boundary, policy "boundary"', "caps nothing")] },
    { name: "a boundary unknown during preview is a boundary", resources: [mspRole({ permissionsBoundary: unknown })], expect: [] },

    // Unknown during preview.
    { name: "an inline policy unknown during preview", resources: [mspRole(), rolePolicy("later", unknown)], expect: [cannotVerify("may have administrator access or escalation methods", 'RolePolicy "later" (policy) is not fully known yet')] },
    {
        // Every action on some resource already reaches every escalation method; only "on every resource" waits.
        name: "Action * on an unknown resource",
        resources: [mspRole(), rolePolicy("all", { Statement: [statement("*", [unknown])] })],
        expect: [mandatory("29 escalation methods: iam-create-policy-version", "and iam-attach-group-policy"), advisory("can change IAM"), cannotVerify("may have administrator access or escalation method sts-assume-any-role")],
    },
    { name: "a policy ARN unknown with no dependency", resources: [mspRole(), attachment("att", unknown)], expect: [cannotVerify('a policy attached by RolePolicyAttachment "att"')] },
    { name: "an attachment whose role is unknown", resources: [mspRole(), attachment("att", ADMIN, {})], expect: [cannotVerify('AWS managed policy AdministratorAccess attached by RolePolicyAttachment "att"', "may apply to this role (the role it names is not known yet)", "has administrator-level access")] },
    { name: "tags unknown: MSP access cannot be told, and it would matter", resources: [{ type: ROLE, name: "ops", props: { assumeRolePolicy: trustOf({ Service: "ec2.amazonaws.com" }), tags: unknown, managedPolicyArns: [ADMIN] } }], expect: [cannotVerify('Whether role "ops" is MSP access', ADMIN_LEVEL)] },
    { name: "tags unknown, nothing privileged: nothing to say", resources: [{ type: ROLE, name: "ops", props: { assumeRolePolicy: trustOf({ Service: "ec2.amazonaws.com" }), tags: unknown, managedPolicyArns: ["arn:aws:iam::aws:policy/ReadOnlyAccess"] } }], expect: [] },

    // Secrets.
    { name: "a secret document is judged", resources: [mspRole(), rolePolicy("all", secret(documentOf(statement("*"))))], expect: [mandatory(ADMIN_LEVEL)] },
    { name: "a secret ARN is never echoed", resources: [mspRole(), attachment("ext", secret("arn:aws:iam::111122223333:policy/hidden-name"))], expect: [advisory("policy [secret] attached by", "not defined in this stack")] },
    { name: "a secret MSP tag value still marks the role", resources: [{ type: ROLE, name: "ops", props: { assumeRolePolicy: trustOf({ Service: "ec2.amazonaws.com" }), tags: { "msp:provider": secret("acme-corp") }, permissionsBoundary: BOUNDARY, managedPolicyArns: [ADMIN] } }], expect: [mandatory(ADMIN_LEVEL)] },
];

describe(NAME, () => {
    const pack = usePack();

    test.each(cases)("$name", async ({ resources, config, expect: expected }) => {
        const findings = only(await pack.analyzeStack(resources, config), NAME);
        expectFindings(findings, expected);
        for (const f of findings) expect(f.urn).toBe(roleUrn);
        for (const f of findings) expect(f.message).not.toContain("hidden-name");
        for (const f of findings) expect(f.message).not.toContain("acme-corp");
    });

    test("advisory findings carry severity medium, violations the policy's critical", async () => {
        const findings = only(await pack.analyzeStack([mspRole({ permissionsBoundary: null, managedPolicyArns: [ADMIN] })]), NAME);
        expect(findings.map((f) => [f.level, f.severity])).toEqual([["mandatory", "critical"], ["advisory", "medium"]]);
    });

    test("an exemption tag on the role waives its findings, kept as advisories", async () => {
        const tags = { "msp-guard:exempt": NAME, "msp-guard:exempt-reason": "break-glass for the MSP's incident response", "msp-guard:exempt-until": "2999-01-01" };
        expectFindings(only(await pack.analyzeStack([mspRole({ tags, managedPolicyArns: [ADMIN] })]), NAME), [advisory("Exempted by tag", ADMIN_LEVEL)]);
    });

    test("an unknown escalation method id in config is rejected by the schema", () => {
        const schema = policy.toPulumiPolicy().configSchema?.properties.allowedEscalations as { items: { enum: string[] } };
        expect(schema.items.enum).toContain("ssm-start-session");
        expect(schema.items.enum).not.toContain("ssm-start-sesion");
    });
});
