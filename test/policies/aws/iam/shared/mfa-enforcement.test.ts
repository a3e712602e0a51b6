import { parsePolicyDocument, PolicyInput, Tri } from "../../../../../policies/lib/iam";
import { Plain, PlainObject, UNKNOWN } from "../../../../../policies/lib/value";
import { enforcesMfa, isMfaSelfService } from "../../../../../policies/aws/iam/shared/mfa-enforcement";

const doc = (...statements: Plain[]): PolicyInput => parsePolicyDocument({ Version: "2012-10-17", Statement: statements });
const NO_MFA = { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } };
const SELF_SERVICE = ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser", "iam:ListMFADevices", "iam:ListVirtualMFADevices", "iam:ResyncMFADevice", "sts:GetSessionToken"];
const deny = (extra: PlainObject): PlainObject => ({ Effect: "Deny", Resource: "*", Condition: NO_MFA, ...extra });

describe("enforcesMfa", () => {
    test.each<[string, PolicyInput[], Tri]>([
        ["Deny * unless MFA (BoolIfExists false)", [doc(deny({ Action: "*" }))], "yes"],
        ["AWS's self-management example: Deny NotAction the MFA set-up actions", [doc(deny({ Sid: "DenyAllExceptListedIfNoMFA", NotAction: SELF_SERVICE }))], "yes"],
        ["the same as a JSON string with a single-object Statement", [parsePolicyDocument(JSON.stringify({ Statement: deny({ NotAction: SELF_SERVICE }) }))], "yes"],
        ["Null aws:MultiFactorAuthAge true", [doc(deny({ Action: "*:*", Condition: { Null: { "aws:MultiFactorAuthAge": "true" } } }))], "yes"],
        ["in the second of two documents", [doc({ Effect: "Allow", Action: "s3:*", Resource: "*" }), doc(deny({ Action: "*" }))], "yes"],
        ["Bool false (not IfExists) lets access keys through", [doc(deny({ Action: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } }))], "no"],
        ["a Deny of IAM only", [doc(deny({ Action: "iam:*" }))], "no"],
        ["NotAction leaving S3 usable without MFA", [doc(deny({ NotAction: [...SELF_SERVICE, "s3:*"] }))], "no"],
        ["NotAction leaving all of IAM", [doc(deny({ NotAction: ["iam:*"] }))], "no"],
        ["a Deny on one resource only", [doc(deny({ Action: "*", Resource: "arn:aws:s3:::b/*" }))], "no"],
        ["a Deny that also needs another condition", [doc(deny({ Action: "*", Condition: { ...NO_MFA, StringEquals: { "aws:RequestedRegion": "eu-west-1" } } }))], "no"],
        ["an Allow that requires MFA is no enforcement", [doc({ Effect: "Allow", Action: "*", Resource: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } })], "no"],
        ["no documents", [], "no"],
        ["an unknown document", [parsePolicyDocument(UNKNOWN)], "unknown"],
        ["an unknown Condition", [doc(deny({ Action: "*", Condition: UNKNOWN }))], "unknown"],
        ["an unknown NotAction entry beside self-service ones", [doc(deny({ NotAction: [...SELF_SERVICE, UNKNOWN] }))], "unknown"],
        ["a known enforcement settles it beside an unknown", [doc(deny({ Action: "*" })), parsePolicyDocument(UNKNOWN)], "yes"],
    ])("%s", (_name, documents, expected) => {
        expect(enforcesMfa(documents).verdict).toBe(expected);
    });

    test("says why not, for messages", () => {
        expect(enforcesMfa([doc(deny({ Action: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } }))]).reason).toContain("long-term access keys");
        expect(enforcesMfa([]).reason).toBe("no Deny of every action on every resource applies when MFA is absent");
    });
});

test.each<[string, boolean]>([
    ["iam:EnableMFADevice", true],
    ["IAM:enablemfadevice", true],
    ["sts:GetSessionToken", true],
    ["iam:GetUser", true],
    ["iam:List*", true],
    ["iam:ChangePassword", true],
    ["iam:*", false],
    ["iam:G*", false],
    ["iam:CreateAccessKey", false],
    ["iam:DeactivateMFADevice", false],
    ["s3:GetObject", false],
])("isMfaSelfService(%s) = %s", (pattern, expected) => {
    expect(isMfaSelfService(pattern)).toBe(expected);
});
