// Verdicts on real AWS managed policies (snapshots in shared/data/aws-iam/managed-policies), each derived from
// IAM's documented semantics and from what the document actually contains, not from a list of "bad" names.
import { expandPattern } from "../../../../policies/lib/iam/actions";
import { analysePrivileges, grants, PrivilegeReport } from "../../../../policies/lib/iam/analysis";
import { ESCALATION_METHODS, IAM_WRITE_ACTIONS, isIamWriteAction } from "../../../../policies/lib/iam/catalogue";
import { ParsedDocument, parsePolicyDocument } from "../../../../policies/lib/iam/document";
import { actionsByService, managedPolicy, managedPolicyNames } from "./data";

function parsed(name: string): ParsedDocument {
    const document = parsePolicyDocument(managedPolicy(name).document);
    expect(document.kind).toBe("document");
    return document;
}

const report = (name: string): PrivilegeReport => analysePrivileges(parsed(name));
const escalationIds = (name: string): string[] => report(name).escalations.map((e) => e.method.id).sort();

test("every snapshot parses as a valid document, as JSON text too", () => {
    for (const name of managedPolicyNames()) {
        expect(parsed(name).kind).toBe("document");
        expect(parsePolicyDocument(JSON.stringify(managedPolicy(name).document, undefined, 2))).toEqual(parsed(name));
    }
});

describe("AdministratorAccess", () => {
    test("is full administrator access on statement 1", () => {
        expect(report("AdministratorAccess").administrator).toEqual({ verdict: "yes", statements: [{ document: 0, index: 1, label: "statement 1" }] });
    });
    test("grants every catalogued IAM write and every escalation method", () => {
        expect(report("AdministratorAccess").iamWrite?.actions).toEqual(IAM_WRITE_ACTIONS);
        expect(escalationIds("AdministratorAccess")).toEqual(ESCALATION_METHODS.map((m) => m.id).sort());
    });
});

describe("PowerUserAccess", () => {
    // Statement 1: Allow NotAction [iam:*, organizations:*, account:*] on *; statement 2 gives back a few of them.
    test("is not full administrator access: IAM is excluded", () => {
        expect(report("PowerUserAccess").administrator).toBeUndefined();
    });
    test("is wide: an Allow of everything but IAM, Organizations and Account", () => {
        expect(report("PowerUserAccess").notActionGrants.map((f) => [f.statement.label, f.excluded])).toEqual([["statement 1", ["iam:*", "organizations:*", "account:*"]]]);
        expect(grants(parsed("PowerUserAccess"), "s3:DeleteBucket", "*")).toBe("yes");
    });
    test("writes IAM only through statement 2's service-linked-role actions", () => {
        const write = report("PowerUserAccess").iamWrite;
        expect(write?.actions).toEqual(["iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole"]);
        expect(write?.statements.map((s) => s.statement.label)).toEqual(["statement 2"]);
    });
    test("cannot pass roles, but reaches the methods that need no IAM: existing compute and AssumeRole on *", () => {
        expect(grants(parsed("PowerUserAccess"), "iam:PassRole")).toBe("no");
        expect(escalationIds("PowerUserAccess")).toEqual([
            "cloudformation-update-stack", "ec2-instance-connect-send-ssh-public-key", "glue-update-dev-endpoint", "lambda-update-function-code",
            "sagemaker-create-presigned-notebook-url", "ssm-send-command", "ssm-start-session", "sts-assume-any-role",
        ]);
    });
});

describe("IAMFullAccess", () => {
    test("is not administrator access but grants iam:* on all resources", () => {
        const r = report("IAMFullAccess");
        expect(r.administrator).toBeUndefined();
        expect(r.serviceWildcards.map((w) => w.pattern)).toEqual(["iam:*"]);
    });
    test("grants every IAM write and every IAM-only escalation method", () => {
        expect(report("IAMFullAccess").iamWrite?.actions).toEqual(IAM_WRITE_ACTIONS);
        expect(escalationIds("IAMFullAccess")).toEqual([
            "iam-add-user-to-group", "iam-attach-group-policy", "iam-attach-role-policy", "iam-attach-user-policy", "iam-create-access-key",
            "iam-create-login-profile", "iam-create-policy-version", "iam-put-group-policy", "iam-put-role-policy", "iam-put-user-policy",
            "iam-set-default-policy-version", "iam-update-login-profile",
        ]);
    });
    test("rewriting a trust policy is no method here: the policy has no sts:AssumeRole", () => {
        expect(grants(parsed("IAMFullAccess"), "sts:AssumeRole")).toBe("no");
    });
});

describe("read-only policies: ReadOnlyAccess, SecurityAudit, ViewOnlyAccess, IAMReadOnlyAccess", () => {
    const readOnly = ["ReadOnlyAccess", "SecurityAudit", "ViewOnlyAccess", "IAMReadOnlyAccess"];
    const universe = actionsByService();

    test.each(readOnly)("%s grants nothing privileged", (name) => {
        const r = report(name);
        expect(r.administrator).toBeUndefined();
        expect(r.serviceWildcards).toEqual([]);
        expect(r.notActionGrants).toEqual([]);
        expect(r.iamWrite).toBeUndefined();
        expect(r.escalations).toEqual([]);
    });

    test.each(readOnly)("%s reads IAM through wildcards such as iam:Get*/iam:List*, none reaching a write", (name) => {
        const document = parsed(name);
        expect(grants(document, "iam:ListRoles")).toBe("yes");
        const writes = universe.iam.map((a) => `iam:${a}`).filter(isIamWriteAction);
        expect(writes.filter((a) => grants(document, a) !== "no")).toEqual([]);
    });

    test("their wildcards really reach reading actions only, over the published actions", () => {
        const patterns = readOnly.flatMap((name) => {
            const doc = managedPolicy(name).document as { Statement: { Action?: string[] }[] };
            return doc.Statement.flatMap((s) => s.Action ?? []).filter((p) => p.includes("*") && /^(iam|sts|lambda|glue|ec2|cloudformation|datapipeline|sagemaker):/.test(p));
        });
        expect(patterns).toEqual(expect.arrayContaining(["iam:Get*", "iam:List*", "lambda:Get*"]));
        for (const action of patterns.flatMap((p) => expandPattern(p, universe))) expect(action).toMatch(/:(Get|List|Describe|Search|BatchGet|Check|Estimate|Detect|Validate|Lookup|Generate|Simulate|Query|Evaluate)/);
    });
});

describe("IAMUserChangePassword", () => {
    test("lets a user change only its own password: no IAM write over others, no escalation", () => {
        const r = report("IAMUserChangePassword");
        expect(r.iamWrite).toBeUndefined();
        expect(r.escalations).toEqual([]);
        expect(grants(parsed("IAMUserChangePassword"), "iam:ChangePassword")).toBe("yes");
        expect(grants(parsed("IAMUserChangePassword"), "iam:ChangePassword", "*")).toBe("no");
    });
});

describe("AWSLambda_FullAccess", () => {
    test("grants lambda:* on all resources and PassRole (conditioned on Lambda, which still counts)", () => {
        const r = report("AWSLambda_FullAccess");
        expect(r.serviceWildcards.map((w) => w.pattern)).toEqual(["lambda:*"]);
        expect(r.iamWrite?.actions).toEqual(["iam:CreateServiceLinkedRole", "iam:PassRole"]);
        expect(r.iamWrite?.statements.map((s) => [s.statement.label, s.actions])).toEqual([
            ["statement 2", ["iam:PassRole"]],
            ["statement 4", ["iam:CreateServiceLinkedRole"]],
        ]);
    });
    test("reaches the Lambda escalation methods, PassRole from statement 2 and Lambda from statement 1", () => {
        expect(escalationIds("AWSLambda_FullAccess")).toEqual(["lambda-pass-role-create-function", "lambda-update-function-code"]);
        const method = report("AWSLambda_FullAccess").escalations.find((e) => e.method.id === "lambda-pass-role-create-function");
        expect(method?.parts.map((p) => p.granted.map((g) => `${g.action}@${g.statements.map((s) => s.index).join(",")}`))).toEqual([
            ["iam:PassRole@2"],
            ["lambda:CreateFunction@1"],
            ["lambda:InvokeFunction@1", "lambda:CreateEventSourceMapping@1"],
        ]);
    });
});

describe("AWSCloudFormationFullAccess", () => {
    test("grants cloudformation:* but no PassRole: only the update of an existing stack's service role remains", () => {
        const r = report("AWSCloudFormationFullAccess");
        expect(r.serviceWildcards.map((w) => w.pattern)).toEqual(["cloudformation:*"]);
        expect(r.iamWrite).toBeUndefined();
        expect(escalationIds("AWSCloudFormationFullAccess")).toEqual(["cloudformation-update-stack"]);
    });
});

describe("SystemAdministrator", () => {
    test("is not administrator access, but grants many services whole, s3:* among them", () => {
        const r = report("SystemAdministrator");
        expect(r.administrator).toBeUndefined();
        expect(r.serviceWildcards.map((w) => w.pattern)).toEqual(expect.arrayContaining(["s3:*", "logs:*", "sns:*", "sqs:*", "route53:*"]));
    });
    test("writes IAM: PassRole on its sysadmin roles, certificates and SSH keys (iam:Upload*)", () => {
        expect(report("SystemAdministrator").iamWrite?.actions).toEqual([
            "iam:PassRole", "iam:UpdateServerCertificate", "iam:UpdateSigningCertificate", "iam:UploadSSHPublicKey", "iam:UploadServerCertificate", "iam:UploadSigningCertificate",
        ]);
    });
    test("escalates by passing its roles to EC2 or Lambda, and by rewriting Lambda code", () => {
        expect(escalationIds("SystemAdministrator")).toEqual(["ec2-pass-role-run-instances", "lambda-pass-role-create-function", "lambda-update-function-code"]);
        expect(grants(parsed("SystemAdministrator"), "iam:PassRole", "arn:aws:iam::111122223333:role/ec2-sysadmin-web")).toBe("yes");
        expect(grants(parsed("SystemAdministrator"), "iam:PassRole", "arn:aws:iam::111122223333:role/Admin")).toBe("no");
    });
});
