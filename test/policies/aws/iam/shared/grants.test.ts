import { documentsOf, Grant, grantedArn, grantIndex, grantTypesFor, Target } from "../../../../../policies/aws/iam/shared/grants";
import { Resource, stackOf, UNKNOWN } from "./stack";

const ROLE = "aws:iam/role:Role";
const USER = "aws:iam/user:User";
const GROUP = "aws:iam/group:Group";
const POLICY = "aws:iam/policy:Policy";
const DOC = JSON.stringify({ Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] });
const ADMIN_ARN = "arn:aws:iam::aws:policy/AdministratorAccess";

/** A compact view of a grant: how it is labelled and what it gives. */
function show(g: Grant): string {
    const p = g.policy;
    const what = p.kind === "document" ? `document:${p.document.kind}${p.policy ? `@${p.policy.name}` : ""}` : p.kind === "managed" ? `managed:${p.verdict.name}` : p.kind === "unreadable" ? `unreadable:${p.arn}${p.awsManaged ? " (aws)" : ""}` : "unknown";
    return `${g.via.name}.${g.property} → ${what}`;
}

function grantsOf(resources: Resource[], kind: "role" | "user" | "group", principal: Target | string) {
    const stack = stackOf(resources);
    const target: Target = typeof principal === "string" ? { kind: "resource", resource: stack.resources.find((r) => r.name === principal)! } : principal;
    const { certain, possible } = grantIndex(stack).grantsTo(kind, target);
    return { certain: certain.map(show), possible: possible.map(show) };
}

const role: Resource = { type: ROLE, name: "ops" };
const policy: Resource = { type: POLICY, name: "custom", props: { policy: DOC, arn: "arn:aws:iam::111122223333:policy/custom" } };

describe("grants to a role", () => {
    test.each<[string, Resource[], string[], string[]?]>([
        ["nothing", [role], []],
        ["its inline policies, named and unnamed", [{ type: ROLE, name: "ops", props: { inlinePolicies: [{ name: "read", policy: DOC }, { policy: DOC }, {}] } }], ["ops.inlinePolicies[0].policy → document:document", "ops.inlinePolicies[1].policy → document:document"]],
        ["inline policies unknown during preview", [{ type: ROLE, name: "ops", props: { inlinePolicies: UNKNOWN } }], ["ops.inlinePolicies → document:unknown"]],
        ["one inline policy unknown", [{ type: ROLE, name: "ops", props: { inlinePolicies: [UNKNOWN] } }], ["ops.inlinePolicies[0].policy → document:unknown"]],
        ["managedPolicyArns: AWS managed, unknown to msp-guard, made elsewhere, and a stack policy", [policy, { type: ROLE, name: "ops", props: { managedPolicyArns: [ADMIN_ARN, "arn:aws:iam::aws:policy/AmazonS3FullAccess", "arn:aws:iam::111122223333:policy/other", UNKNOWN] }, deps: { managedPolicyArns: ["custom"] } }], [
            "ops.managedPolicyArns → document:document@custom",
            "ops.managedPolicyArns → managed:AdministratorAccess",
            "ops.managedPolicyArns → unreadable:arn:aws:iam::aws:policy/AmazonS3FullAccess (aws)",
            "ops.managedPolicyArns → unreadable:arn:aws:iam::111122223333:policy/other",
        ]],
        ["a RolePolicy through its dependency", [role, { type: "aws:iam/rolePolicy:RolePolicy", name: "rp", props: { role: UNKNOWN, policy: DOC }, deps: { role: ["ops"] } }], ["rp.policy → document:document"]],
        ["a RolePolicy without a document grants nothing", [role, { type: "aws:iam/rolePolicy:RolePolicy", name: "rp", props: { role: UNKNOWN }, deps: { role: ["ops"] } }], []],
        ["a RolePolicyAttachment of a stack policy (preview: the ARN is unknown)", [role, policy, { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "att", props: { role: UNKNOWN, policyArn: UNKNOWN }, deps: { role: ["ops"], policyArn: ["custom"] } }], ["att.policyArn → document:document@custom"]],
        ["a RolePolicyAttachment by known names and ARN (exported stack)", [{ ...role, props: { name: "ops-1" } }, policy, { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "att", props: { role: "ops-1", policyArn: "arn:aws:iam::111122223333:policy/custom" } }], ["att.policyArn → document:document@custom"]],
        ["an attachment whose policy ARN is unknown with no dependency", [role, { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "att", props: { role: UNKNOWN, policyArn: UNKNOWN }, deps: { role: ["ops"] } }], ["att.policyArn → unknown"]],
        ["a PolicyAttachment's roles", [role, { type: "aws:iam/policyAttachment:PolicyAttachment", name: "pa", props: { roles: [UNKNOWN], users: ["alice"], policyArn: ADMIN_ARN }, deps: { roles: ["ops"] } }], ["pa.policyArn → managed:AdministratorAccess"]],
        ["an exclusive attachment list", [role, { type: "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive", name: "ex", props: { roleName: UNKNOWN, policyArns: [ADMIN_ARN] }, deps: { roleName: ["ops"] } }], ["ex.policyArns → managed:AdministratorAccess"]],
        ["the same policy attached twice counts once", [{ type: ROLE, name: "ops", props: { managedPolicyArns: [ADMIN_ARN] } }, { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "att", props: { role: UNKNOWN, policyArn: ADMIN_ARN }, deps: { role: ["ops"] } }], ["ops.managedPolicyArns → managed:AdministratorAccess"]],
        ["another role's attachment does not count", [role, { type: ROLE, name: "other" }, { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "att", props: { role: UNKNOWN, policyArn: ADMIN_ARN }, deps: { role: ["other"] } }], []],
        ["an attachment whose role is unknown may apply", [role, { type: "aws:iam/rolePolicyAttachment:RolePolicyAttachment", name: "att", props: { role: UNKNOWN, policyArn: ADMIN_ARN } }], [], ["att.policyArn → managed:AdministratorAccess"]],
        ["a user's attachment is no role's", [role, { type: "aws:iam/userPolicyAttachment:UserPolicyAttachment", name: "att", props: { user: UNKNOWN, policyArn: ADMIN_ARN } }], []],
    ])("%s", (_name, resources, certain, possible = []) => {
        expect(grantsOf(resources, "role", "ops")).toEqual({ certain, possible });
    });
});

describe("grants to users and groups", () => {
    test("a user's inline policy, attachment and PolicyAttachment entry", () => {
        const resources: Resource[] = [
            { type: USER, name: "alice" },
            { type: "aws:iam/userPolicy:UserPolicy", name: "up", props: { user: UNKNOWN, policy: DOC }, deps: { user: ["alice"] } },
            { type: "aws:iam/userPolicyAttachment:UserPolicyAttachment", name: "ua", props: { user: UNKNOWN, policyArn: ADMIN_ARN }, deps: { user: ["alice"] } },
            { type: "aws:iam/policyAttachment:PolicyAttachment", name: "pa", props: { users: [UNKNOWN], policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" }, deps: { users: ["alice"] } },
            { type: "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive", name: "ux", props: { userName: UNKNOWN, policyArns: ["arn:aws:iam::aws:policy/SecurityAudit"] }, deps: { userName: ["alice"] } },
        ];
        expect(grantsOf(resources, "user", "alice").certain).toEqual(["up.policy → document:document", "ua.policyArn → managed:AdministratorAccess", "pa.policyArn → managed:ReadOnlyAccess", "ux.policyArns → managed:SecurityAudit"]);
    });

    test("a group made elsewhere, by name", () => {
        const resources: Resource[] = [
            { type: "aws:iam/groupPolicy:GroupPolicy", name: "gp", props: { group: "admins", policy: DOC } },
            { type: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment", name: "ga", props: { group: "admins", policyArn: ADMIN_ARN } },
            { type: "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive", name: "gx", props: { groupName: "others", policyArns: [ADMIN_ARN] } },
        ];
        expect(grantsOf(resources, "group", { kind: "name", name: "admins" }).certain).toEqual(["gp.policy → document:document", "ga.policyArn → managed:AdministratorAccess"]);
    });

    test("an unknown principal is granted nothing", () => {
        expect(grantsOf([{ type: "aws:iam/groupPolicy:GroupPolicy", name: "gp", props: { group: UNKNOWN, policy: DOC } }], "group", { kind: "unknown" })).toEqual({ certain: [], possible: [] });
    });

    test("an index for some kinds reads no other kinds", () => {
        const stack = stackOf([{ type: ROLE, name: "ops", props: { managedPolicyArns: [ADMIN_ARN] } }]);
        expect(grantIndex(stack, ["user"]).records).toEqual([]);
        expect(grantTypesFor("group")).toEqual([GROUP, POLICY, "aws:iam/groupPolicy:GroupPolicy", "aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "aws:iam/policyAttachment:PolicyAttachment", "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive"]);
    });
});

describe("documents of grants", () => {
    const stack = stackOf([
        policy,
        { type: ROLE, name: "ops", props: { inlinePolicies: [{ name: "read", policy: DOC }], managedPolicyArns: [ADMIN_ARN, "arn:aws:iam::aws:policy/AmazonS3FullAccess", UNKNOWN, UNKNOWN] }, deps: { managedPolicyArns: ["custom"] } },
    ]);
    const { certain } = grantIndex(stack).grantsTo("role", { kind: "resource", resource: stack.byUrn(stack.resources[1].urn)! });

    test("inline and stack policies as they are, AWS managed ones as their stand-in named whole, others unreadable", () => {
        const { documents, unreadable } = documentsOf(certain);
        expect(documents.map((d) => [d.label, d.whole ?? false])).toEqual([
            ['inline policy "read" of role "ops" (inlinePolicies[0].policy)', false],
            ['policy "custom" attached by role "ops" (managedPolicyArns)', false],
            ['AWS managed policy AdministratorAccess attached by role "ops" (managedPolicyArns)', true],
        ]);
        expect(unreadable.map((g) => g.label)).toEqual(['AWS managed policy arn:aws:iam::aws:policy/AmazonS3FullAccess attached by role "ops" (managedPolicyArns)']);
    });

    test("the ARN of each grant, when known", () => {
        expect(certain.map(grantedArn)).toEqual([undefined, "arn:aws:iam::111122223333:policy/custom", ADMIN_ARN, "arn:aws:iam::aws:policy/AmazonS3FullAccess"]);
    });
});
