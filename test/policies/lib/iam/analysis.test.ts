import { analysePrivileges, grants } from "../../../../policies/lib/iam/analysis";
import { ParsedDocument, parsePolicyDocument } from "../../../../policies/lib/iam/document";
import type { Tri } from "../../../../policies/lib/iam/tri";
import { Plain, PlainObject, UNKNOWN } from "../../../../policies/lib/value";

const policy = (...statements: PlainObject[]): ParsedDocument => parsePolicyDocument({ Version: "2012-10-17", Statement: statements });
const allow = (action: Plain, resource: Plain = "*", extra: PlainObject = {}): PlainObject => ({ Effect: "Allow", Action: action, Resource: resource, ...extra });
const deny = (action: Plain, resource: Plain = "*", extra: PlainObject = {}): PlainObject => ({ Effect: "Deny", Action: action, Resource: resource, ...extra });
const MFA = { Bool: { "aws:MultiFactorAuthPresent": "true" } };

describe("grants", () => {
    const cases: [string, ParsedDocument[], string, string | undefined, Tri][] = [
        ["an exact action", [policy(allow("iam:PassRole"))], "iam:PassRole", undefined, "yes"],
        ["a mixed-case action", [policy(allow("IAM:PassRole"))], "iam:PassRole", undefined, "yes"],
        ["a service wildcard", [policy(allow("iam:*"))], "iam:PassRole", undefined, "yes"],
        ["a prefix wildcard", [policy(allow("iam:Pass*"))], "iam:PassRole", undefined, "yes"],
        ["a wildcard in the service", [policy(allow("i?m:*"))], "iam:PassRole", undefined, "yes"],
        ["*:*", [policy(allow("*:*"))], "ec2:RunInstances", undefined, "yes"],
        ["another action", [policy(allow(["s3:GetObject", "iam:Get*"]))], "iam:PassRole", undefined, "no"],
        ["a JSON string document", [parsePolicyDocument(JSON.stringify({ Statement: allow("iam:PassRole") }))], "iam:PassRole", undefined, "yes"],
        ["a single-object Statement", [parsePolicyDocument({ Statement: allow("iam:PassRole") })], "iam:PassRole", undefined, "yes"],
        ["NotAction with Allow grants what it does not exclude", [policy({ Effect: "Allow", NotAction: ["iam:*"], Resource: "*" })], "s3:DeleteBucket", undefined, "yes"],
        ["NotAction with Allow does not grant what it excludes", [policy({ Effect: "Allow", NotAction: ["iam:*"], Resource: "*" })], "iam:PassRole", undefined, "no"],
        ["a conditional Allow still grants", [policy(allow("iam:PassRole", "*", { Condition: MFA }))], "iam:PassRole", undefined, "yes"],
        ["an unconditional Deny neutralises the Allow", [policy(allow("iam:*"), deny("iam:PassRole"))], "iam:PassRole", undefined, "no"],
        ["a Deny neutralises only what it covers", [policy(allow("iam:*"), deny("iam:PassRole"))], "iam:CreateUser", undefined, "yes"],
        ["a conditional Deny does not neutralise", [policy(allow("iam:*"), deny("iam:*", "*", { Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } }))], "iam:PassRole", undefined, "yes"],
        ["a Deny on part of the resources leaves the rest", [policy(allow("iam:PassRole"), deny("iam:PassRole", "arn:aws:iam::*:role/admin"))], "iam:PassRole", undefined, "yes"],
        ["a Deny on every resource covers a narrower Allow", [policy(allow("iam:PassRole", "arn:aws:iam::*:role/app-*"), deny("iam:*"))], "iam:PassRole", undefined, "no"],
        ["a Deny with NotAction denies everything else", [policy(allow("*"), { Effect: "Deny", NotAction: "s3:*", Resource: "*" })], "iam:PassRole", undefined, "no"],
        ["a Deny in another document of the same principal", [policy(allow("iam:PassRole")), policy(deny("iam:*"))], "iam:PassRole", undefined, "no"],
        ["absent and invalid documents grant nothing", [parsePolicyDocument(undefined), parsePolicyDocument("{")], "iam:PassRole", undefined, "no"],
        ["on a matching resource", [policy(allow("iam:PassRole", "arn:aws:iam::*:role/ec2-*"))], "iam:PassRole", "arn:aws:iam::111122223333:role/ec2-web", "yes"],
        ["not on another resource", [policy(allow("iam:PassRole", "arn:aws:iam::*:role/ec2-*"))], "iam:PassRole", "arn:aws:iam::111122223333:role/admin", "no"],
        ["on every resource: only Resource *", [policy(allow("sts:AssumeRole", "arn:aws:iam::*:role/x"))], "sts:AssumeRole", "*", "no"],
        ["NotResource leaves out what it names", [policy({ Effect: "Allow", Action: "s3:*", NotResource: "arn:aws:s3:::secret/*" })], "s3:GetObject", "arn:aws:s3:::secret/a", "no"],
        ["NotResource grants the rest", [policy({ Effect: "Allow", Action: "s3:*", NotResource: "arn:aws:s3:::secret/*" })], "s3:GetObject", "arn:aws:s3:::public/a", "yes"],
    ];
    test.each(cases)("%s", (_name, documents, action, resource, expected) => {
        expect(grants(documents, action, resource)).toBe(expected);
    });
});

describe("grants with values unknown during preview", () => {
    const cases: [string, ParsedDocument[], string, string | undefined, Tri][] = [
        ["an unknown Resource ARN does not hide which actions are granted", [policy(allow("iam:PassRole", [UNKNOWN]))], "iam:PassRole", undefined, "yes"],
        ["an unknown Resource ARN hides whether every resource is reached", [policy(allow("sts:AssumeRole", [UNKNOWN]))], "sts:AssumeRole", "*", "unknown"],
        ["an unknown Action might grant it", [policy(allow(UNKNOWN))], "iam:PassRole", undefined, "unknown"],
        ["an unknown Action beside a known grant: the grant settles it", [policy(allow("iam:PassRole"), allow([UNKNOWN]))], "iam:PassRole", undefined, "yes"],
        ["an unknown Effect might be an Allow", [policy({ Effect: UNKNOWN, Action: "iam:PassRole", Resource: "*" })], "iam:PassRole", undefined, "unknown"],
        ["an unknown Effect might be a Deny of the grant", [policy(allow("iam:PassRole"), { Effect: UNKNOWN, Action: "iam:*", Resource: "*" })], "iam:PassRole", undefined, "unknown"],
        ["an unknown Effect on a conditional statement cannot neutralise", [policy(allow("iam:PassRole"), { Effect: UNKNOWN, Action: "iam:*", Resource: "*", Condition: MFA })], "iam:PassRole", undefined, "yes"],
        ["an unknown Effect on other actions changes nothing", [policy(allow("iam:PassRole"), { Effect: UNKNOWN, Action: "s3:*", Resource: "*" })], "iam:PassRole", undefined, "yes"],
        ["a Deny with an unknown Condition might be unconditional", [policy(allow("iam:PassRole"), deny("iam:PassRole", "*", { Condition: UNKNOWN }))], "iam:PassRole", undefined, "unknown"],
        ["a Deny on an unknown resource might cover the Allow", [policy(allow("iam:PassRole", "arn:aws:iam::1:role/a"), deny("iam:PassRole", [UNKNOWN]))], "iam:PassRole", undefined, "unknown"],
        ["a wholly unknown document might grant it", [parsePolicyDocument(UNKNOWN)], "iam:PassRole", undefined, "unknown"],
        ["an unknown statement might deny it", [parsePolicyDocument({ Statement: [allow("iam:PassRole"), UNKNOWN] })], "iam:PassRole", undefined, "unknown"],
        ["nothing grants it when the unknown statement is about other actions... unless it is unknown entirely", [policy(allow("s3:GetObject")), parsePolicyDocument({ Statement: [UNKNOWN] })], "iam:PassRole", undefined, "unknown"],
    ];
    test.each(cases)("%s", (_name, documents, action, resource, expected) => {
        expect(grants(documents, action, resource)).toBe(expected);
    });
});

describe("analysePrivileges: administrator access", () => {
    const cases: [string, ParsedDocument, "yes" | "unknown" | undefined][] = [
        ["Action * on Resource *", policy(allow("*")), "yes"],
        ["Action *:* on Resource *", policy(allow("*:*")), "yes"],
        ["a condition does not remove it", policy(allow("*", "*", { Condition: MFA })), "yes"],
        ["NotAction that excludes no IAM action: the holder can grant itself the rest", policy({ Effect: "Allow", NotAction: ["s3:*"], Resource: "*" }), "yes"],
        ["NotAction that excludes IAM (PowerUserAccess-like)", policy({ Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" }), undefined],
        ["Action * on one resource only", policy(allow("*", "arn:aws:s3:::bucket/*")), undefined],
        ["an unconditional Deny of an IAM action", policy(allow("*"), deny("iam:CreateUser")), undefined],
        ["a Deny of a non-IAM action: still administrator", policy(allow("*"), deny("cloudtrail:StopLogging")), "yes"],
        ["a conditional Deny of IAM does not remove it", policy(allow("*"), deny("iam:*", "*", { Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } })), "yes"],
        ["service wildcards only", policy(allow(["iam:*", "s3:*"])), undefined],
        ["Action * on an unknown resource", policy(allow("*", [UNKNOWN])), "unknown"],
        ["an unknown Action on *", policy(allow(UNKNOWN)), "unknown"],
    ];
    test.each(cases)("%s", (_name, document, expected) => {
        expect(analysePrivileges(document).administrator?.verdict).toBe(expected);
    });

    test("the finding names the statement", () => {
        const report = analysePrivileges(policy(allow("s3:GetObject"), { Sid: "AllowAll", ...allow("*") }));
        expect(report.administrator).toEqual({ verdict: "yes", statements: [{ document: 0, index: 2, sid: "AllowAll", label: 'Statement "AllowAll"' }] });
    });
});

describe("analysePrivileges: service wildcards and NotAction", () => {
    test("a service wildcard on all resources, grouped across statements whatever its case", () => {
        const report = analysePrivileges(policy(allow("s3:*"), allow(["S3:*", "ec2:Describe*"])));
        expect(report.serviceWildcards.map((w) => [w.pattern, w.service, w.statements.map((s) => s.label)])).toEqual([["s3:*", "s3", ["statement 1", "statement 2"]]]);
    });

    test.each([
        ["on one bucket only", policy(allow("s3:*", "arn:aws:s3:::bucket/*")), []],
        ["neutralised by a Deny of the whole service", policy(allow("s3:*"), deny("s3:*")), []],
        ["not neutralised by a partial Deny", policy(allow("s3:*"), deny("s3:Delete*")), ["s3:*"]],
        ["a family of services", policy(allow("s*:*")), ["s*:*"]],
        ["not for Action * (that is administrator access)", policy(allow("*")), []],
    ])("%s", (_name, document, patterns) => {
        expect(analysePrivileges(document).serviceWildcards.map((w) => w.pattern)).toEqual(patterns);
    });

    test("an Allow with NotAction on all resources lists what it excludes", () => {
        const report = analysePrivileges(policy({ Sid: "Power", Effect: "Allow", NotAction: ["iam:*", "organizations:*"], Resource: "*" }));
        expect(report.notActionGrants).toEqual([{ verdict: "yes", statement: { document: 0, index: 1, sid: "Power", label: 'Statement "Power"' }, excluded: ["iam:*", "organizations:*"] }]);
    });

    test("a Deny with NotAction is no grant", () => {
        expect(analysePrivileges(policy(allow("s3:GetObject"), { Effect: "Deny", NotAction: "s3:*", Resource: "*" })).notActionGrants).toEqual([]);
    });
});

describe("analysePrivileges: IAM write", () => {
    test.each([
        ["a prefix wildcard names the actions it reaches", policy(allow("iam:Pass*")), ["iam:PassRole"]],
        ["a mixed-case literal", policy(allow("IAM:CreateUser")), ["iam:CreateUser"]],
        ["a literal action newer than the catalogue", policy(allow("iam:CreateSomethingNew")), ["iam:CreateSomethingNew"]],
        ["reading IAM is no write", policy(allow(["iam:Get*", "iam:List*", "iam:GenerateCredentialReport", "iam:Simulate*"])), []],
        ["changing one's own password is no write over others", policy(allow("iam:ChangePassword")), []],
        ["an IAM write neutralised by a Deny", policy(allow(["iam:Get*", "iam:UpdateRole"]), deny("iam:Update*")), []],
    ])("%s", (_name, document, actions) => {
        expect(analysePrivileges(document).iamWrite?.actions ?? []).toEqual(actions);
    });

    test("each granting statement with its actions and the patterns that grant them", () => {
        const report = analysePrivileges(policy(allow(["s3:*", "iam:*Login*"]), { Sid: "Keys", ...allow("iam:CreateAccessKey") }));
        expect(report.iamWrite?.statements.map((s) => [s.statement.label, s.actions, s.patterns])).toEqual([
            ["statement 1", ["iam:CreateLoginProfile", "iam:DeleteLoginProfile", "iam:UpdateLoginProfile"], ["iam:*Login*"]],
            ['Statement "Keys"', ["iam:CreateAccessKey"], ["iam:CreateAccessKey"]],
        ]);
    });

    test("an unknown action makes IAM write possible, not certain", () => {
        const write = analysePrivileges(policy(allow(["s3:GetObject", UNKNOWN]))).iamWrite;
        expect(write?.verdict).toBe("unknown");
        expect(write?.actions).toEqual([]);
        expect(write?.possibleActions).toContain("iam:PassRole");
    });
});

describe("analysePrivileges: escalation methods", () => {
    const ids = (documents: ParsedDocument | ParsedDocument[]) => analysePrivileges(documents).escalations.map((e) => `${e.method.id}:${e.verdict}`);

    test.each([
        ["one IAM action is a method of its own", [policy(allow("iam:CreatePolicyVersion"))], ["iam-create-policy-version:yes"]],
        ["PassRole alone is none", [policy(allow("iam:PassRole"))], []],
        ["PassRole and RunInstances in one statement", [policy(allow(["iam:PassRole", "ec2:RunInstances"]))], ["ec2-pass-role-run-instances:yes"]],
        ["split across two statements", [policy(allow("iam:PassRole"), allow("ec2:RunInstances"))], ["ec2-pass-role-run-instances:yes"]],
        ["split across two documents", [policy(allow("iam:PassRole")), policy(allow("ec2:RunInstances"))], ["ec2-pass-role-run-instances:yes"]],
        ["PassRole scoped to some roles still counts", [policy(allow("iam:PassRole", "arn:aws:iam::*:role/app-*"), allow("ec2:RunInstances"))], ["ec2-pass-role-run-instances:yes"]],
        ["PassRole on an unknown role ARN still counts", [policy(allow("iam:PassRole", [UNKNOWN]), allow("ec2:RunInstances"))], ["ec2-pass-role-run-instances:yes"]],
        ["a conditional PassRole still counts", [policy(allow("iam:PassRole", "*", { Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } } }), allow("ec2:RunInstances"))], ["ec2-pass-role-run-instances:yes"]],
        ["a Deny of PassRole breaks the method", [policy(allow(["iam:PassRole", "ec2:RunInstances"]), deny("iam:PassRole"))], []],
        ["Lambda through an event source instead of Invoke", [policy(allow(["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"]))], ["lambda-pass-role-create-function:yes"]],
        ["Lambda without a way to run the function", [policy(allow(["iam:PassRole", "lambda:CreateFunction"]))], []],
        ["rewriting a trust policy needs AssumeRole too", [policy(allow("iam:UpdateAssumeRolePolicy"))], []],
        ["rewriting a trust policy and assuming the role", [policy(allow("iam:UpdateAssumeRolePolicy"), allow("sts:AssumeRole", "arn:aws:iam::*:role/x"))], ["iam-update-assume-role-policy:yes"]],
        ["AssumeRole on every resource", [policy(allow("sts:AssumeRole"))], ["sts-assume-any-role:yes"]],
        ["AssumeRole on one role is no such method", [policy(allow("sts:AssumeRole", "arn:aws:iam::111122223333:role/ReadOnly"))], []],
        ["an unknown second half makes the method possible", [policy(allow("iam:PassRole"), allow(UNKNOWN))], expect.arrayContaining(["ec2-pass-role-run-instances:unknown", "iam-create-policy-version:unknown"])],
    ] as [string, ParsedDocument[], unknown][])("%s", (_name, documents, expected) => {
        expect(ids(documents)).toEqual(expected);
    });

    test("the finding says which statement supplies which action, across documents", () => {
        const [finding] = analysePrivileges([policy({ Sid: "Pass", ...allow("iam:PassRole") }), policy(allow(["ec2:RunInstances"]))]).escalations;
        expect(finding.method.id).toBe("ec2-pass-role-run-instances");
        expect(finding.parts.map((p) => p.granted.map((g) => [g.action, g.statements.map((s) => `${s.document}/${s.label}`)]))).toEqual([
            [["iam:PassRole", ["0/Statement \"Pass\""]]],
            [["ec2:RunInstances", ["1/statement 1"]]],
        ]);
    });
});

describe("analysePrivileges: what is unknown", () => {
    test("lists the unknown parts that can change a verdict, naming statement and document", () => {
        const report = analysePrivileges([
            policy(allow("s3:*", [UNKNOWN], { Condition: { Bool: { "aws:SecureTransport": UNKNOWN } } }), deny("iam:*", "*", { Condition: UNKNOWN })),
            parsePolicyDocument(UNKNOWN),
        ]);
        expect(report.unknowns).toEqual([
            "statement 1 of document 1: Resource unknown during preview",
            "statement 2 of document 1: Condition unknown during preview",
            "document 2 is unknown during preview",
        ]);
    });
});
