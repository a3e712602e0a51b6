// Property-based tests of the privilege and MSP-membership policies on IAM-shaped stacks: roles, users, groups,
// policies, inline policies, attachments, memberships, keys and login profiles, linked to each other through
// property dependencies or names, with documents that are JSON or objects, partly or wholly unknown, or malformed.
// Whatever the stack, no policy reaches the wrapper's "could not evaluate" finding, and unknown documents and ARNs
// never make a violation.
import fc from "fast-check";
import { UNKNOWN_SENTINEL } from "../../../../../cli/driver/wire";
import type { StackResourceInput } from "../../../../../policies/core/policy";
import msgGroup from "../../../../../policies/aws/iam/msp-admin-group-membership";
import msgKeys from "../../../../../policies/aws/iam/msp-user-access-keys";
import msgPolicy from "../../../../../policies/aws/iam/policy-least-privilege";
import msgRole from "../../../../../policies/aws/iam/role-msp-least-privilege";
import msgMfa from "../../../../../policies/aws/iam/user-console-mfa";

const POLICIES = [msgRole, msgPolicy, msgGroup, msgMfa, msgKeys];
const DEFECT = "could not evaluate";
const U = UNKNOWN_SENTINEL;

const action = fc.constantFrom("*", "*:*", "iam:*", "IAM:PassRole", "iam:Pass*", "i?m:*", "s3:*", "ec2:RunInstances", "lambda:CreateFunction", "lambda:InvokeFunction", "iam:CreatePolicyVersion", "iam:TagRole", "sts:AssumeRole", "ssm:StartSession", "s3:GetObject", "iam:GetUser", "sts:GetSessionToken", U);
const resource = fc.constantFrom("*", "arn:aws:iam::*:role/app", "arn:aws:s3:::b/*", U);
const condition = fc.constantFrom<unknown>(
    undefined,
    U,
    { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } },
    { Bool: { "aws:MultiFactorAuthPresent": ["true", U] } },
    { Null: { "aws:MultiFactorAuthAge": "true" } },
    { StringEquals: { "iam:PassedToService": "lambda.amazonaws.com" } },
);
const statement = fc.record(
    {
        Sid: fc.constantFrom("", "AllowAll", "Deny"),
        Effect: fc.constantFrom("Allow", "Deny", U, "allow"),
        Action: fc.oneof(action, fc.array(action, { maxLength: 3 })),
        NotAction: fc.array(action, { maxLength: 3 }),
        Resource: fc.oneof(resource, fc.array(resource, { maxLength: 2 })),
        Condition: condition,
    },
    { requiredKeys: ["Effect"] },
);
const statements = fc.oneof(fc.array(fc.oneof(statement, fc.constant(U)), { maxLength: 3 }), statement);
const knownDocument = fc.oneof(
    statements.map((s) => JSON.stringify({ Version: "2012-10-17", Statement: s })),
    statements.map((s) => ({ Version: "2012-10-17", Statement: s })),
);
const document = fc.oneof(knownDocument, fc.constantFrom<unknown>(U, "{ not json", "", null, 42));
const arn = fc.constantFrom(U, "arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/PowerUserAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess", "arn:aws:iam::aws:policy/AmazonS3FullAccess", "arn:aws:iam::111122223333:policy/elsewhere");
const mark = fc.constantFrom<unknown>(undefined, U, { "msp:provider": "acme" }, { "msp:provider": U }, { team: "ops" });
const trust = fc.constantFrom<unknown>(U, JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "999988887777" }, Action: "sts:AssumeRole" }] }), JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" }] }));

type Kind = "role" | "user" | "group" | "policy";
interface Node {
    type: string;
    /** What its links point at: each is the index of a resource of that kind, or a name, or unknown. */
    links: Record<string, { kind: Kind; to: number | string | "unknown" }>;
    props: Record<string, unknown>;
}

const link = (kind: Kind) => fc.record({ kind: fc.constant(kind), to: fc.oneof(fc.nat(3), fc.constantFrom<string>("legacy", "unknown")) });
const node: fc.Arbitrary<Node> = fc.oneof(
    fc.record({ type: fc.constant("aws:iam/role:Role"), links: fc.record({ permissionsBoundary: link("policy") }, { requiredKeys: [] }), props: fc.record({ tags: mark, path: fc.constantFrom<unknown>(undefined, "/msp/", U), assumeRolePolicy: trust, inlinePolicies: fc.oneof(fc.constant<unknown>(U), fc.array(fc.record({ name: fc.constantFrom("a", "b"), policy: document }), { maxLength: 2 })), managedPolicyArns: fc.array(arn, { maxLength: 2 }), permissionsBoundary: fc.constantFrom<unknown>(undefined, U, "arn:aws:iam::aws:policy/AdministratorAccess") }, { requiredKeys: ["assumeRolePolicy"] }) }),
    fc.record({ type: fc.constant("aws:iam/user:User"), links: fc.constant({}), props: fc.record({ tags: mark, path: fc.constantFrom<unknown>(undefined, "/msp/", U), name: fc.constantFrom("legacy", "alice") }, { requiredKeys: [] }) }),
    fc.record({ type: fc.constant("aws:iam/group:Group"), links: fc.constant({}), props: fc.record({ name: fc.constantFrom("legacy", "admins") }, { requiredKeys: [] }) }),
    fc.record({ type: fc.constant("aws:iam/policy:Policy"), links: fc.constant({}), props: fc.record({ policy: document }) }),
    fc.record({ type: fc.constantFrom("aws:iam/rolePolicy:RolePolicy"), links: fc.record({ role: link("role") }), props: fc.record({ policy: document }) }),
    fc.record({ type: fc.constantFrom("aws:iam/userPolicy:UserPolicy"), links: fc.record({ user: link("user") }), props: fc.record({ policy: document }) }),
    fc.record({ type: fc.constantFrom("aws:iam/groupPolicy:GroupPolicy"), links: fc.record({ group: link("group") }), props: fc.record({ policy: document }) }),
    fc.record({ type: fc.constant("aws:iam/rolePolicyAttachment:RolePolicyAttachment"), links: fc.record({ role: link("role"), policyArn: link("policy") }), props: fc.record({ policyArn: arn }) }),
    fc.record({ type: fc.constant("aws:iam/policyAttachment:PolicyAttachment"), links: fc.record({ users: link("user"), groups: link("group"), policyArn: link("policy") }, { requiredKeys: ["policyArn"] }), props: fc.record({ policyArn: arn }) }),
    fc.record({ type: fc.constant("aws:iam/groupPolicyAttachment:GroupPolicyAttachment"), links: fc.record({ group: link("group"), policyArn: link("policy") }), props: fc.record({ policyArn: arn }) }),
    fc.record({ type: fc.constant("aws:iam/groupMembership:GroupMembership"), links: fc.record({ group: link("group"), users: link("user") }), props: fc.constant({}) }),
    fc.record({ type: fc.constant("aws:iam/userGroupMembership:UserGroupMembership"), links: fc.record({ user: link("user"), groups: link("group") }), props: fc.constant({}) }),
    fc.record({ type: fc.constant("aws:iam/accessKey:AccessKey"), links: fc.record({ user: link("user") }), props: fc.record({ status: fc.constantFrom<unknown>(undefined, "Active", "Inactive", U) }, { requiredKeys: [] }) }),
    fc.record({ type: fc.constant("aws:iam/userLoginProfile:UserLoginProfile"), links: fc.record({ user: link("user") }), props: fc.constant({}) }),
);

const TYPE_OF: Record<Kind, string> = { role: "aws:iam/role:Role", user: "aws:iam/user:User", group: "aws:iam/group:Group", policy: "aws:iam/policy:Policy" };
const LISTS = new Set(["users", "groups", "roles"]);

/** Turn nodes into stack resources: a link to index i is a dependency on the i-th resource of that kind (value unknown). */
function toStack(nodes: Node[]): StackResourceInput[] {
    const urns = nodes.map((n, i) => `urn:pulumi:dev::t::${n.type}::r${i}`);
    const ofKind = (kind: Kind) => nodes.flatMap((n, i) => (n.type === TYPE_OF[kind] ? [urns[i]] : []));
    return nodes.map((n, i) => {
        const props: Record<string, unknown> = { ...n.props };
        const propertyDependencies: Record<string, string[]> = {};
        for (const [key, { kind, to }] of Object.entries(n.links)) {
            const candidates = ofKind(kind);
            let value: unknown;
            if (typeof to === "number" && candidates.length) {
                propertyDependencies[key] = [candidates[to % candidates.length]];
                value = U;
            } else {
                value = to === "unknown" ? U : to === "legacy" ? "legacy" : U;
            }
            if (key === "policyArn" && typeof props.policyArn === "string" && !propertyDependencies[key]) continue;
            props[key] = LISTS.has(key) ? [value] : value;
        }
        return { type: n.type, name: `r${i}`, urn: urns[i], props, propertyDependencies };
    });
}

const stacks = fc.array(node, { maxLength: 12 }).map(toStack);

describe.each(POLICIES.map((p) => [p.name, p] as const))("%s on IAM-shaped stacks", (_name, policy) => {
    test("never reaches the defect finding", () => {
        fc.assert(
            fc.property(stacks, (resources) => {
                for (const d of policy.evaluate(resources)) expect(d.message).not.toContain(DEFECT);
            }),
            { numRuns: 300 },
        );
    });
});

/** The same stacks with every document and every policy ARN unknown, as in a first preview built from outputs. */
function unknownDocuments(resources: StackResourceInput[]): StackResourceInput[] {
    return resources.map((r) => {
        const props = { ...(r.props as Record<string, unknown>) };
        for (const key of ["policy", "policyArn", "inlinePolicies", "managedPolicyArns", "permissionsBoundary"]) if (key in props) props[key] = U;
        return { ...r, props };
    });
}

describe.each([msgRole, msgPolicy, msgGroup].map((p) => [p.name, p] as const))("%s: unknown is never a violation", (_name, policy) => {
    test("documents and ARNs unknown during preview yield no mandatory finding", () => {
        fc.assert(
            fc.property(stacks.map(unknownDocuments), (resources) => {
                const mandatory = policy.evaluate(resources).filter((d) => d.enforcementLevel !== "advisory");
                expect(mandatory.map((d) => d.message)).toEqual([]);
            }),
            { numRuns: 300 },
        );
    });
});
