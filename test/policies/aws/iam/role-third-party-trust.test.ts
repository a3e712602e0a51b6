import policy from "../../../../policies/aws/iam/role-third-party-trust";
import { advisory, Expected, expectFindings, mandatory, only } from "../../../harness/expect";
import { ACCOUNT_SETTINGS, ACCOUNTS, asJson as json, asObject as object, assume as admit } from "../../../harness/iam";
import { usePack } from "../../../harness/pack";
import { secret, unknown } from "../../../harness/values";
import type { WireProperties, WireValue } from "../../../../cli/driver/wire";

const TYPE = "aws:iam/role:Role";
const NAME = policy.name;
const { msp: MSP, partner: PARTNER, own: OWN, unlisted: OTHER } = ACCOUNTS;
const SETTINGS = ACCOUNT_SETTINGS;
const configured = (extra: Record<string, unknown> = {}) => ({ [NAME]: { ...SETTINGS, ...extra } });

const MFA = { Bool: { "aws:MultiFactorAuthPresent": "true" } };
const EXTERNAL_ID = { StringEquals: { "sts:ExternalId": "msp-7f3c" } };
const BOTH = { ...MFA, ...EXTERNAL_ID };

interface Case {
    name: string;
    trust: WireValue | undefined;
    config?: Record<string, unknown>;
    expect: Expected[];
}

const cases: Case[] = [
    // Nothing to ask of.
    { name: "trust policy omitted", trust: undefined, expect: [] },
    { name: "a service principal needs no MFA", trust: json(admit({ Service: "ec2.amazonaws.com" })), expect: [] },
    { name: "a list of service principals", trust: json(admit({ Service: ["lambda.amazonaws.com", "edgelambda.amazonaws.com"] })), expect: [] },
    { name: "the customer's own account", trust: json(admit({ AWS: `arn:aws:iam::${OWN}:root` })), config: configured(), expect: [] },
    { name: "a statement allowing only sts:TagSession admits nobody", trust: json(admit({ AWS: MSP }, undefined, { Action: "sts:TagSession" })), config: configured(), expect: [] },
    { name: "a trust policy that is not valid JSON is reported, advisory", trust: '{"Statement": [', config: configured(), expect: [advisory("The trust policy cannot be read", "not valid JSON at position 15")] },
    { name: "a statement without Effect is reported, advisory", trust: JSON.stringify({ Statement: [{ Principal: { AWS: MSP }, Action: "sts:AssumeRole" }] }), config: configured(), expect: [advisory("The trust policy cannot be read", "Effect")] },
    { name: "a statement that admits nobody (Deny)", trust: json({ Effect: "Deny", Action: "sts:AssumeRole", Principal: { AWS: MSP } }), config: configured(), expect: [] },
    { name: "an account refused by an unconditional Deny", trust: json(admit({ AWS: [OWN, OTHER] }), { Effect: "Deny", Action: "sts:*", Principal: { AWS: OTHER } }), config: configured(), expect: [] },

    // Compliant third-party trust.
    { name: "MSP account with MFA and ExternalId (JSON string)", trust: json(admit({ AWS: MSP }, BOTH)), config: configured(), expect: [] },
    { name: "MSP account with MFA and ExternalId (object document)", trust: object(admit({ AWS: `arn:aws:iam::${MSP}:root` }, BOTH)), config: configured(), expect: [] },
    { name: "single-object Statement", trust: JSON.stringify({ Version: "2012-10-17", Statement: admit({ AWS: MSP }, BOTH) }), config: configured(), expect: [] },
    { name: "MFA by NumericLessThan on aws:MultiFactorAuthAge", trust: json(admit({ AWS: MSP }, { NumericLessThan: { "aws:MultiFactorAuthAge": 3600 }, ...EXTERNAL_ID })), config: configured(), expect: [] },
    { name: "ExternalId by StringLike with a concrete value", trust: json(admit({ AWS: MSP }, { ...MFA, StringLike: { "sts:ExternalId": "msp-7f3c" } })), config: configured(), expect: [] },
    {
        name: "MFA by a Deny with BoolIfExists false",
        trust: json(admit({ AWS: MSP }, EXTERNAL_ID), { Effect: "Deny", Action: "sts:AssumeRole", Principal: { AWS: "*" }, Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "false" } } }),
        config: configured(),
        expect: [],
    },
    { name: "Principal \"*\" restricted to the organization", trust: json(admit("*", { StringEquals: { "aws:PrincipalOrgID": "o-abc123" } })), config: configured(), expect: [] },
    { name: "ExternalId not required by config", trust: json(admit({ AWS: MSP }, MFA)), config: configured({ requireExternalId: false }), expect: [] },

    // Missing MFA or ExternalId, per account and statement.
    { name: "MSP account without any condition", trust: json({ Sid: "Msp", ...admit({ AWS: MSP }) }), config: configured(), expect: [mandatory(`MSP account ${MSP}`, 'Statement "Msp"', "without MFA", "aws:MultiFactorAuthPresent", "T2, R3"), mandatory(`MSP account ${MSP}`, "without an ExternalId", "sts:ExternalId")] },
    { name: "MSP account with ExternalId but no MFA", trust: json(admit({ AWS: MSP }, EXTERNAL_ID)), config: configured(), expect: [mandatory("statement 1", "without MFA", "has no condition that requires MFA", "assumeRolePolicy")] },
    { name: "MSP account with MFA but no ExternalId", trust: json(admit({ AWS: MSP }, MFA)), config: configured(), expect: [mandatory("without an ExternalId")] },
    { name: "BoolIfExists true on the Allow lets long-term keys in", trust: json(admit({ AWS: MSP }, { BoolIfExists: { "aws:MultiFactorAuthPresent": "true" }, ...EXTERNAL_ID })), config: configured(), expect: [mandatory("without MFA", "BoolIfExists", "long-term access keys")] },
    { name: "NumericLessThanIfExists on the MFA age", trust: json(admit({ AWS: MSP }, { NumericLessThanIfExists: { "aws:MultiFactorAuthAge": 3600 }, ...EXTERNAL_ID })), config: configured(), expect: [mandatory("without MFA", "NumericLessThanIfExists")] },
    {
        name: "a Deny with plain Bool false does not apply to long-term keys",
        trust: json(admit({ AWS: MSP }, EXTERNAL_ID), { Sid: "DenyNoMfa", Effect: "Deny", Action: "sts:AssumeRole", Principal: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "false" } } }),
        config: configured(),
        expect: [mandatory("without MFA", 'Statement "DenyNoMfa" denies with Bool')],
    },
    { name: "StringLike \"*\" accepts any ExternalId", trust: json(admit({ AWS: MSP }, { ...MFA, StringLike: { "sts:ExternalId": "*" } })), config: configured(), expect: [mandatory("without an ExternalId", "accepts any value")] },
    { name: "StringEqualsIfExists passes requests without an ExternalId", trust: json(admit({ AWS: MSP }, { ...MFA, StringEqualsIfExists: { "sts:ExternalId": "msp-7f3c" } })), config: configured(), expect: [mandatory("without an ExternalId", "StringEqualsIfExists")] },
    {
        name: "one account hidden in a list of principals",
        trust: json(admit({ AWS: [`arn:aws:iam::${OWN}:root`, `arn:aws:iam::${OTHER}:role/Support`, OWN] }, MFA)),
        config: configured(),
        expect: [mandatory(`Account ${OTHER} (not in trustedAccountIds)`, "without an ExternalId")],
    },
    {
        name: "every statement admitting the account must carry the conditions",
        trust: json({ Sid: "WithMfa", ...admit({ AWS: MSP }, BOTH) }, { Sid: "Legacy", ...admit({ AWS: `arn:aws:iam::${MSP}:role/Ops` }, EXTERNAL_ID) }),
        config: configured(),
        expect: [mandatory(`MSP account ${MSP}`, 'Statement "Legacy"', "without MFA")],
    },
    { name: "a role ARN as a plain string principal", trust: json(admit(`arn:aws:iam::${PARTNER}:role/Vendor`, MFA)), config: configured(), expect: [mandatory(`Partner account ${PARTNER}`, "without an ExternalId")] },
    { name: "sts:* in another case", trust: json(admit({ AWS: MSP }, EXTERNAL_ID, { Action: "STS:*" })), config: configured(), expect: [mandatory("without MFA")] },
    { name: "any account counts as third-party when nothing is configured", trust: json(admit({ AWS: OWN }, MFA)), expect: [mandatory(`Account ${OWN} (not in trustedAccountIds)`, "without an ExternalId")] },
    { name: "an account listed both as MSP and as trusted is an MSP", trust: json(admit({ AWS: MSP }, EXTERNAL_ID)), config: configured({ trustedAccountIds: [OWN, MSP] }), expect: [mandatory(`MSP account ${MSP}`, "without MFA")] },
    { name: "only MFA when ExternalId is not required", trust: json(admit({ AWS: MSP })), config: configured({ requireExternalId: false }), expect: [mandatory("without MFA")] },

    // Anyone.
    { name: "Principal \"*\" is critical", trust: json({ Sid: "Open", ...admit("*", BOTH) }), config: configured(), expect: [mandatory('Statement "Open" lets any AWS principal assume the role', 'Principal "*"', "no condition restricting")] },
    { name: "{AWS: \"*\"} is critical", trust: json(admit({ AWS: "*" })), config: configured(), expect: [mandatory("lets any AWS principal")] },
    { name: "Allow with NotPrincipal admits anyone else", trust: json({ Effect: "Allow", Action: "sts:AssumeRole", NotPrincipal: { AWS: OWN } }), config: configured(), expect: [mandatory(`anyone but ${OWN} (NotPrincipal)`)] },
    {
        name: "\"*\" narrowed to a third-party account still needs MFA and ExternalId",
        trust: json(admit("*", { StringEquals: { "aws:PrincipalAccount": OTHER } })),
        config: configured(),
        expect: [mandatory(`Account ${OTHER}`, "without MFA"), mandatory(`Account ${OTHER}`, "without an ExternalId")],
    },

    // Unknown during preview.
    { name: "trust policy unknown during preview", trust: unknown, config: configured(), expect: [advisory("Cannot verify during preview", "trust policy is computed")] },
    { name: "principal unknown, no MFA", trust: object(admit({ AWS: unknown }, EXTERNAL_ID)), config: configured(), expect: [advisory("Cannot verify during preview", "principal not known yet", "does not itself require MFA")] },
    { name: "principal unknown, with MFA and ExternalId", trust: object(admit({ AWS: [unknown] }, BOTH)), config: configured(), expect: [] },
    { name: "a service principal unknown", trust: object(admit({ Service: unknown })), config: configured(), expect: [] },
    { name: "ExternalId generated and unknown", trust: object(admit({ AWS: MSP }, { ...MFA, StringEquals: { "sts:ExternalId": unknown } })), config: configured(), expect: [advisory("Cannot verify during preview", `MSP account ${MSP}`, "without an ExternalId")] },
    { name: "Effect unknown", trust: object(admit({ AWS: MSP }, MFA, { Effect: unknown })), config: configured(), expect: [advisory("Cannot verify during preview", "whether statement 1 admits the account depends on values not known yet")] },
    {
        name: "a Deny whose Effect is unknown may refuse the account",
        trust: object(admit({ AWS: [OWN, OTHER] }), { Effect: unknown, Action: "sts:*", Principal: { AWS: OTHER } }),
        config: configured(),
        expect: [
            advisory("Cannot verify during preview", `Account ${OTHER}`, "statement 1 without MFA", "a Deny that may refuse the account"),
            advisory("Cannot verify during preview", "statement 1 without an ExternalId"),
            advisory("Cannot verify during preview", "statement 2 without MFA"),
            advisory("Cannot verify during preview", "statement 2 without an ExternalId"),
        ],
    },
    { name: "an unknown value of an unrelated condition does not matter", trust: object(admit({ AWS: MSP }, { ...BOTH, StringLike: { "aws:PrincipalArn": unknown } })), config: configured(), expect: [] },
    { name: "\"*\" restricted to an unknown organization", trust: object(admit("*", { StringEquals: { "aws:PrincipalOrgID": unknown } })), config: configured(), expect: [advisory("Cannot verify during preview", "lets any AWS principal")] },

    // Secrets and levels.
    { name: "secret ExternalId still counts", trust: object(admit({ AWS: MSP }, { ...MFA, StringEquals: { "sts:ExternalId": secret("msp-7f3c") } })), config: configured(), expect: [] },
    { name: "made advisory by config", trust: json(admit({ AWS: MSP }, EXTERNAL_ID)), config: { [NAME]: { ...SETTINGS, enforcementLevel: "advisory" } }, expect: [advisory("without MFA")] },
];

describe(NAME, () => {
    const pack = usePack();

    test.each(cases)("$name", async ({ trust, config, expect: expected }) => {
        const props: WireProperties = trust === undefined ? {} : { assumeRolePolicy: trust };
        expectFindings(only(await pack.analyze({ type: TYPE, props }, config), NAME), expected);
    });

    test("anyone is reported at critical severity, a missing condition at the policy's", async () => {
        const findings = only(await pack.analyze({ type: TYPE, props: { assumeRolePolicy: json(admit("*"), admit({ AWS: MSP }, MFA)) } }, configured()), NAME);
        expect(findings.map((f) => f.severity)).toEqual(["critical", "high"]);
    });

    test("a secret account id decides the verdict but never appears", async () => {
        const findings = only(await pack.analyze({ type: TYPE, props: { assumeRolePolicy: object(admit({ AWS: secret(OTHER) }, MFA)) } }, configured()), NAME);
        expectFindings(findings, [mandatory("Account [secret]", "without an ExternalId")]);
        expect(JSON.stringify(findings)).not.toContain(OTHER);
    });

    test("a trust policy that is secret as a whole is checked, and none of its values appears", async () => {
        const findings = only(await pack.analyze({ type: TYPE, props: { assumeRolePolicy: secret(json(admit({ AWS: OTHER }, MFA))) } }, configured()), NAME);
        expectFindings(findings, [mandatory("Account [secret]", "without an ExternalId")]);
        expect(JSON.stringify(findings)).not.toContain(OTHER);
    });

    test("exempted role: the finding is kept as an advisory marked exempted", async () => {
        const tags = { "msp-guard:exempt": NAME, "msp-guard:exempt-reason": "vendor cannot send an ExternalId", "msp-guard:exempt-until": "2999-12-31" };
        const findings = only(await pack.analyze({ type: TYPE, props: { assumeRolePolicy: json(admit({ AWS: MSP }, MFA)), tags } }, configured()), NAME);
        expectFindings(findings, [advisory('Exempted by tag: "vendor cannot send an ExternalId"', "without an ExternalId")]);
    });

    test("other resource types are not checked", async () => {
        expect(only(await pack.analyze({ type: "aws:iam/policy:Policy", props: { assumeRolePolicy: json(admit("*")) } }, configured()), NAME)).toEqual([]);
    });
});
