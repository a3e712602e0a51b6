import { parsePolicyDocument } from "../../../../../policies/lib/iam";
import { Plain, PlainObject, UNKNOWN } from "../../../../../policies/lib/value";
import { accessOf, administratorStyle, describeEscalations, iamWriteExcept, LabelledDocument, listSome, summarisePrivileges, uncertainDocuments } from "../../../../../policies/aws/iam/shared/privileges";

const doc = (label: string, ...statements: Plain[]): LabelledDocument => ({ label, document: parsePolicyDocument({ Version: "2012-10-17", Statement: statements }) });
const allow = (action: Plain, resource: Plain = "*", extra: PlainObject = {}): PlainObject => ({ Effect: "Allow", Action: action, Resource: resource, ...extra });

describe("summarisePrivileges", () => {
    test("administrator access names the statement and its document", () => {
        const s = summarisePrivileges([doc('policy "a"', allow("s3:GetObject"), { Sid: "All", ...allow("*") })]);
        expect(s.administrator).toEqual({ verdict: "yes", text: 'every action on every resource (Statement "All" of policy "a")' });
        expect(accessOf(s)).toBe("administrator");
        // Everything else is implied, and only the administrator item is administrator-style.
        expect(administratorStyle(s).map((i) => i.text)).toEqual([s.administrator?.text]);
    });

    test("a document named whole is never named by statement", () => {
        const s = summarisePrivileges([{ ...doc("AWS managed policy AdministratorAccess", allow("*")), whole: true }]);
        expect(s.administrator?.text).toBe("every action on every resource (AWS managed policy AdministratorAccess)");
    });

    test.each<[string, Plain, string]>([
        ["iam:*", "iam:*", "iam:*"],
        ["mixed case", "IAM:*", "IAM:*"],
        ["a wildcard in the service", "i?m:*", "i?m:*"],
    ])("all of IAM on every resource: %s", (_name, action, pattern) => {
        const s = summarisePrivileges([doc('policy "a"', allow(action))]);
        expect(s.iamFullAccess).toEqual({ verdict: "yes", text: `all of IAM (${pattern}) on every resource (statement 1 of policy "a")` });
        expect(s.serviceWildcards).toEqual([]);
        expect(accessOf(s)).toBe("iam-full-access");
    });

    test("NotAction on every resource that excludes IAM (PowerUserAccess-style)", () => {
        const s = summarisePrivileges([doc('policy "p"', { Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" })]);
        expect(s.allButActions.map((i) => i.text)).toEqual(['every action except iam:*, organizations:* on every resource (statement 1 of policy "p")']);
        expect(accessOf(s)).toBe("all-but-actions");
    });

    test("NotAction that leaves IAM granted is administrator access, reported once", () => {
        const s = summarisePrivileges([doc('policy "p"', { Effect: "Allow", NotAction: "s3:*", Resource: "*" })]);
        expect(s.administrator?.verdict).toBe("yes");
        expect(s.allButActions).toEqual([]);
    });

    test("an escalation split across two documents names both", () => {
        const s = summarisePrivileges([doc('policy "pass"', { Sid: "Pass", ...allow("iam:PassRole", "arn:aws:iam::*:role/app") }), doc('policy "ec2"', allow("ec2:RunInstances"))]);
        expect(s.escalations.map((e) => [e.method.id, e.verdict, e.actions])).toEqual([["ec2-pass-role-run-instances", "yes", ["iam:PassRole", "ec2:RunInstances"]]]);
        expect(s.escalations[0].text).toBe('ec2-pass-role-run-instances (Pass a role to a new EC2 instance): iam:PassRole from Statement "Pass" of policy "pass"; ec2:RunInstances from statement 1 of policy "ec2"');
        expect(accessOf(s)).toBe("privileged");
    });

    test("service wildcards and IAM write", () => {
        const s = summarisePrivileges([doc('policy "w"', allow(["s3:*", "iam:TagRole", "iam:PassRole"]))]);
        expect(s.serviceWildcards.map((w) => w.text)).toEqual(['s3:* on every resource (statement 1 of policy "w")']);
        expect(s.iamWrite?.actions).toEqual(["iam:PassRole", "iam:TagRole"]);
        expect(iamWriteExcept(s.iamWrite, new Set(["iam:passrole"]))?.text).toBe('IAM write iam:TagRole (statement 1 of policy "w")');
        expect(iamWriteExcept(s.iamWrite, new Set(["iam:passrole", "iam:tagrole"]))).toBeUndefined();
    });

    test("read-only documents are unprivileged", () => {
        expect(accessOf(summarisePrivileges([doc('policy "r"', allow(["s3:Get*", "iam:List*"]))]))).toBe("unprivileged");
        expect(accessOf(summarisePrivileges([]))).toBe("unprivileged");
    });

    test("an unknown document makes every verdict unknown, and is named as uncertain", () => {
        const documents: LabelledDocument[] = [doc('policy "known"', allow("s3:GetObject")), { label: 'policy "later"', document: parsePolicyDocument(UNKNOWN) }];
        const s = summarisePrivileges(documents);
        expect(s.administrator).toEqual({ verdict: "unknown", text: 'every action on every resource (policy "later")' });
        expect(s.escalations.every((e) => e.verdict === "unknown")).toBe(true);
        expect(accessOf(s)).toBe("unprivileged");
        expect(uncertainDocuments(documents)).toEqual(['policy "later"']);
    });

    test("a partly unknown document: the known Allow of everything stands unless the unknown could deny it", () => {
        const s = summarisePrivileges([doc('policy "p"', allow("*"), allow([UNKNOWN]))]);
        expect(s.administrator?.verdict).toBe("yes");
    });
});

test("describeEscalations: a few in detail, the rest by id", () => {
    const s = summarisePrivileges([doc('policy "p"', allow(["iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:AttachUserPolicy", "iam:AttachGroupPolicy"]))]);
    expect(describeEscalations(s.escalations.slice(0, 1))).toBe('escalation method iam-create-policy-version (Create a new default version of a managed policy): iam:CreatePolicyVersion from statement 1 of policy "p"');
    const text = describeEscalations(s.escalations, 2);
    expect(text).toMatch(/^4 escalation methods: iam-create-policy-version \(.*; iam-set-default-policy-version \(.*; and iam-attach-user-policy, iam-attach-group-policy$/);
});

test("listSome", () => {
    expect(listSome(["a", "b"])).toBe("a, b");
    expect(listSome(["a", "b", "c", "d"], 2)).toBe("a, b and 2 more");
});
