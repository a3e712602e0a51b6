// `msp-guard audit` on an exported stack: the resources the engine would send, and the findings, exactly.
import * as fs from "fs";
import * as path from "path";
import { parseStackExport, StackExportError } from "../../cli/audit/stack-export";
import { evaluateStack } from "../../cli/run/evaluate";
import { SECRET_SIG, SIG_KEY, UNKNOWN_SENTINEL } from "../../cli/driver/wire";
import { REPO_ROOT } from "../harness/pack";

const FIXTURE = path.join(__dirname, "../fixtures/stack-exports/aws-access-zone.json");
const text = fs.readFileSync(FIXTURE, "utf8");
const P = "urn:pulumi:prod::shop::";

describe("parseStackExport", () => {
    const stack = parseStackExport(text, "aws-access-zone.json");

    test("project and stack come from the root stack resource", () => {
        expect([stack.project, stack.stack]).toEqual(["shop", "prod"]);
    });

    test("Analyze gets every resource but providers and the root stack, with their inputs", () => {
        expect(stack.analyze.map((r) => r.urn)).toEqual([
            `${P}shop:network:AccessZone::msp`,
            `${P}shop:network:AccessZone$aws:ec2/vpc:Vpc::msp-access`,
            `${P}shop:network:AccessZone$aws:ec2/flowLog:FlowLog::msp-access`,
            `${P}aws:cloudwatch/logGroup:LogGroup::audit`,
            `${P}aws:cloudwatch/logGroup:LogGroup::payments`,
            `${P}aws:cloudwatch/logGroup:LogGroup::debug`,
        ]);
        expect(stack.analyze[3].properties.retentionInDays).toBe(14);
    });

    test("AnalyzeStack gets every resource with its outputs, parents, dependencies and provider", () => {
        expect(stack.stackState).toHaveLength(8);
        const flowLog = stack.stackState.find((r) => r.type === "aws:ec2/flowLog:FlowLog")!;
        expect(flowLog.parent).toBe(`${P}shop:network:AccessZone::msp`);
        expect(flowLog.propertyDependencies).toEqual({ vpcId: [`${P}shop:network:AccessZone$aws:ec2/vpc:Vpc::msp-access`], logDestination: [`${P}aws:cloudwatch/logGroup:LogGroup::audit`] });
        expect(flowLog.provider).toEqual({ urn: `${P}pulumi:providers:aws::default_7_48_0`, type: "pulumi:providers:aws", name: "default_7_48_0", properties: { region: "eu-west-2", version: "7.48.0" } });
        expect(stack.stackState.find((r) => r.type === "aws:ec2/vpc:Vpc")!.properties.id).toBe("vpc-0a1b2c3d");
    });

    test("encrypted secrets become secret values that are unknown", () => {
        const audit = stack.analyze.find((r) => r.name === "audit")!;
        expect(audit.properties.kmsKeyId).toEqual({ [SIG_KEY]: SECRET_SIG, value: UNKNOWN_SENTINEL });
    });

    test("plaintext secrets (--show-secrets) are decoded and stay secret", () => {
        const doc = JSON.parse(text);
        doc.deployment.resources[5].inputs.retentionInDays = { [SIG_KEY]: SECRET_SIG, plaintext: "30" };
        const parsed = parseStackExport(JSON.stringify(doc), "x.json");
        expect(parsed.analyze.find((r) => r.name === "audit")!.properties.retentionInDays).toEqual({ [SIG_KEY]: SECRET_SIG, value: 30 });
    });

    test.each([
        ["not JSON", "{", /x\.json: not valid JSON/],
        ["not an object", "[]", /expected the object that `pulumi stack export` writes/],
        ["an unsupported version", JSON.stringify({ version: 9, deployment: {} }), /"version" is 9/],
        ["no deployment", JSON.stringify({ version: 3 }), /has no "deployment" object/],
        ["resources not a list", JSON.stringify({ version: 3, deployment: { resources: {} } }), /"deployment.resources" must be a list/],
        ["a resource without urn", JSON.stringify({ version: 3, deployment: { resources: [{ type: "t" }] } }), /resources\[0\]\.urn is missing/],
        ["a resource without type", JSON.stringify({ version: 3, deployment: { resources: [{ urn: "urn:pulumi:s::p::t::n" }] } }), /resources\[0\]\.type is missing/],
        ["inputs that are not an object", JSON.stringify({ version: 3, deployment: { resources: [{ urn: "urn:pulumi:s::p::t::n", type: "t", inputs: [] }] } }), /resources\[0\]\.inputs must be an object/],
        ["dependencies that are not urns", JSON.stringify({ version: 3, deployment: { resources: [{ urn: "urn:pulumi:s::p::t::n", type: "t", dependencies: [1] }] } }), /resources\[0\]\.dependencies must be a list of urns/],
    ])("refuses %s, naming what is wrong", (_name, input, message) => {
        expect(() => parseStackExport(input, "x.json")).toThrow(StackExportError);
        expect(() => parseStackExport(input, "x.json")).toThrow(message);
    });
});

describe("auditing the exported stack with the pack", () => {
    test("finds exactly what the state breaks", async () => {
        const report = await evaluateStack({ mode: "audit", target: "aws-access-zone.json", ...parseStackExport(text, "aws-access-zone.json") }, { packDir: REPO_ROOT, configs: [] });
        expect(report.findings.map((f) => [f.resourceName, f.policy, f.level, f.exemption?.reason ?? null, f.unverifiable])).toEqual([
            ["audit", "aws-cloudwatch-log-group-retention", "advisory", null, false],
            ["debug", "aws-cloudwatch-log-group-retention", "advisory", "debug output", false],
            ["payments", "aws-cloudwatch-log-group-retention", "advisory", null, true],
            ["msp-access", "aws-ec2-access-zone-vpc-flow-logs", "advisory", null, false],
        ]);
        expect(report.findings[0].message).toContain("14 days");
        expect(report.findings[3].message).toContain('record only "REJECT" traffic');
        expect(report.resources).toHaveLength(8);
        expect(report.configDigest).toMatch(/^[0-9a-f]{64}$/);
    });
});
