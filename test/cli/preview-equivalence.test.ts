// What `msp-guard preview` finds for a program equals what the pack finds when the same resources are sent to
// it directly over the analyzer protocol, written out by hand as the engine would send them.
import * as path from "path";
import { evaluateStack } from "../../cli/run/evaluate";
import { previewProgram } from "../../cli/run/preview";
import { PackHarness, REPO_ROOT, TestResource } from "../harness/pack";
import { unknown } from "../harness/values";

const DIR = path.join(REPO_ROOT, "test", "fixtures", "programs", "equivalence");
const P = "urn:pulumi:dev::equivalence::";

const byHand: TestResource[] = [
    { type: "aws:cloudwatch/logGroup:LogGroup", name: "msp-activity", urn: `${P}aws:cloudwatch/logGroup:LogGroup::msp-activity`, props: { retentionInDays: 30 } },
    {
        type: "aws:cloudwatch/logGroup:LogGroup",
        name: "debug",
        urn: `${P}aws:cloudwatch/logGroup:LogGroup::debug`,
        props: { retentionInDays: 7, tags: { "msp-guard:exempt": "aws-cloudwatch-log-group-retention", "msp-guard:exempt-reason": "debug output only, no security events", "msp-guard:exempt-until": "2099-12-31" } },
    },
    { type: "aws:ec2/vpc:Vpc", name: "msp-access", urn: `${P}aws:ec2/vpc:Vpc::msp-access`, props: { cidrBlock: "10.20.0.0/24", tags: { "msp:zone": "access" } } },
    {
        type: "aws:ec2/vpc:Vpc",
        name: "msp-jump",
        urn: `${P}aws:ec2/vpc:Vpc::msp-jump`,
        props: { cidrBlock: "10.21.0.0/24", tags: { "msp:zone": "access", "msp-guard:exempt": "aws-ec2-vpc-flow-logs", "msp-guard:exempt-reason": "legacy" } },
    },
    {
        type: "aws:ec2/flowLog:FlowLog",
        name: "msp-jump",
        urn: `${P}aws:ec2/flowLog:FlowLog::msp-jump`,
        props: { vpcId: unknown, trafficType: "REJECT", logDestination: unknown },
        propertyDependencies: { vpcId: [`${P}aws:ec2/vpc:Vpc::msp-jump`], logDestination: [`${P}aws:cloudwatch/logGroup:LogGroup::msp-activity`] },
    },
];

const key = (f: { policy: string; level: string; urn: string; message: string }) => `${f.urn} ${f.policy} ${f.level} ${f.message}`;

describe("preview equals direct analysis", () => {
    test("same findings, same messages", async () => {
        const viaPreview = await evaluateStack(await previewProgram(DIR, {}), { packDir: REPO_ROOT, configs: [] });
        const pack = await PackHarness.start();
        try {
            const direct = [...(await Promise.all(byHand.map((r) => pack.analyze(r)))).flat(), ...(await pack.analyzeStack(byHand))];
            expect(viaPreview.findings.map(key).sort()).toEqual(direct.map(key).sort());
            expect(viaPreview.findings.length).toBe(5);
        } finally {
            await pack.close();
        }
    });
});
