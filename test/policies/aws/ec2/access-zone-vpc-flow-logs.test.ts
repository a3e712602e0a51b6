import policy from "../../../../policies/aws/ec2/access-zone-vpc-flow-logs";
import { Expected, expectFindings, only } from "../../../harness/expect";
import { usePack, TestResource, urnOf } from "../../../harness/pack";
import { secret, unknown } from "../../../harness/values";

const VPC = "aws:ec2/vpc:Vpc";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";
const NAME = policy.name;
const vpcUrn = urnOf(VPC, "access");

const accessVpc = (tags: TestResource["props"][string] = { "msp:zone": "access" }): TestResource => ({ type: VPC, name: "access", props: { cidrBlock: "10.0.0.0/16", tags } });
const flowLogOf = (urn: string, trafficType: TestResource["props"][string] = "ALL", name = "flow"): TestResource => ({
    type: FLOW_LOG,
    name,
    props: { vpcId: unknown, trafficType, logDestination: unknown },
    propertyDependencies: { vpcId: [urn] },
    dependencies: [urn],
});

interface Case {
    name: string;
    resources: TestResource[];
    config?: Record<string, unknown>;
    expect: Expected[];
}

const cases: Case[] = [
    { name: "access-zone VPC with an ALL flow log linked by dependency", resources: [accessVpc(), flowLogOf(vpcUrn)], expect: [] },
    { name: "access-zone VPC without a flow log", resources: [accessVpc()], expect: [{ level: "advisory", says: ['Access-zone VPC "access" has no flow log', "R2, R4"] }] },
    { name: "zone tag key and value in other case", resources: [accessVpc({ "MSP:Zone": "Access" })], expect: [{ level: "advisory", says: ["has no flow log"] }] },
    { name: "flow log of another VPC does not count", resources: [accessVpc(), flowLogOf(urnOf(VPC, "other"))], expect: [{ level: "advisory", says: ["has no flow log"] }] },
    { name: "flow log recording only rejected traffic", resources: [accessVpc(), flowLogOf(vpcUrn, "REJECT")], expect: [{ level: "advisory", says: ['record only "REJECT" traffic', "trafficType"] }] },
    { name: "one of two flow logs records all traffic", resources: [accessVpc(), flowLogOf(vpcUrn, "REJECT"), flowLogOf(vpcUrn, "all", "flow2")], expect: [] },
    { name: "flow log linked by known id (exported stack)", resources: [{ type: VPC, name: "access", props: { id: "vpc-0abc", tags: { "msp:zone": "access" } } }, { type: FLOW_LOG, name: "f", props: { vpcId: "vpc-0abc", trafficType: "ALL" } }], expect: [] },
    { name: "VPC outside the access zone needs no flow log here", resources: [accessVpc({ "msp:zone": "workload" })], expect: [] },
    { name: "untagged VPC", resources: [{ type: VPC, name: "plain", props: {} }], expect: [] },
    { name: "custom zone tag from config", resources: [accessVpc({ segment: "msp" })], config: { [NAME]: { accessZoneTag: "segment=msp" } }, expect: [{ level: "advisory", says: ["has no flow log"] }] },
    { name: "tags unknown during preview", resources: [accessVpc(unknown)], expect: [{ level: "advisory", says: ["Cannot verify during preview"] }] },
    { name: "traffic type unknown during preview", resources: [accessVpc(), flowLogOf(vpcUrn, unknown)], expect: [{ level: "advisory", says: ["Cannot verify during preview", "trafficType"] }] },
    { name: "secret zone tag value is matched and never echoed", resources: [accessVpc({ "msp:zone": secret("access") })], expect: [{ level: "advisory", says: ["has no flow log"] }] },
    { name: "made mandatory by config", resources: [accessVpc()], config: { [NAME]: "mandatory" }, expect: [{ level: "mandatory", says: ["has no flow log"] }] },
];

describe(NAME, () => {
    const pack = usePack();

    test.each(cases)("$name", async ({ resources, config, expect: expected }) => {
        const findings = only(await pack.analyzeStack(resources, config), NAME);
        expectFindings(findings, expected);
        for (const f of findings) expect(f.urn).toMatch(/aws:ec2\/vpc:Vpc::/);
    });

    test("exempted VPC: the finding is kept as an advisory marked exempted", async () => {
        const tags = { "msp:zone": "access", "msp-guard:exempt": NAME, "msp-guard:exempt-reason": "lab network, no workloads", "msp-guard:exempt-until": "2999-01-31" };
        expectFindings(only(await pack.analyzeStack([accessVpc(tags)], { [NAME]: "mandatory" }), NAME), [
            { level: "advisory", says: ['Exempted by tag: "lab network, no workloads" (until 2999-01-31). Waived finding: Access-zone VPC'] },
        ]);
    });

    test("exempted by config entry with a urn glob", async () => {
        const config = { [NAME]: { enforcementLevel: "mandatory", exemptions: [{ urn: "urn:pulumi:*::aws:ec2/vpc:Vpc::acc*", reason: "migrating" }] } };
        expectFindings(only(await pack.analyzeStack([accessVpc()], config), NAME), [{ level: "advisory", says: ['Exempted by config: "migrating"'] }]);
    });

    test("an expired config exemption brings the finding back, with a note", async () => {
        const config = { [NAME]: { enforcementLevel: "mandatory", exemptions: [{ urn: "*", reason: "migrating", until: "2001-01-01" }] } };
        expectFindings(only(await pack.analyzeStack([accessVpc()], config), NAME), [{ level: "mandatory", says: ["has no flow log", "not applied: it expired on 2001-01-01"] }]);
    });

    test("a config exemption for another policy does not apply", async () => {
        const config = { [NAME]: { exemptions: [{ policy: "aws-other", urn: "*", reason: "x" }] } };
        expectFindings(only(await pack.analyzeStack([accessVpc()], config), NAME), [{ level: "advisory", says: ["has no flow log"] }]);
    });
});
