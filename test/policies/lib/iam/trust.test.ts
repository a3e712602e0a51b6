import { parsePolicyDocument, ParsedDocument } from "../../../../policies/lib/iam/document";
import { admitsAnyone, analyseTrust, TrustAnalysis } from "../../../../policies/lib/iam/trust";
import type { Tri } from "../../../../policies/lib/iam/tri";
import { Plain, PlainObject, UNKNOWN } from "../../../../policies/lib/value";

const MSP = "111122223333";
const OTHER = "444455556666";
const trust = (...statements: PlainObject[]): ParsedDocument => parsePolicyDocument({ Version: "2012-10-17", Statement: statements });
const admit = (principal: Plain, condition?: Plain, extra: PlainObject = {}): PlainObject => ({
    Effect: "Allow",
    Action: "sts:AssumeRole",
    Principal: principal,
    ...(condition === undefined ? {} : { Condition: condition }),
    ...extra,
});

function analysed(document: ParsedDocument): Extract<TrustAnalysis, { kind: "trust" }> {
    const result = analyseTrust(document);
    if (result.kind !== "trust") throw new Error(JSON.stringify(result));
    return result;
}

const account = (document: ParsedDocument, id: string) => analysed(document).accounts.find((a) => a.account === id);
const MFA = { Bool: { "aws:MultiFactorAuthPresent": "true" } };
const EXTERNAL_ID = { StringEquals: { "sts:ExternalId": "msp-7f3c" } };

describe("analyseTrust: which statements admit", () => {
    test.each([
        ["sts:AssumeRole", "sts:AssumeRole", ["sts:AssumeRole"]],
        ["a wildcard of sts", "sts:*", ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity"]],
        ["sts:AssumeRole* in another case", "STS:assumerole*", ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity"]],
        ["web identity only", "sts:AssumeRoleWithWebIdentity", ["sts:AssumeRoleWithWebIdentity"]],
        ["tags travel with the session, admitted by the AssumeRole", ["sts:AssumeRole", "sts:TagSession"], ["sts:AssumeRole"]],
    ] as [string, Plain, string[]][])("%s", (_name, action, actions) => {
        expect(analysed(trust(admit({ AWS: MSP }, undefined, { Action: action }))).admissions.map((a) => a.actions)).toEqual([actions]);
    });

    test("a statement allowing only sts:TagSession or sts:SetSourceIdentity admits nobody", () => {
        expect(analysed(trust(admit({ AWS: MSP }, undefined, { Action: ["sts:TagSession", "sts:SetSourceIdentity"] }))).admissions).toEqual([]);
    });

    test("statements that admit nobody are left out: a Deny, another action", () => {
        const result = analysed(trust({ Effect: "Deny", Action: "sts:AssumeRole", Principal: "*", Condition: MFA }, admit({ AWS: MSP }, undefined, { Action: "s3:GetObject" })));
        expect(result.admissions).toEqual([]);
    });

    test("an unknown Action or Effect might admit", () => {
        const result = analysed(trust(admit({ AWS: MSP }, undefined, { Action: UNKNOWN }), admit({ AWS: OTHER }, undefined, { Effect: UNKNOWN })));
        expect(result.admissions.map((a) => [a.statement.label, a.verdict])).toEqual([
            ["statement 1", "unknown"],
            ["statement 2", "unknown"],
        ]);
        expect(result.unknowns).toEqual(["statement 1: Action unknown during preview", "statement 2: Effect unknown during preview"]);
    });

    test("an unconditional Deny for the account takes it out", () => {
        const result = analysed(trust(admit({ AWS: [MSP, OTHER] }), { Effect: "Deny", Action: "sts:*", Principal: { AWS: `arn:aws:iam::${OTHER}:root` } }));
        expect(result.accounts.map((a) => a.account)).toEqual([MSP]);
    });

    test.each([
        ["absent", undefined, "absent"],
        ["unknown", UNKNOWN, "unknown"],
        ["invalid", "{", "invalid"],
    ] as [string, unknown, string][])("an %s document is reported as such", (_name, value, kind) => {
        expect(analyseTrust(parsePolicyDocument(value)).kind).toBe(kind);
    });
});

describe("analyseTrust: MFA for each admitted account", () => {
    const cases: [string, ParsedDocument, Tri][] = [
        ["Bool aws:MultiFactorAuthPresent true on the Allow", trust(admit({ AWS: MSP }, MFA)), "yes"],
        ["the same with a boolean and a list", trust(admit({ AWS: [`arn:aws:iam::${MSP}:root`] }, { Bool: { "aws:MultiFactorAuthPresent": [true] } })), "yes"],
        ["NumericLessThan on aws:MultiFactorAuthAge", trust(admit({ AWS: MSP }, { NumericLessThan: { "aws:MultiFactorAuthAge": 3600 } })), "yes"],
        ["no condition", trust(admit({ AWS: MSP })), "no"],
        ["BoolIfExists true on the Allow lets long-term keys in", trust(admit({ AWS: MSP }, { BoolIfExists: { "aws:MultiFactorAuthPresent": "true" } })), "no"],
        ["NumericLessThanIfExists on the age", trust(admit({ AWS: MSP }, { NumericLessThanIfExists: { "aws:MultiFactorAuthAge": 3600 } })), "no"],
        [
            "a Deny for everyone with BoolIfExists false",
            trust(admit({ AWS: MSP }), { Effect: "Deny", Action: "sts:AssumeRole", Principal: { AWS: "*" }, Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } }),
            "yes",
        ],
        [
            "a Deny naming the account root",
            trust(admit({ AWS: `arn:aws:iam::${MSP}:role/Ops` }), { Effect: "Deny", Action: "sts:*", Principal: { AWS: MSP }, Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": false } } }),
            "yes",
        ],
        [
            "a Deny with plain Bool false does not apply to long-term keys",
            trust(admit({ AWS: MSP }), { Effect: "Deny", Action: "sts:AssumeRole", Principal: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } }),
            "no",
        ],
        [
            "a Deny of other actions",
            trust(admit({ AWS: MSP }), { Effect: "Deny", Action: "sts:TagSession", Principal: "*", Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } }),
            "no",
        ],
        [
            "a Deny for another account",
            trust(admit({ AWS: MSP }), { Effect: "Deny", Action: "sts:AssumeRole", Principal: { AWS: OTHER }, Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } }),
            "no",
        ],
        ["the account admitted twice, once without MFA: the weakest statement counts", trust(admit({ AWS: MSP }, MFA), admit({ AWS: `arn:aws:iam::${MSP}:root` })), "no"],
        ["an unknown MFA value", trust(admit({ AWS: MSP }, { Bool: { "aws:MultiFactorAuthPresent": UNKNOWN } })), "unknown"],
        ["an unknown Condition", trust(admit({ AWS: MSP }, UNKNOWN)), "unknown"],
        ["an unknown Condition value of another key does not matter", trust(admit({ AWS: MSP }, { ...MFA, StringEquals: { "sts:ExternalId": UNKNOWN } })), "yes"],
        [
            "a Deny for everyone but another account (NotPrincipal) applies to this one",
            trust(admit({ AWS: MSP }), { Effect: "Deny", Action: "sts:AssumeRole", NotPrincipal: { AWS: OTHER }, Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } }),
            "yes",
        ],
        [
            "a Deny for everyone but this account (NotPrincipal) does not",
            trust(admit({ AWS: MSP }), { Effect: "Deny", Action: "sts:AssumeRole", NotPrincipal: { AWS: `arn:aws:iam::${MSP}:root` }, Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } }),
            "no",
        ],
        [
            "a Deny whose principal is unknown might enforce it",
            trust(admit({ AWS: MSP }), { Effect: "Deny", Action: "sts:AssumeRole", Principal: { AWS: UNKNOWN }, Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } }),
            "unknown",
        ],
    ];
    test.each(cases)("%s", (_name, document, expected) => {
        expect(account(document, MSP)?.mfa.verdict).toBe(expected);
    });

    test("reasons name the statements and explain the near miss", () => {
        const document = trust(
            { Sid: "Msp", ...admit({ AWS: MSP }, { BoolIfExists: { "aws:MultiFactorAuthPresent": "true" } }) },
            { Sid: "DenyNoMfa", Effect: "Deny", Action: "sts:AssumeRole", Principal: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } },
        );
        expect(account(document, MSP)?.mfa).toEqual({
            verdict: "no",
            reason:
                'Statement "Msp" does not require MFA: BoolIfExists aws:MultiFactorAuthPresent "true" lets long-term access keys through, because their requests carry no MFA key and IfExists passes an absent key; ' +
                'Statement "DenyNoMfa" denies with Bool aws:MultiFactorAuthPresent "false", which is false when the key is absent (long-term access keys), so it does not require MFA',
        });
    });
});

describe("analyseTrust: ExternalId for each admitted account", () => {
    test.each([
        ["StringEquals with a concrete value", trust(admit({ AWS: MSP }, EXTERNAL_ID)), "yes"],
        ["StringLike \"*\"", trust(admit({ AWS: MSP }, { StringLike: { "sts:ExternalId": "*" } })), "no"],
        ["StringEqualsIfExists", trust(admit({ AWS: MSP }, { StringEqualsIfExists: { "sts:ExternalId": "msp-7f3c" } })), "no"],
        ["a generated value unknown during preview", trust(admit({ AWS: MSP }, { StringEquals: { "sts:ExternalId": UNKNOWN } })), "unknown"],
        [
            "a Deny without the right ExternalId",
            trust(admit({ AWS: MSP }), { Effect: "Deny", Action: "sts:AssumeRole", Principal: "*", Condition: { StringNotEquals: { "sts:ExternalId": "msp-7f3c" } } }),
            "yes",
        ],
    ] as [string, ParsedDocument, Tri][])("%s", (_name, document, expected) => {
        expect(account(document, MSP)?.externalId.verdict).toBe(expected);
    });

    test("MFA and ExternalId are judged independently, per account", () => {
        const document = trust(admit({ AWS: MSP }, { ...MFA, ...EXTERNAL_ID }), admit({ AWS: `arn:aws:iam::${OTHER}:role/Support` }, EXTERNAL_ID));
        expect(analysed(document).accounts.map((a) => [a.account, a.mfa.verdict, a.externalId.verdict])).toEqual([
            [MSP, "yes", "yes"],
            [OTHER, "no", "yes"],
        ]);
    });
});

describe("analyseTrust: statements whose principal is unknown", () => {
    test("are judged as statements, with their own MFA evidence", () => {
        const result = analysed(trust(admit({ AWS: [UNKNOWN] }, MFA), admit({ AWS: UNKNOWN })));
        expect(result.accounts).toEqual([]);
        expect(result.admissions.map((a) => [a.principals, a.mfa.verdict])).toEqual([
            [[{ kind: "unknown", type: "AWS" }], "yes"],
            [[{ kind: "unknown", type: "AWS" }], "no"],
        ]);
        expect(result.unknowns).toEqual(["statement 1: Principal unknown during preview", "statement 2: Principal unknown during preview"]);
    });
});

describe("admitsAnyone: open to the world or to my organization", () => {
    test.each([
        ["Principal \"*\"", trust(admit("*")), "yes"],
        ["{AWS: \"*\"}", trust(admit({ AWS: "*" })), "yes"],
        ["NotPrincipal with Allow", trust({ Effect: "Allow", Action: "sts:AssumeRole", NotPrincipal: { AWS: MSP } }), "yes"],
        ["\"*\" restricted to the organization", trust(admit("*", { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } })), "no"],
        ["\"*\" restricted to an unknown organization", trust(admit("*", { StringEquals: { "aws:PrincipalOrgID": UNKNOWN } })), "unknown"],
        ["\"*\" with MFA only is still the world", trust(admit("*", MFA)), "yes"],
        ["an unknown principal might be anyone", trust(admit({ AWS: UNKNOWN })), "unknown"],
        ["an account", trust(admit({ AWS: MSP })), "no"],
        ["a service", trust(admit({ Service: "ec2.amazonaws.com" })), "no"],
    ] as [string, ParsedDocument, Tri][])("%s", (_name, document, expected) => {
        expect(admitsAnyone(analyseTrust(document)).verdict).toBe(expected);
    });
});

describe("analyseTrust: each statement's requirements per account", () => {
    test("an account admitted by two statements has one entry per statement, and the account-wide verdict is the weakest", () => {
        const document = trust({ Sid: "WithMfa", ...admit({ AWS: MSP }, { ...MFA, ...EXTERNAL_ID }) }, { Sid: "Legacy", ...admit({ AWS: [`arn:aws:iam::${MSP}:role/Ops`, MSP] }, EXTERNAL_ID, { Effect: UNKNOWN }) });
        const result = account(document, MSP);
        expect(result?.byStatement.map((s) => [s.statement.label, s.verdict, s.mfa.verdict, s.externalId.verdict])).toEqual([
            ['Statement "WithMfa"', "yes", "yes", "yes"],
            ['Statement "Legacy"', "unknown", "no", "yes"],
        ]);
        expect([result?.mfa.verdict, result?.externalId.verdict]).toEqual(["no", "yes"]);
    });
});

describe("analyseTrust: principals a Deny may refuse", () => {
    test("a Deny whose Effect is unknown leaves the principal admitted only perhaps", () => {
        const result = analysed(trust(admit({ AWS: [MSP, OTHER] }), { Effect: UNKNOWN, Action: "sts:*", Principal: { AWS: OTHER } }));
        expect(result.admissions[0].possiblyRefused).toEqual([{ kind: "aws-account", account: OTHER, identity: "account", value: OTHER }]);
        expect(result.accounts.map((a) => [a.account, a.byStatement[0].verdict])).toEqual([
            [MSP, "yes"],
            [OTHER, "unknown"],
        ]);
    });

    test("an account surely admitted by one of its principals in the statement stays admitted", () => {
        const result = analysed(trust(admit({ AWS: [`arn:aws:iam::${OTHER}:role/Ops`, `arn:aws:iam::${OTHER}:role/Audit`] }), { Effect: "Deny", Action: "sts:*", Principal: { AWS: `arn:aws:iam::${OTHER}:role/Ops` }, Condition: UNKNOWN }));
        expect(result.accounts.map((a) => [a.account, a.byStatement[0].verdict])).toEqual([[OTHER, "yes"]]);
    });
});
