import { thirdPartyTrustGaps, TrustGap } from "../../../../../policies/aws/iam/shared/third-party-trust";
import { analyseTrust, parsePolicyDocument } from "../../../../../policies/lib/iam";
import { Plain, PlainObject, UNKNOWN } from "../../../../../policies/lib/value";

const MSP = "111122223333";
const OWN = "123456789012";
const OTHER = "444455556666";
const LISTS = { mspAccountIds: [MSP], trustedAccountIds: [OWN], partnerAccountIds: [] };
const MFA = { Bool: { "aws:MultiFactorAuthPresent": "true" } };
const EXTERNAL_ID = { StringEquals: { "sts:ExternalId": "msp-7f3c" } };
const admit = (principal: Plain, condition?: Plain, extra: PlainObject = {}): PlainObject => ({
    Effect: "Allow",
    Action: "sts:AssumeRole",
    Principal: principal,
    ...(condition === undefined ? {} : { Condition: condition }),
    ...extra,
});

function gaps(statements: PlainObject[], requireExternalId = true): TrustGap[] {
    const trust = analyseTrust(parsePolicyDocument({ Version: "2012-10-17", Statement: statements }));
    if (trust.kind !== "trust") throw new Error(trust.kind);
    return thirdPartyTrustGaps(trust, LISTS, requireExternalId);
}
/** A compact view: kind, verdict, account, statement and control. */
const brief = (gap: TrustGap): string[] =>
    gap.kind === "missing" ? [gap.kind, gap.verdict, gap.account, gap.standing, gap.statement.label, gap.control]
    : gap.kind === "anyone" ? [gap.kind, gap.verdict, gap.statement.label, gap.principal]
    : [gap.kind, gap.statement.label, ...gap.controls];

describe("thirdPartyTrustGaps", () => {
    test.each([
        ["MFA and ExternalId on the only statement", [admit({ AWS: MSP }, { ...MFA, ...EXTERNAL_ID })], []],
        ["the customer's own account needs neither", [admit({ AWS: OWN })], []],
        ["a service needs neither", [admit({ Service: "ec2.amazonaws.com" })], []],
        ["both missing, MFA first", [admit({ AWS: MSP })], [["missing", "yes", MSP, "msp", "statement 1", "MFA"], ["missing", "yes", MSP, "msp", "statement 1", "ExternalId"]]],
        ["ExternalId not required", [admit({ AWS: MSP })], [["missing", "yes", MSP, "msp", "statement 1", "MFA"]], false],
        ["per statement, not only the weakest", [admit({ AWS: MSP }, MFA), admit({ AWS: MSP }, EXTERNAL_ID)], [["missing", "yes", MSP, "msp", "statement 1", "ExternalId"], ["missing", "yes", MSP, "msp", "statement 2", "MFA"]]],
        ["an unlisted account", [admit({ AWS: OTHER }, MFA)], [["missing", "yes", OTHER, "unlisted", "statement 1", "ExternalId"]]],
        ["anyone", [admit("*", { ...MFA, ...EXTERNAL_ID })], [["anyone", "yes", "statement 1", '"*"']]],
        ["a service acting for a third-party account is asked nothing", [admit({ Service: "events.amazonaws.com" }, { StringEquals: { "aws:SourceAccount": OTHER } })], []],
        ["anyone narrowed to the organization", [admit("*", { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } })], []],
        ["anyone narrowed to a third-party account", [admit("*", { ...MFA, StringEquals: { "aws:PrincipalAccount": OTHER } })], [["missing", "yes", OTHER, "unlisted", "statement 1", "ExternalId"]]],
        ["anyone narrowed to the account it also names", [admit({ AWS: ["*", MSP] }, { StringEquals: { "aws:PrincipalAccount": MSP }, ...MFA })], [["missing", "yes", MSP, "msp", "statement 1", "ExternalId"]]],
        ["an unknown Effect", [admit({ AWS: MSP }, MFA, { Effect: UNKNOWN })], [["missing", "unknown", MSP, "msp", "statement 1", "ExternalId"]]],
        ["an unknown MFA condition", [admit({ AWS: MSP }, { Bool: { "aws:MultiFactorAuthPresent": UNKNOWN }, ...EXTERNAL_ID })], [["missing", "unknown", MSP, "msp", "statement 1", "MFA"]]],
        ["an unknown principal without the controls", [admit({ AWS: UNKNOWN }, MFA)], [["unknown-principal", "statement 1", "ExternalId"]]],
        ["an unknown principal with the controls", [admit({ AWS: UNKNOWN }, { ...MFA, ...EXTERNAL_ID })], []],
        ["an account a Deny of unknown Effect may refuse", [admit({ AWS: [MSP, OTHER] }, MFA), { Effect: UNKNOWN, Action: "sts:*", Principal: { AWS: OTHER } }], [["missing", "yes", MSP, "msp", "statement 1", "ExternalId"], ["missing", "unknown", OTHER, "unlisted", "statement 1", "ExternalId"], ["missing", "unknown", OTHER, "unlisted", "statement 2", "MFA"], ["missing", "unknown", OTHER, "unlisted", "statement 2", "ExternalId"]]],
        ["anyone, whom a Deny of unknown Effect may refuse", [admit("*"), { Effect: UNKNOWN, Action: "sts:AssumeRole", Principal: "*" }], [["anyone", "unknown", "statement 1", '"*"'], ["anyone", "unknown", "statement 2", '"*"']]],
    ] as [string, PlainObject[], string[][], boolean?][])("%s", (_name, statements, expected, requireExternalId = true) => {
        expect(gaps(statements, requireExternalId).map(brief)).toEqual(expected);
    });

    test("an unknown Effect is the reason when the statement's conditions are known", () => {
        const [gap] = gaps([admit({ AWS: MSP }, MFA, { Effect: UNKNOWN })]);
        expect(gap.kind === "missing" && gap.reason).toBe("whether statement 1 admits the account depends on values not known yet (its Effect or Action, or a Deny that may refuse the account)");
    });
});
