import policy from "../../../../policies/aws/iam/resource-policy-obsolete-account";
import { RESOURCE_POLICY_PROPERTIES } from "../../../../policies/aws/iam/shared/resource-policies";
import { advisory, Expected, expectFindings, mandatory, only } from "../../../harness/expect";
import { ACCOUNT_SETTINGS, ACCOUNTS, asJson as json, asObject as object, WireStatement } from "../../../harness/iam";
import { usePack } from "../../../harness/pack";
import { secret, unknown } from "../../../harness/values";
import type { WireProperties, WireValue } from "../../../../cli/driver/wire";

const NAME = policy.name;
const { msp: MSP, partner: PARTNER, own: OWN, unlisted: OLD } = ACCOUNTS;
const SETTINGS = ACCOUNT_SETTINGS;
const configured = (extra: Record<string, unknown> = {}) => ({ [NAME]: { ...SETTINGS, ...extra } });
const BUCKET_POLICY = "aws:s3/bucketPolicy:BucketPolicy";
const PERMISSION = "aws:lambda/permission:Permission";

const grant = (principal: WireValue, extra: WireStatement = {}): WireStatement => ({ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::reports/*", Principal: principal, ...extra });

interface Case {
    name: string;
    type: string;
    props: WireProperties;
    config?: Record<string, unknown>;
    expect: Expected[];
}

/** One case per resource type with a policy document: an unlisted account in the property that type uses. */
const perType: Case[] = [...RESOURCE_POLICY_PROPERTIES].map(([type, property]) => ({
    name: `${type}: an unlisted account in ${property}`,
    type,
    props: { [property]: json(grant({ AWS: [MSP, `arn:aws:iam::${OLD}:root`] })) },
    config: configured(),
    expect: [mandatory(`grants account ${OLD}`, `property \`${property}\``)],
}));

const cases: Case[] = [
    ...perType,
    { name: "nothing configured: obsolete cannot be told from current", type: BUCKET_POLICY, props: { policy: json(grant({ AWS: OLD })) }, expect: [] },
    { name: "policy omitted", type: "aws:kms/key:Key", props: {}, config: configured(), expect: [] },
    { name: "current MSP, partner and own accounts", type: BUCKET_POLICY, props: { policy: json(grant({ AWS: [MSP, PARTNER, `arn:aws:iam::${OWN}:root`] })) }, config: configured(), expect: [] },
    { name: "\"*\" is not this policy's concern", type: BUCKET_POLICY, props: { policy: json(grant("*")) }, config: configured(), expect: [] },
    { name: "a service narrowed to an unlisted source account", type: "aws:sns/topicPolicy:TopicPolicy", props: { policy: json(grant({ Service: "events.amazonaws.com" }, { Condition: { StringEquals: { "aws:SourceAccount": OLD } } })) }, config: configured(), expect: [mandatory(`grants account ${OLD} (as StringEquals aws:SourceAccount)`)] },
    { name: "a Deny naming an unlisted account", type: BUCKET_POLICY, props: { policy: json({ ...grant({ AWS: OLD }), Effect: "Deny" }) }, config: configured(), expect: [] },
    { name: "an object document", type: BUCKET_POLICY, props: { policy: object({ Sid: "Old", ...grant({ AWS: OLD }) }) }, config: configured(), expect: [mandatory('Statement "Old" grants account')] },
    { name: "a bucket policy that is not valid JSON is reported, advisory", type: BUCKET_POLICY, props: { policy: "{ not json" }, config: configured(), expect: [advisory("The resource policy cannot be read", "not valid JSON")] },
    { name: "document unknown during preview", type: BUCKET_POLICY, props: { policy: unknown }, config: configured(), expect: [advisory("Cannot verify during preview", "resource policy is computed")] },
    { name: "principal unknown during preview", type: BUCKET_POLICY, props: { policy: object(grant({ AWS: unknown })) }, config: configured(), expect: [advisory("Cannot verify during preview", "not known yet")] },

    // Lambda permissions: one statement spelled as properties.
    { name: "Lambda permission for an unlisted account id", type: PERMISSION, props: { action: "lambda:InvokeFunction", function: "fn", principal: OLD }, config: configured(), expect: [mandatory(`grants account ${OLD}`, "property `principal`")] },
    { name: "Lambda permission for a role ARN of an unlisted account", type: PERMISSION, props: { action: "lambda:InvokeFunction", function: "fn", principal: `arn:aws:iam::${OLD}:role/Caller`, statementId: "OldCaller" }, config: configured(), expect: [mandatory('Statement "OldCaller"', `grants account ${OLD}`)] },
    { name: "Lambda permission for the current MSP", type: PERMISSION, props: { action: "lambda:InvokeFunction", function: "fn", principal: MSP }, config: configured(), expect: [] },
    { name: "Lambda permission for a service", type: PERMISSION, props: { action: "lambda:InvokeFunction", function: "fn", principal: "s3.amazonaws.com" }, config: configured(), expect: [] },
    { name: "Lambda permission for a service on behalf of an unlisted account", type: PERMISSION, props: { action: "lambda:InvokeFunction", function: "fn", principal: "s3.amazonaws.com", sourceAccount: OLD }, config: configured(), expect: [mandatory(`grants account ${OLD} (as StringEquals aws:SourceAccount)`)] },
    { name: "Lambda permission principal unknown during preview", type: PERMISSION, props: { action: "lambda:InvokeFunction", function: "fn", principal: unknown }, config: configured(), expect: [advisory("Cannot verify during preview")] },
    { name: "Lambda permission with a secret principal", type: PERMISSION, props: { action: "lambda:InvokeFunction", function: "fn", principal: secret(OLD) }, config: configured(), expect: [mandatory("grants account [secret]")] },
    { name: "made advisory by config", type: BUCKET_POLICY, props: { policy: json(grant({ AWS: OLD })) }, config: { [NAME]: { ...SETTINGS, enforcementLevel: "advisory" } }, expect: [advisory(`grants account ${OLD}`)] },
];

describe(NAME, () => {
    const pack = usePack();

    test.each(cases)("$name", async ({ type, props, config, expect: expected }) => {
        expectFindings(only(await pack.analyze({ type, props }, config), NAME), expected);
    });

    test("a secret bucket policy is judged and none of its values appears", async () => {
        const findings = only(await pack.analyze({ type: BUCKET_POLICY, props: { policy: secret(json(grant({ AWS: OLD }))) } }, configured()), NAME);
        expectFindings(findings, [mandatory("grants account [secret]")]);
        expect(JSON.stringify(findings)).not.toContain(OLD);
    });

    test("roles are policy aws-iam-role-obsolete-account-trust's, not this one's", async () => {
        const trust = json({ Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: OLD } });
        expect(only(await pack.analyze({ type: "aws:iam/role:Role", props: { assumeRolePolicy: trust, policy: trust } }, configured()), NAME)).toEqual([]);
    });
});
