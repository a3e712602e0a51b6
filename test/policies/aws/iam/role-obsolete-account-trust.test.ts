import policy from "../../../../policies/aws/iam/role-obsolete-account-trust";
import { advisory, Expected, expectFindings, mandatory, only } from "../../../harness/expect";
import { ACCOUNT_SETTINGS, ACCOUNTS, asJson as json, asObject as object, assume, WireStatement } from "../../../harness/iam";
import { usePack } from "../../../harness/pack";
import { secret, unknown } from "../../../harness/values";
import type { WireProperties, WireValue } from "../../../../cli/driver/wire";

const TYPE = "aws:iam/role:Role";
const NAME = policy.name;
const { msp: MSP, partner: PARTNER, own: OWN, unlisted: OLD } = ACCOUNTS;
const SETTINGS = ACCOUNT_SETTINGS;
const configured = (extra: Record<string, unknown> = {}) => ({ [NAME]: { ...SETTINGS, ...extra } });
const admit = (principal: WireValue, extra: WireStatement = {}) => assume(principal, undefined, extra);

interface Case {
    name: string;
    trust: WireValue | undefined;
    config?: Record<string, unknown>;
    expect: Expected[];
}

const cases: Case[] = [
    { name: "nothing configured: obsolete cannot be told from current", trust: json(admit({ AWS: OLD })), expect: [] },
    { name: "trust policy omitted", trust: undefined, config: configured(), expect: [] },
    { name: "the current MSP, a partner and an own account", trust: json(admit({ AWS: [MSP, `arn:aws:iam::${PARTNER}:role/Vendor`, `arn:aws:iam::${OWN}:root`] })), config: configured(), expect: [] },
    { name: "a service principal", trust: json(admit({ Service: "ec2.amazonaws.com" })), config: configured(), expect: [] },
    { name: "an unlisted account", trust: json({ Sid: "FormerMsp", ...admit({ AWS: OLD }) }), config: configured(), expect: [mandatory('Statement "FormerMsp" grants account 444455556666', "obsolete or unknown grant", "assumeRolePolicy", "T1, R6, R10")] },
    {
        name: "one unlisted account hidden in a list of principals",
        trust: json(admit({ AWS: [`arn:aws:iam::${MSP}:root`, `arn:aws:iam::${OLD}:role/Ops`, OWN] })),
        config: configured(),
        expect: [mandatory(`grants account ${OLD} (as arn:aws:iam::${OLD}:role/Ops)`, `Remove account ${OLD} from statement 1`)],
    },
    { name: "an unlisted account as a plain string principal", trust: json(admit(`arn:aws:iam::${OLD}:root`)), config: configured(), expect: [mandatory(`grants account ${OLD}`)] },
    { name: "an assumed-role session of an unlisted account", trust: object(admit({ AWS: `arn:aws:sts::${OLD}:assumed-role/Ops/alice` })), config: configured(), expect: [mandatory(`grants account ${OLD}`)] },
    { name: "two statements, each reported", trust: json(admit({ AWS: OLD }), admit({ AWS: `arn:aws:iam::${OLD}:root` }, { Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } })), config: configured(), expect: [mandatory("statement 1"), mandatory("statement 2")] },
    { name: "an account that only a Deny names", trust: json(admit({ AWS: MSP }), { Effect: "Deny", Action: "sts:AssumeRole", Principal: { AWS: OLD } }), config: configured(), expect: [] },
    { name: "an account refused by an unconditional Deny", trust: json(admit({ AWS: [MSP, OLD] }), { Effect: "Deny", Action: "sts:*", Principal: { AWS: OLD } }), config: configured(), expect: [] },
    { name: "a statement for another action", trust: json(admit({ AWS: OLD }, { Action: "s3:GetObject" })), config: configured(), expect: [] },
    { name: "\"*\" narrowed to an unlisted account", trust: json(admit("*", { Condition: { StringEquals: { "aws:PrincipalAccount": OLD } } })), config: configured(), expect: [mandatory(`grants account ${OLD} (as StringEquals aws:PrincipalAccount)`)] },
    { name: "a single-object Statement", trust: JSON.stringify({ Version: "2012-10-17", Statement: admit({ AWS: OLD }) }), config: configured(), expect: [mandatory(`grants account ${OLD}`)] },
    { name: "listed as a partner by config", trust: json(admit({ AWS: OLD })), config: configured({ partnerAccountIds: [PARTNER, OLD] }), expect: [] },
    { name: "made advisory by config", trust: json(admit({ AWS: OLD })), config: { [NAME]: { ...SETTINGS, enforcementLevel: "advisory" } }, expect: [advisory(`grants account ${OLD}`)] },
    { name: "trust policy unknown during preview", trust: unknown, config: configured(), expect: [advisory("Cannot verify during preview", "trust policy is computed")] },
    { name: "a principal unknown during preview", trust: object(admit({ AWS: [MSP, unknown] })), config: configured(), expect: [advisory("Cannot verify during preview", "principal whose account is not known yet")] },
    { name: "an Effect unknown during preview", trust: object(admit({ AWS: OLD }, { Effect: unknown })), config: configured(), expect: [advisory("Cannot verify during preview", `may grant account ${OLD}`)] },
    {
        name: "a Deny whose Effect is unknown may refuse the account",
        trust: object(admit({ AWS: [MSP, OLD] }), { Effect: unknown, Action: "sts:*", Principal: { AWS: OLD } }),
        config: configured(),
        expect: [advisory("Cannot verify during preview", `statement 1 may grant account ${OLD}`, "a Deny that may refuse the account"), advisory("Cannot verify during preview", `statement 2 may grant account ${OLD}`)],
    },
    { name: "an unknown condition does not matter", trust: object(admit({ AWS: MSP }, { Condition: unknown })), config: configured(), expect: [] },
];

describe(NAME, () => {
    const pack = usePack();

    test.each(cases)("$name", async ({ trust, config, expect: expected }) => {
        const props: WireProperties = trust === undefined ? {} : { assumeRolePolicy: trust };
        expectFindings(only(await pack.analyze({ type: TYPE, props }, config), NAME), expected);
    });

    test("a secret account id is judged and never echoed", async () => {
        const findings = only(await pack.analyze({ type: TYPE, props: { assumeRolePolicy: object(admit({ AWS: secret(OLD) })) } }, configured()), NAME);
        expectFindings(findings, [mandatory("grants account [secret]")]);
        expect(JSON.stringify(findings)).not.toContain(OLD);
    });

    test("a trust policy secret as a whole is judged and never echoed", async () => {
        const findings = only(await pack.analyze({ type: TYPE, props: { assumeRolePolicy: secret(json(admit({ AWS: OLD }))) } }, configured()), NAME);
        expectFindings(findings, [mandatory("grants account [secret]")]);
        expect(JSON.stringify(findings)).not.toContain(OLD);
    });
});
