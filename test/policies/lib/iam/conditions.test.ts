import { allowRequiresExternalId, allowRequiresMfa, denyEnforcesExternalId, denyEnforcesMfa, Evidence, parseOperator, principalRestrictions } from "../../../../policies/lib/iam/conditions";
import { parsePolicyDocument, Statement } from "../../../../policies/lib/iam/document";
import type { Tri } from "../../../../policies/lib/iam/tri";
import { Plain, UNKNOWN } from "../../../../policies/lib/value";

function statement(effect: "Allow" | "Deny", condition: Plain): Statement {
    const parsed = parsePolicyDocument({ Statement: [{ Effect: effect, Action: "sts:AssumeRole", Principal: { AWS: "111122223333" }, Condition: condition }] });
    if (parsed.kind !== "document") throw new Error(JSON.stringify(parsed));
    return parsed.document.statements[0];
}

const verdict = (evidence: Evidence): Tri => evidence.verdict;

describe("parseOperator", () => {
    test.each([
        ["Bool", { base: "bool", ifExists: false, negated: false }],
        ["BoolIfExists", { base: "bool", ifExists: true, negated: false }],
        ["stringnotequalsIFEXISTS", { base: "stringnotequals", ifExists: true, negated: true }],
        ["ForAnyValue:StringLike", { base: "stringlike", ifExists: false, negated: false, qualifier: "foranyvalue" }],
        ["forallvalues:StringEquals", { base: "stringequals", ifExists: false, negated: false, qualifier: "forallvalues" }],
        ["NotIpAddress", { base: "notipaddress", ifExists: false, negated: true }],
    ])("%s", (operator, expected) => {
        expect(parseOperator(operator)).toEqual(expected);
    });
});

describe("allowRequiresMfa", () => {
    const cases: [string, Plain, Tri][] = [
        ["Bool aws:MultiFactorAuthPresent \"true\"", { Bool: { "aws:MultiFactorAuthPresent": "true" } }, "yes"],
        ["Bool with a JSON boolean true", { Bool: { "aws:MultiFactorAuthPresent": true } }, "yes"],
        ["Bool with [\"true\"]", { Bool: { "aws:MultiFactorAuthPresent": ["true"] } }, "yes"],
        ["operator and key in any case", { bool: { "AWS:multifactorauthpresent": "TRUE" } }, "yes"],
        ["NumericLessThan on aws:MultiFactorAuthAge", { NumericLessThan: { "aws:MultiFactorAuthAge": 3600 } }, "yes"],
        ["NumericLessThanEquals on aws:MultiFactorAuthAge", { NumericLessThanEquals: { "aws:MultiFactorAuthAge": "3600" } }, "yes"],
        ["Null aws:MultiFactorAuthAge \"false\" (the age exists only after MFA)", { Null: { "aws:MultiFactorAuthAge": "false" } }, "yes"],
        ["MFA beside other conditions", { Bool: { "aws:MultiFactorAuthPresent": "true" }, StringEquals: { "sts:ExternalId": "x" } }, "yes"],
        ["BoolIfExists … \"true\": long-term keys carry no MFA key and pass", { BoolIfExists: { "aws:MultiFactorAuthPresent": "true" } }, "no"],
        ["NumericLessThanIfExists: passes when the key is absent", { NumericLessThanIfExists: { "aws:MultiFactorAuthAge": 3600 } }, "no"],
        ["Bool with [\"true\", \"false\"]: any value passes", { Bool: { "aws:MultiFactorAuthPresent": ["true", "false"] } }, "no"],
        ["Bool \"false\"", { Bool: { "aws:MultiFactorAuthPresent": "false" } }, "no"],
        ["ForAllValues:Bool: true when the key is absent", { "ForAllValues:Bool": { "aws:MultiFactorAuthPresent": "true" } }, "no"],
        ["NumericGreaterThan on the age", { NumericGreaterThan: { "aws:MultiFactorAuthAge": 1 } }, "no"],
        ["no condition", null, "no"],
        ["an unknown Condition", UNKNOWN, "unknown"],
        ["an unknown Bool block might demand MFA", { Bool: UNKNOWN }, "unknown"],
        ["an unknown MFA value", { Bool: { "aws:MultiFactorAuthPresent": UNKNOWN } }, "unknown"],
        ["an unknown BoolIfExists value cannot demand MFA either way", { BoolIfExists: { "aws:MultiFactorAuthPresent": UNKNOWN } }, "no"],
        ["an unknown value of another key", { Bool: { "aws:MultiFactorAuthPresent": "true" }, StringEquals: { "sts:ExternalId": UNKNOWN } }, "yes"],
        ["an unknown StringEquals block cannot demand MFA", { StringEquals: UNKNOWN }, "no"],
    ];
    test.each(cases)("%s", (_name, condition, expected) => {
        expect(verdict(allowRequiresMfa(statement("Allow", condition)))).toBe(expected);
    });

    test.each([
        [{ Bool: { "aws:MultiFactorAuthPresent": "true" } }, 'statement 1 requires MFA (Bool aws:MultiFactorAuthPresent "true")'],
        [{ BoolIfExists: { "aws:MultiFactorAuthPresent": "true" } }, 'statement 1 does not require MFA: BoolIfExists aws:MultiFactorAuthPresent "true" lets long-term access keys through, because their requests carry no MFA key and IfExists passes an absent key'],
        [null, "statement 1 has no condition that requires MFA"],
        [{ Bool: UNKNOWN }, "cannot verify MFA for statement 1: the Bool block is unknown during preview"],
        [{ Bool: { "aws:MultiFactorAuthPresent": UNKNOWN } }, "cannot verify MFA for statement 1: Bool aws:MultiFactorAuthPresent (unknown) is unknown during preview"],
    ] as [Plain, string][])("the reason for %j reads well", (condition, reason) => {
        expect(allowRequiresMfa(statement("Allow", condition)).reason).toBe(reason);
    });
});

describe("denyEnforcesMfa", () => {
    const cases: [string, Plain, Tri][] = [
        ["BoolIfExists aws:MultiFactorAuthPresent \"false\"", { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } }, "yes"],
        ["BoolIfExists with a JSON boolean", { BoolIfExists: { "aws:MultiFactorAuthPresent": false } }, "yes"],
        ["Null aws:MultiFactorAuthAge \"true\"", { Null: { "aws:MultiFactorAuthAge": "true" } }, "yes"],
        ["plain Bool … \"false\": absent key, condition false, Deny does not apply", { Bool: { "aws:MultiFactorAuthPresent": "false" } }, "no"],
        ["another condition narrows the Deny", { BoolIfExists: { "aws:MultiFactorAuthPresent": "false", "aws:ViaAWSService": "false" } }, "no"],
        ["no condition (an unconditional Deny refuses everyone: no MFA question)", null, "no"],
        ["an unknown Condition", UNKNOWN, "unknown"],
        ["an unknown MFA value", { BoolIfExists: { "aws:MultiFactorAuthPresent": UNKNOWN } }, "unknown"],
    ];
    test.each(cases)("%s", (_name, condition, expected) => {
        expect(verdict(denyEnforcesMfa(statement("Deny", condition)))).toBe(expected);
    });

    test("the reason for a plain Bool Deny explains the absent key", () => {
        expect(denyEnforcesMfa(statement("Deny", { Bool: { "aws:MultiFactorAuthPresent": "false" } })).reason).toBe(
            'statement 1 denies with Bool aws:MultiFactorAuthPresent "false", which is false when the key is absent (long-term access keys), so it does not require MFA',
        );
    });
});

describe("allowRequiresExternalId", () => {
    const cases: [string, Plain, Tri][] = [
        ["StringEquals with a concrete value", { StringEquals: { "sts:ExternalId": "7f3c-msp" } }, "yes"],
        ["StringEquals with a list of concrete values", { StringEquals: { "sts:ExternalId": ["a1", "b2"] } }, "yes"],
        ["the key in any case", { stringequals: { "STS:EXTERNALID": "7f3c" } }, "yes"],
        ["StringEqualsIgnoreCase with a concrete value", { StringEqualsIgnoreCase: { "sts:ExternalId": "7f3c" } }, "yes"],
        ["StringLike without wildcards", { StringLike: { "sts:ExternalId": "7f3c" } }, "yes"],
        ["ForAnyValue:StringEquals (needs the key present)", { "ForAnyValue:StringEquals": { "sts:ExternalId": "7f3c" } }, "yes"],
        ["StringLike \"*\" accepts any value", { StringLike: { "sts:ExternalId": "*" } }, "no"],
        ["StringLike with a partial wildcard", { StringLike: { "sts:ExternalId": "msp-*" } }, "no"],
        ["StringEqualsIfExists passes a request without one", { StringEqualsIfExists: { "sts:ExternalId": "7f3c" } }, "no"],
        ["ForAllValues:StringEquals is true when absent", { "ForAllValues:StringEquals": { "sts:ExternalId": "7f3c" } }, "no"],
        ["StringNotEquals on an Allow", { StringNotEquals: { "sts:ExternalId": "7f3c" } }, "no"],
        ["an empty value", { StringEquals: { "sts:ExternalId": "" } }, "no"],
        ["no condition", null, "no"],
        ["an unknown value (a generated secret)", { StringEquals: { "sts:ExternalId": UNKNOWN } }, "unknown"],
        ["an unknown StringEquals block", { StringEquals: UNKNOWN }, "unknown"],
        ["an unknown IfExists value still does not count", { StringEqualsIfExists: { "sts:ExternalId": UNKNOWN } }, "no"],
    ];
    test.each(cases)("%s", (_name, condition, expected) => {
        expect(verdict(allowRequiresExternalId(statement("Allow", condition)))).toBe(expected);
    });

    test("the reason never quotes the ExternalId value", () => {
        expect(allowRequiresExternalId(statement("Allow", { StringEquals: { "sts:ExternalId": "s3cr3t-value" } })).reason).not.toContain("s3cr3t-value");
    });
});

describe("denyEnforcesExternalId", () => {
    test.each([
        ["StringNotEquals with a concrete value (true when absent)", { StringNotEquals: { "sts:ExternalId": "7f3c" } }, "yes"],
        ["StringNotEqualsIfExists (also true when absent)", { StringNotEqualsIfExists: { "sts:ExternalId": "7f3c" } }, "yes"],
        ["StringNotLike \"*\" never fires", { StringNotLike: { "sts:ExternalId": "*" } }, "no"],
        ["an unknown value", { StringNotEquals: { "sts:ExternalId": UNKNOWN } }, "unknown"],
    ] as [string, Plain, Tri][])("%s", (_name, condition, expected) => {
        expect(verdict(denyEnforcesExternalId(statement("Deny", condition)))).toBe(expected);
    });
});

describe("principalRestrictions", () => {
    const cases: [string, Plain, Tri, string[]][] = [
        ["aws:PrincipalOrgID", { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } }, "yes", ["organization"]],
        ["aws:PrincipalOrgPaths with ForAnyValue:StringLike", { "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": "o-abc/r-1/ou-2/*" } }, "yes", ["organization"]],
        ["aws:PrincipalAccount", { StringEquals: { "aws:PrincipalAccount": ["111122223333"] } }, "yes", ["account"]],
        ["aws:SourceAccount for a service", { StringEquals: { "aws:SourceAccount": "111122223333" } }, "yes", ["account"]],
        ["aws:SourceArn with ArnLike", { ArnLike: { "aws:SourceArn": "arn:aws:sns:eu-west-1:111122223333:topic" } }, "yes", ["source"]],
        ["keys in any case", { stringequals: { "AWS:PRINCIPALORGID": "o-abc123" } }, "yes", ["organization"]],
        ["a wildcard value restricts nothing", { StringLike: { "aws:PrincipalOrgID": "*" } }, "no", []],
        ["a principal ARN in any account restricts nothing", { ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/Ops" } }, "no", []],
        ["IfExists passes requests without the key", { StringEqualsIfExists: { "aws:PrincipalOrgID": "o-abc123" } }, "no", []],
        ["a negated operator does not restrict to the org", { StringNotEquals: { "aws:PrincipalOrgID": "o-abc123" } }, "no", []],
        ["other conditions only", { Bool: { "aws:SecureTransport": "true" } }, "no", []],
        ["an unknown organization id", { StringEquals: { "aws:PrincipalOrgID": UNKNOWN } }, "unknown", []],
        ["an unknown Condition", UNKNOWN, "unknown", []],
    ];
    test.each(cases)("%s", (_name, condition, expected, scopes) => {
        const evidence = principalRestrictions(statement("Allow", condition));
        expect([evidence.verdict, evidence.restrictions.map((r) => r.scope)]).toEqual([expected, scopes]);
    });
});
