// The command as a user runs it: exit codes, output formats, and bad input named precisely (exit 2).
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../harness/pack";

const CLI = path.join(REPO_ROOT, "dist", "cli", "main.js");
const EXAMPLES = path.join(REPO_ROOT, "examples");

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string, content: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "msp-guard-"));
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
}

describe("msp-guard", () => {
    test("preview of a compliant example: exit 0, no findings", () => {
        const { code, stdout } = run("preview", path.join(EXAMPLES, "aws-msp-access-compliant"));
        expect(stdout).toMatch(/passed: 0 mandatory, 0 advisory, 0 exempted/);
        expect(code).toBe(0);
    });

    test("a mandatory finding makes exit code 1, and JSON output follows the documented schema", () => {
        const config = tempFile("c.json", JSON.stringify({ "aws-cloudwatch-log-group-retention": "mandatory" }));
        const { code, stdout } = run("preview", path.join(REPO_ROOT, "test", "fixtures", "programs", "equivalence"), "--config", config, "--format", "json");
        expect(code).toBe(1);
        const report = JSON.parse(stdout);
        expect(report.schemaVersion).toBe(1);
        expect(report.summary).toMatchObject({ passed: false, exempted: 1 });
        const mandatory = report.findings.filter((f: { level: string }) => f.level === "mandatory");
        expect(mandatory.map((f: { resourceName: string }) => f.resourceName)).toEqual(["msp-activity"]);
        expect(mandatory[0]).toMatchObject({ policy: "aws-cloudwatch-log-group-retention", severity: "medium", recommendations: ["R2"], exemption: null, unverifiable: false });
        const exempted = report.findings.find((f: { exemption: unknown }) => f.exemption);
        expect(exempted.exemption).toEqual({ source: "tag", reason: "debug output only, no security events", until: "2099-12-31" });
    });

    test("--out writes the report to a file", () => {
        const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "msp-guard-")), "report.json");
        const { code, stdout } = run("audit", path.join(REPO_ROOT, "test/fixtures/stack-exports/aws-access-zone.json"), "--format", "json", "--out", out);
        expect(code).toBe(0);
        expect(stdout).toBe("");
        expect(JSON.parse(fs.readFileSync(out, "utf8")).run).toMatchObject({ mode: "audit", project: "shop", stack: "prod" });
    });

    test.each([
        ["a program that does not compile, with file and line", ["preview", path.join(REPO_ROOT, "test/fixtures/programs/syntax-error")], /syntax-error\/index\.cts:6:1: Property assignment expected\./],
        ["a program that throws, with file and line and no stack trace of ours", ["preview", path.join(REPO_ROOT, "test/fixtures/programs/throws")], /throws\/index\.ts:6:11: refusing to deploy to eu-west-1\n$/],
        ["a missing program folder", ["preview", "/nonexistent/program"], /no Pulumi\.yaml/],
        ["a missing config file", ["preview", path.join(EXAMPLES, "aws-msp-access-compliant"), "--config", "/nonexistent.json"], /Cannot read config file \/nonexistent\.json/],
        ["a config file that is not JSON", ["audit", path.join(REPO_ROOT, "test/fixtures/stack-exports/aws-access-zone.json"), "--config", tempFile("bad.json", "{ nope")], /bad\.json: not valid JSON/],
        ["an invalid config value, naming the policy and key", ["audit", path.join(REPO_ROOT, "test/fixtures/stack-exports/aws-access-zone.json"), "--config", tempFile("c.json", JSON.stringify({ "aws-cloudwatch-log-group-retention": { logRetentionDays: -1 } }))], /policy "aws-cloudwatch-log-group-retention": key "logRetentionDays" must be >= 1/],
        ["a malformed stack export", ["audit", tempFile("export.json", JSON.stringify({ version: 3, deployment: { resources: [{}] } }))], /export\.json: deployment\.resources\[0\]\.urn is missing/],
        ["an unknown format", ["policies", "--format", "yaml"], /Allowed choices are text, json, markdown/],
        ["an unknown command", ["deploy"], /unknown command 'deploy'/],
        ["an invalid account id for config init", ["config", "init", "--msp-account", "12345"], /mspAccountIds: "12345" does not match/],
    ])("bad input: %s exits 2 and says why", (_name, args, message) => {
        const { code, stderr } = run(...(args as string[]));
        expect(stderr).toMatch(message);
        expect(code).toBe(2);
    });

    test("--policy-pack drives any CrossGuard pack, not only msp-guard", () => {
        const exported = tempFile("export.json", JSON.stringify({
            version: 3,
            deployment: { resources: [{ urn: "urn:pulumi:dev::site::aws:s3/bucket:Bucket::www", type: "aws:s3/bucket:Bucket", inputs: { acl: "public-read" } }] },
        }));
        const { code, stdout } = run("audit", exported, "--policy-pack", path.join(REPO_ROOT, "test/fixtures/packs/other"), "--format", "json");
        expect(code).toBe(1);
        const report = JSON.parse(stdout);
        expect(report.pack).toMatchObject({ name: "other-pack", version: "2.3.4" });
        expect(report.findings.map((f: { policy: string; level: string; message: string }) => [f.policy, f.level, f.message])).toEqual([["s3-no-public-read", "mandatory", "The bucket is public."]]);
    });

    test("policies --format json lists every policy with its metadata", () => {
        const { code, stdout } = run("policies", "--format", "json");
        expect(code).toBe(0);
        const listed = JSON.parse(stdout) as Array<{ name: string; recommendations: string[]; config: Record<string, unknown> }>;
        expect(listed.length).toBeGreaterThanOrEqual(5);
        for (const p of listed) {
            expect(p.recommendations.length).toBeGreaterThan(0);
            expect(p.config).toHaveProperty("exemptions");
        }
    });

    test("config init writes a complete config that the pack accepts", () => {
        const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "msp-guard-")), "msp-guard.json");
        expect(run("config", "init", "--msp-account", "111122223333", "--trusted-account", "444455556666", "--log-retention-days", "365", "--level", "mandatory", "--out", out).code).toBe(0);
        const written = JSON.parse(fs.readFileSync(out, "utf8")) as Record<string, Record<string, unknown>>;
        expect(written["aws-cloudwatch-log-group-retention"]).toEqual({ enforcementLevel: "mandatory", logRetentionDays: 365 });
        expect(written["aws-ec2-access-zone-vpc-flow-logs"]).toEqual({ enforcementLevel: "mandatory", accessZoneTag: "msp:zone=access" });
        for (const [name, entry] of Object.entries(written)) {
            if ("mspAccountIds" in entry) expect({ name, ids: entry.mspAccountIds }).toEqual({ name, ids: ["111122223333"] });
        }
        const { code } = run("audit", path.join(REPO_ROOT, "test/fixtures/stack-exports/aws-access-zone.json"), "--config", out);
        expect(code).toBe(1); // the 14-day log group is now a mandatory finding
    });

    test("--help shows examples for every command", () => {
        for (const command of ["preview", "audit", "policies", "config init"]) {
            const { code, stdout } = run(...command.split(" "), "--help");
            expect(code).toBe(0);
            expect(stdout).toContain("Examples:");
        }
    });
});
