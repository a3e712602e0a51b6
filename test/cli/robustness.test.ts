// Bad input and bad luck never crash the command or leave a pack process behind.
import { parseStackExport } from "../../cli/audit/stack-export";
import { PackExitedError, PackStartError, PackProcess } from "../../cli/driver/pack-process";
import { AbortedError, evaluateStack, StackToEvaluate } from "../../cli/run/evaluate";
import type { WireResource } from "../../cli/driver/wire";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../harness/pack";

function alive(pid: number | undefined): boolean {
    if (pid === undefined) return false;
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

function bigStack(n: number): StackToEvaluate {
    const resources: WireResource[] = Array.from({ length: n }, (_, i) => ({
        urn: `urn:pulumi:dev::big::aws:cloudwatch/logGroup:LogGroup::lg${i}`,
        type: "aws:cloudwatch/logGroup:LogGroup",
        name: `lg${i}`,
        properties: { retentionInDays: i % 400 },
    }));
    return { mode: "preview", target: "generated", project: "big", stack: "dev", analyze: resources, stackState: resources };
}

async function waitUntilGone(pid: number | undefined): Promise<void> {
    for (let i = 0; i < 50 && alive(pid); i++) await new Promise((r) => setTimeout(r, 50));
}

describe("robustness", () => {
    test("a pack killed mid-run: a clear error, no process left", async () => {
        let pid: number | undefined;
        const run = evaluateStack(bigStack(3000), {
            packDir: REPO_ROOT,
            configs: [],
            onPackStarted: (p) => (pid = p),
            onProgress: (done) => {
                if (done === 100 && pid) process.kill(pid, "SIGKILL");
            },
        });
        await expect(run).rejects.toThrow(PackExitedError);
        await expect(run).rejects.toThrow(/was killed by SIGKILL during the run/);
        await waitUntilGone(pid);
        expect(alive(pid)).toBe(false);
    });

    test("an interrupt (Ctrl-C) shuts the pack down before returning", async () => {
        const controller = new AbortController();
        let pid: number | undefined;
        const run = evaluateStack(bigStack(3000), {
            packDir: REPO_ROOT,
            configs: [],
            signal: controller.signal,
            onPackStarted: (p) => (pid = p),
            onProgress: (done) => {
                if (done === 50) controller.abort();
            },
        });
        await expect(run).rejects.toThrow(AbortedError);
        await waitUntilGone(pid);
        expect(alive(pid)).toBe(false);
    });

    test("invalid config is refused before any pack starts, and a refused config after start leaves nothing behind", async () => {
        let pid: number | undefined;
        const run = evaluateStack(bigStack(1), { packDir: REPO_ROOT, configs: [{ source: "c.json", raw: { "aws-cloudwatch-log-group-retention": { logRetentionDays: "x" } } }], onPackStarted: (p) => (pid = p) });
        await expect(run).rejects.toThrow(/c\.json|policy "aws-cloudwatch-log-group-retention": key "logRetentionDays" must be integer/);
        await waitUntilGone(pid);
        expect(alive(pid)).toBe(false);
        await expect(evaluateStack(bigStack(1), { packDir: REPO_ROOT, configs: [{ source: "c.json", raw: [] }] })).rejects.toThrow(/c\.json: expected an object/);
    });

    test("a folder that is not a policy pack fails to start with its own error", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "not-a-pack-"));
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "x", version: "1.0.0", main: "index.js" }));
        fs.writeFileSync(path.join(dir, "index.js"), "throw new Error('boom at start');");
        await expect(PackProcess.start(dir)).rejects.toThrow(PackStartError);
        await expect(PackProcess.start(dir)).rejects.toThrow(/boom at start/);
    });

    test("a stack export with hostile values is analysed without a crash", async () => {
        const doc = {
            version: 3,
            deployment: {
                resources: [
                    { urn: "urn:pulumi:s::p::aws:cloudwatch/logGroup:LogGroup::a", type: "aws:cloudwatch/logGroup:LogGroup", inputs: { retentionInDays: { deep: [[[{ x: null }]]] }, tags: [1, "x", null] } },
                    { urn: "urn:pulumi:s::p::aws:ec2/vpc:Vpc::v", type: "aws:ec2/vpc:Vpc", inputs: { tags: "msp:zone=access" }, propertyDependencies: { vpcId: [] } },
                    { urn: "urn:pulumi:s::p::azure-native:operationalinsights:Workspace::w", type: "azure-native:operationalinsights:Workspace", inputs: { sku: [], retentionInDays: "1e9" } },
                ],
            },
        };
        const report = await evaluateStack({ mode: "audit", target: "x", ...parseStackExport(JSON.stringify(doc), "x.json") }, { packDir: REPO_ROOT, configs: [] });
        expect(report.findings.map((f) => f.message).join("\n")).not.toMatch(/could not evaluate|defect/);
        expect(report.findings.map((f) => [f.resourceName, f.policy, f.message.split(" (")[0]])).toEqual([
            ["a", "aws-cloudwatch-log-group-retention", 'The retention period {"deep":[[[{"x":null}]]]} is not a whole number of days'],
            ["w", "azure-operationalinsights-workspace-retention", 'The retention period "1e9" is not a whole number of days'],
        ]);
    });
});
