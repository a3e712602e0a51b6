// The pack, started by @pulumi/pulumi's policy-pack runner as the Pulumi CLI starts it, answers GetAnalyzerInfo
// with every policy's full metadata, and invalid config is refused naming the policy and the key.
import { policies } from "../../policies";
import { FRAMEWORK } from "../../policies/core/metadata";
import { PolicyConfigError, parsePolicyPackConfig, reconcilePolicyConfig } from "../../cli/driver/policy-config";
import { usePack } from "../harness/pack";

describe("the pack over the analyzer protocol", () => {
    const pack = usePack();

    test("pack metadata", () => {
        const { info } = pack;
        expect(info.name).toBe("msp-guard");
        expect(info.version).toBe(require("../../package.json").version);
        expect(info.supportsConfig).toBe(true);
        expect(info.displayName).toContain("AA22-131A");
        expect(info.description).toContain("Managed Service Providers");
        expect(info.readme).toContain("msp-guard");
        expect(info.repository).toMatch(/^https:\/\//);
        expect(info.tags).toEqual(expect.arrayContaining(["aws", "azure", "cisa"]));
    });

    test.each(policies.map((p) => [p.name, p] as const))("%s: full metadata", (name, policy) => {
        const served = pack.info.policies.find((p) => p.name === name)!;
        expect(served).toBeDefined();
        expect(served.description).toBe(policy.description);
        expect(served.severity).toBe(policy.severity);
        expect(served.enforcementLevel).toBe(policy.enforcementLevel);
        expect(served.policyType).toBe(policy.kind);
        expect(served.framework).toEqual({ ...FRAMEWORK, specification: policy.recommendations.join(", ") });
        expect(served.remediationSteps).toBe(policy.remediation);
        expect(served.url).toContain(name);
        expect(served.tags).toEqual(expect.arrayContaining(policy.recommendations as string[]));
        expect(Object.keys(served.configSchema!.properties).sort()).toEqual(Object.keys(policy.options).sort());
    });

    test("the served policies are exactly the registry", () => {
        expect(pack.info.policies.map((p) => p.name).sort()).toEqual(policies.map((p) => p.name).sort());
    });

    const refuse = (config: unknown) => {
        try {
            reconcilePolicyConfig(pack.info, [{ source: "policy.json", entries: parsePolicyPackConfig(config, "policy.json") }]);
        } catch (e) {
            expect(e).toBeInstanceOf(PolicyConfigError);
            return (e as Error).message;
        }
        throw new Error("config was accepted");
    };

    test.each([
        ["a value of the wrong type", { "aws-cloudwatch-log-group-retention": { logRetentionDays: "six months" } }, 'policy "aws-cloudwatch-log-group-retention": key "logRetentionDays" must be integer'],
        ["a value below the minimum", { "azure-operationalinsights-workspace-retention": { logRetentionDays: 0 } }, 'key "logRetentionDays" must be >= 1'],
        ["a misspelt key", { "aws-ec2-access-zone-vpc-flow-logs": { accessZoneTags: "x=y" } }, 'unknown key "accessZoneTags"'],
        ["an exemption without a reason", { "aws-ec2-access-zone-vpc-flow-logs": { exemptions: [{ urn: "*" }] } }, 'key "exemptions" at 0: key "reason" is required'],
        ["an unknown enforcement level", { "aws-ec2-access-zone-vpc-flow-logs": "block" }, '"block" is not an enforcement level'],
        ["a policy the pack does not have", { "aws-nope": "mandatory" }, '"aws-nope" is not a policy of this pack'],
        ["an expiry that is not a date", { "aws-ec2-access-zone-vpc-flow-logs": { exemptions: [{ urn: "*", reason: "r", until: "soon" }] } }, 'key "exemptions" at 0.until must match pattern'],
    ])("refuses %s", (_what, config, fragment) => {
        expect(refuse(config)).toContain(fragment);
    });

    test("schema defaults are filled as the CLI fills them", () => {
        const effective = reconcilePolicyConfig(pack.info, [{ source: "c", entries: parsePolicyPackConfig({ all: "mandatory", "aws-cloudwatch-log-group-retention": { logRetentionDays: 365 } }) }]);
        expect(effective["aws-cloudwatch-log-group-retention"]).toEqual({ enforcementLevel: "mandatory", properties: { logRetentionDays: 365, exemptions: [] } });
        expect(effective["aws-ec2-access-zone-vpc-flow-logs"]).toEqual({ enforcementLevel: "mandatory", properties: { accessZoneTag: "msp:zone=access", exemptions: [] } });
    });

    test("a pack given invalid config anyway keeps serving, with defaults and an advisory note", async () => {
        await pack.pack.configure({ "aws-cloudwatch-log-group-retention": { enforcementLevel: "advisory", properties: { logRetentionDays: "x" } } });
        const findings = await pack.pack.analyze({ urn: "urn:pulumi:dev::test::aws:cloudwatch/logGroup:LogGroup::l", type: "aws:cloudwatch/logGroup:LogGroup", name: "l", properties: { retentionInDays: 30 } });
        const messages = findings.map((f) => f.message).join("\n");
        expect(messages).toContain('config key "logRetentionDays" is invalid');
        expect(messages).toContain("30 days, fewer than the 180 required");
        await pack.configure({ reset: undefined } as Record<string, unknown>).catch(() => undefined);
    });
});
