// `msp-guard report`: the evidence per AA22-131A recommendation, as data (cli/report/evidence.ts) built from real
// runs (an audited stack export, the example programs, another pack), rebuilt from a saved JSON report, rendered
// without letting hostile text through, and driven once per format through the built CLI.
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { policies } from "../../policies";
import { PACK_NAME } from "../../policies/core/metadata";
import { parseStackExport } from "../../cli/audit/stack-export";
import type { WirePolicyInfo } from "../../cli/driver/wire";
import { formatJson } from "../../cli/format/json";
import { evaluateStack } from "../../cli/run/evaluate";
import { runExample } from "../../cli/run/examples";
import type { Finding, RunReport } from "../../cli/run/findings";
import { buildEvidence, coversType, EvidenceReport, PolicyEvidence, RecommendationEvidence, Registry } from "../../cli/report/evidence";
import { parseJsonReport, ReportInputError } from "../../cli/report/from-json";
import { formatEvidenceHtml } from "../../cli/report/html";
import { formatEvidenceMarkdown } from "../../cli/report/markdown";
import { REPO_ROOT } from "../harness/pack";

const CLI = path.join(REPO_ROOT, "dist", "cli", "main.js");
const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "stack-exports", "aws-access-zone.json");
const OTHER_PACK = path.join(REPO_ROOT, "test", "fixtures", "packs", "other");
const EXAMPLES = path.join(REPO_ROOT, "examples");
const REGISTRY: Registry = { packName: PACK_NAME, policies };

function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
    const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" } });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function tempFile(name: string, content: string): string {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "msp-guard-")), name);
    fs.writeFileSync(file, content);
    return file;
}

async function auditFixture(): Promise<RunReport> {
    const exported = parseStackExport(fs.readFileSync(FIXTURE, "utf8"), "aws-access-zone.json");
    return evaluateStack({ mode: "audit", target: "aws-access-zone.json", ...exported }, { packDir: REPO_ROOT, configs: [] });
}

const BUCKET_EXPORT = JSON.stringify({
    version: 3,
    deployment: {
        resources: [
            { urn: "urn:pulumi:dev::site::aws:s3/bucket:Bucket::www", type: "aws:s3/bucket:Bucket", inputs: { acl: "public-read" } },
            { urn: "urn:pulumi:dev::site::aws:s3/bucket:Bucket::private", type: "aws:s3/bucket:Bucket", inputs: { acl: "private" } },
        ],
    },
});

/** id, status, distinct resources, then checks: checked, failed, warnings, exempted, passed, no finding. */
type Row = [string, RecommendationEvidence["status"], number, number, number, number, number, number, number];

function rows(e: EvidenceReport): Row[] {
    return e.recommendations.map((r) => [r.id, r.status, r.resources, r.counts.checked, r.counts.failed, r.counts.warnings, r.counts.exempted, r.counts.passed, r.counts.noFinding]);
}

function policyOf(e: EvidenceReport, name: string): PolicyEvidence {
    const p = e.policies.find((x) => x.name === name);
    if (!p) throw new Error(`no policy ${name} in the evidence`);
    return p;
}

/** Each resource of a policy as `<name> <outcome>`, in the evidence's order. */
function outcomes(p: PolicyEvidence): string[] {
    return p.resources.map((r) => `${r.name} ${r.outcome}${r.unverifiable ? " (cannot verify)" : ""}`);
}

let audit: RunReport;
let auditEvidence: EvidenceReport;
beforeAll(async () => {
    audit = await auditFixture();
    auditEvidence = buildEvidence(audit, REGISTRY);
});

// ---------------------------------------------------------------------------------------------------------------

describe("evidence of the audit of an exported stack (aws-access-zone.json)", () => {
    test("every recommendation, in the advisory's order, with its status and counts", () => {
        expect(rows(auditEvidence)).toEqual<Row[]>([
            ["T1", "not-applicable", 0, 0, 0, 0, 0, 0, 0],
            ["T2", "not-applicable", 0, 0, 0, 0, 0, 0, 0],
            ["T3", "attestation-required", 0, 0, 0, 0, 0, 0, 0],
            ["R1", "not-applicable", 0, 0, 0, 0, 0, 0, 0],
            ["R2", "warnings", 5, 5, 0, 3, 1, 0, 1],
            ["R3", "not-applicable", 0, 0, 0, 0, 0, 0, 0],
            ["R4", "warnings", 2, 2, 0, 1, 0, 0, 1],
            ["R5", "not-applicable", 0, 0, 0, 0, 0, 0, 0],
            ["R6", "passed", 5, 5, 0, 0, 0, 5, 0],
            ["R7", "not-checked", 0, 0, 0, 0, 0, 0, 0],
            ["R8", "not-checked", 0, 0, 0, 0, 0, 0, 0],
            ["R9", "attestation-required", 0, 0, 0, 0, 0, 0, 0],
            ["R10", "not-applicable", 0, 0, 0, 0, 0, 0, 0],
            ["R11", "attestation-required", 0, 0, 0, 0, 0, 0, 0],
            ["R12", "not-applicable", 0, 0, 0, 0, 0, 0, 0],
        ]);
    });

    test("the header says what was checked, with which pack and config, and the verdict", () => {
        expect(auditEvidence).toMatchObject({
            schemaVersion: 1,
            framework: { name: "CISA AA22-131A", version: "2022-05-11", reference: "https://www.cisa.gov/news-events/cybersecurity-advisories/aa22-131a" },
            tool: { name: "msp-guard", version: audit.tool.version },
            run: { mode: "audit", target: "aws-access-zone.json", project: "shop", stack: "prod", startedAt: audit.startedAt },
            pack: { name: "msp-guard", version: audit.pack.version },
            configDigest: audit.configDigest,
            verdict: "passed",
            summary: { resources: 8, policies: 15, mandatory: 0, advisory: 3, exempted: 1 },
        });
        expect(auditEvidence.summary.statuses).toEqual({ failed: 0, warnings: 2, passed: 1, "no-findings": 0, "not-applicable": 7, "not-checked": 2, "attestation-required": 3 });
    });

    test("a resource policy: each log group failed, warned (cannot verify marked), was exempted with its waiver, or passed", () => {
        const retention = policyOf(auditEvidence, "aws-cloudwatch-log-group-retention");
        expect(retention).toMatchObject({ level: "advisory", known: true, kind: "resource", scope: "types", recommendations: ["R2"], types: ["aws:cloudwatch/logGroup:LogGroup"] });
        expect(outcomes(retention)).toEqual(["audit warning", "payments warning (cannot verify)", "debug exempted"]);
        const debug = retention.resources.find((r) => r.name === "debug")!;
        expect(debug.findings).toEqual([expect.objectContaining({ exemption: { source: "tag", reason: "debug output", until: "2099-01-01" } })]);
        expect(debug.findings[0].message).toMatch(/^Log group keeps events for 3 days/);
        expect(retention.counts).toEqual({ checked: 3, failed: 0, warnings: 2, unverifiable: 1, exempted: 1, passed: 0, noFinding: 0 });
    });

    test("a stack policy claims no pass for resources of the types it only reads", () => {
        const flowLogs = policyOf(auditEvidence, "aws-ec2-access-zone-vpc-flow-logs");
        expect(flowLogs).toMatchObject({ kind: "stack", scope: "types-read", recommendations: ["R2", "R4"] });
        expect(outcomes(flowLogs)).toEqual(["msp-access warning", "msp-access no-finding"]);
        expect(flowLogs.resources.map((r) => r.type)).toEqual(["aws:ec2/vpc:Vpc", "aws:ec2/flowLog:FlowLog"]);
    });

    test("an `aws:*` policy has every AWS resource in scope, but not the provider, the stack or a component", () => {
        const tags = policyOf(auditEvidence, "aws-tags-exemption-valid");
        expect(tags.resources.map((r) => r.type)).toEqual([
            "aws:ec2/vpc:Vpc",
            "aws:ec2/flowLog:FlowLog",
            "aws:cloudwatch/logGroup:LogGroup",
            "aws:cloudwatch/logGroup:LogGroup",
            "aws:cloudwatch/logGroup:LogGroup",
        ]);
        expect(tags.resources.every((r) => r.outcome === "passed")).toBe(true);
    });

    test("attestation-only recommendations are present, with the evidence to provide and no pass or fail", () => {
        const attest = auditEvidence.recommendations.filter((r) => r.checkable === "attestation");
        expect(attest.map((r) => [r.id, r.status])).toEqual([["T3", "attestation-required"], ["R9", "attestation-required"], ["R11", "attestation-required"]]);
        const text = Object.fromEntries(attest.map((r) => [r.id, r.attestation ?? ""]));
        expect(text.T3).toMatch(/contract.*security role/i);
        expect(text.R9).toMatch(/incident-response and recovery plans.*last exercise/i);
        expect(text.R11).toMatch(/transparency terms.*notified.*logs of MSP activity/i);
        for (const r of auditEvidence.recommendations) expect(r.notCovered !== null).toBe(r.checkable === "partial");
        const markdown = formatEvidenceMarkdown(auditEvidence);
        expect(markdown).toContain("### R9: Develop and exercise incident response and recovery plans");
        expect(markdown).toContain(`**Evidence to provide:** ${text.R9}`);
    });

    test("every partial recommendation says, in one sentence, what its checks do not cover", () => {
        const partial = auditEvidence.recommendations.filter((r) => r.checkable === "partial");
        expect(partial.map((r) => r.id)).toEqual(["T1", "R1", "R4", "R6", "R7", "R10", "R12"]);
        for (const r of partial) expect(r.notCovered).toMatch(/^The checks see [^.]+\.$/);
    });
});

// ---------------------------------------------------------------------------------------------------------------

describe("evidence of the example programs", () => {
    test("aws-msp-access-noncompliant (with its msp-guard.json): failed, per recommendation", async () => {
        const { report } = await runExample(path.join(EXAMPLES, "aws-msp-access-noncompliant"), REPO_ROOT);
        const e = buildEvidence(report, REGISTRY);
        expect(e.verdict).toBe("failed");
        expect(e.summary).toMatchObject({ resources: 16, mandatory: 10, advisory: 13, exempted: 1 });
        expect(rows(e)).toEqual<Row[]>([
            ["T1", "failed", 3, 3, 2, 0, 0, 0, 1],
            ["T2", "failed", 6, 6, 2, 0, 0, 0, 4],
            ["T3", "attestation-required", 0, 0, 0, 0, 0, 0, 0],
            ["R1", "warnings", 1, 1, 0, 1, 0, 0, 0],
            ["R2", "warnings", 5, 5, 0, 3, 1, 0, 1],
            ["R3", "failed", 6, 6, 2, 0, 0, 0, 4],
            ["R4", "warnings", 3, 3, 0, 2, 0, 0, 1],
            ["R5", "failed", 6, 12, 3, 1, 0, 0, 8],
            ["R6", "failed", 14, 17, 2, 1, 0, 13, 1],
            ["R7", "not-checked", 0, 0, 0, 0, 0, 0, 0],
            ["R8", "not-checked", 0, 0, 0, 0, 0, 0, 0],
            ["R9", "attestation-required", 0, 0, 0, 0, 0, 0, 0],
            ["R10", "failed", 1, 1, 1, 0, 0, 0, 0],
            ["R11", "attestation-required", 0, 0, 0, 0, 0, 0, 0],
            ["R12", "failed", 6, 6, 2, 0, 0, 0, 4],
        ]);
        // Four findings of one policy on one role are one failed check.
        expect(outcomes(policyOf(e, "aws-iam-role-third-party-trust"))).toEqual(["msp-admin failed"]);
        expect(policyOf(e, "aws-iam-role-third-party-trust").resources[0].findings).toHaveLength(4);
    });

    test("aws-msp-access-compliant (every policy mandatory): passed wherever code can check", async () => {
        const { report } = await runExample(path.join(EXAMPLES, "aws-msp-access-compliant"), REPO_ROOT);
        const e = buildEvidence(report, REGISTRY);
        expect(e.verdict).toBe("passed");
        expect(e.policies.every((p) => p.level === "mandatory")).toBe(true);
        expect(rows(e)).toEqual<Row[]>([
            ["T1", "passed", 2, 2, 0, 0, 0, 2, 0],
            ["T2", "passed", 2, 2, 0, 0, 0, 2, 0],
            ["T3", "attestation-required", 0, 0, 0, 0, 0, 0, 0],
            ["R1", "passed", 1, 1, 0, 0, 0, 1, 0],
            ["R2", "passed", 4, 4, 0, 0, 0, 2, 2],
            ["R3", "passed", 2, 2, 0, 0, 0, 2, 0],
            ["R4", "passed", 2, 2, 0, 0, 0, 0, 2],
            ["R5", "passed", 3, 8, 0, 0, 0, 2, 6],
            ["R6", "passed", 9, 11, 0, 0, 0, 11, 0],
            ["R7", "not-checked", 0, 0, 0, 0, 0, 0, 0],
            ["R8", "not-checked", 0, 0, 0, 0, 0, 0, 0],
            ["R9", "attestation-required", 0, 0, 0, 0, 0, 0, 0],
            ["R10", "passed", 2, 2, 0, 0, 0, 2, 0],
            ["R11", "attestation-required", 0, 0, 0, 0, 0, 0, 0],
            ["R12", "passed", 3, 3, 0, 0, 0, 0, 3],
        ]);
    });
});

// ---------------------------------------------------------------------------------------------------------------

const FRAMEWORK_R2 = { name: "CISA AA22-131A", version: "2022-05-11", reference: "https://www.cisa.gov/", specification: "R2" };

function wirePolicy(name: string, over: Partial<WirePolicyInfo> = {}): WirePolicyInfo {
    return {
        name,
        displayName: "",
        description: `${name} requirement.`,
        enforcementLevel: "advisory",
        policyType: "resource",
        severity: "medium",
        framework: FRAMEWORK_R2,
        tags: [],
        remediationSteps: "",
        url: `https://example.com/${name}.md`,
        ...over,
    };
}

function handReport(over: Partial<RunReport>): RunReport {
    return {
        tool: { name: "msp-guard", version: "0.1.0" },
        mode: "audit",
        target: "prod.json",
        project: "shop",
        stack: "prod",
        startedAt: "2026-01-02T03:04:05.006Z",
        durationMs: 10,
        pack: { name: "other-pack", version: "1.0.0", dir: "/pack" },
        configDigest: "0".repeat(64),
        policies: [],
        resources: [],
        findings: [],
        ...over,
    };
}

const U = "urn:pulumi:prod::shop::";

function finding(policy: string, urn: string, over: Partial<Finding> = {}): Finding {
    const qualified = urn.split("::")[2] ?? "";
    return {
        policy,
        level: "advisory",
        severity: "medium",
        urn,
        resourceType: qualified.slice(qualified.lastIndexOf("$") + 1),
        resourceName: urn.slice(urn.lastIndexOf("::") + 2),
        message: "Something is wrong.",
        description: `${policy} requirement.`,
        recommendations: ["R2"],
        unverifiable: false,
        ...over,
    };
}

describe("evidence of another pack's run: scope not known", () => {
    test("the other pack's policy maps to no recommendation; it counts only the bucket it reported on", async () => {
        const exported = parseStackExport(BUCKET_EXPORT, "export.json");
        const report = await evaluateStack({ mode: "audit", target: "export.json", ...exported }, { packDir: OTHER_PACK, configs: [] });
        const e = buildEvidence(report, REGISTRY);
        expect(e).toMatchObject({ pack: { name: "other-pack", version: "2.3.4" }, verdict: "failed" });
        expect(e.policies).toEqual([
            expect.objectContaining({ name: "s3-no-public-read", known: false, kind: "unknown", types: null, scope: "unknown", level: "mandatory", recommendations: [] }),
        ]);
        expect(outcomes(e.policies[0])).toEqual(["www failed"]);
        expect(e.policies[0].counts).toMatchObject({ checked: 1, failed: 1, passed: 0, noFinding: 0 });
        expect(e.recommendations.map((r) => r.status)).toEqual(e.recommendations.map((r) => (r.checkable === "attestation" ? "attestation-required" : "not-checked")));
        expect(formatEvidenceMarkdown(e)).toContain("Scope: scope not known: a policy of another pack");
    });

    test("a same-named policy in another pack is not taken for msp-guard's: its scope stays unknown", () => {
        const name = "aws-cloudwatch-log-group-retention";
        const e = buildEvidence(
            handReport({
                policies: [wirePolicy(name), wirePolicy("quiet")],
                resources: [{ urn: `${U}aws:cloudwatch/logGroup:LogGroup::a`, type: "aws:cloudwatch/logGroup:LogGroup", name: "a" }],
            }),
            REGISTRY,
        );
        expect(policyOf(e, name)).toMatchObject({ known: false, scope: "unknown", resources: [] });
        // Nothing reported and the scope unknown: not "not applicable", which would be a guess.
        expect(e.recommendations.find((r) => r.id === "R2")!.status).toBe("no-findings");
    });

    test("with findings of unknown scope, a recommendation counts only the resources reported on", () => {
        const e = buildEvidence(
            handReport({
                policies: [wirePolicy("logs-kept", { enforcementLevel: "mandatory" }), wirePolicy("off", { enforcementLevel: "disabled", framework: { ...FRAMEWORK_R2, specification: "R8" } })],
                resources: [{ urn: `${U}t:m:R::a`, type: "t:m:R", name: "a" }, { urn: `${U}t:m:R::b`, type: "t:m:R", name: "b" }],
                findings: [finding("logs-kept", `${U}t:m:R::a`, { level: "mandatory" })],
            }),
            REGISTRY,
        );
        expect(e.recommendations.find((r) => r.id === "R2")).toMatchObject({ status: "failed", resources: 1, counts: { checked: 1, failed: 1 } });
        // A recommendation served only by a disabled policy was not checked.
        expect(e.recommendations.find((r) => r.id === "R8")).toMatchObject({ status: "not-checked", policies: ["off"] });
        expect(policyOf(e, "off")).toMatchObject({ scope: "disabled", resources: [] });
    });

    test("a policy of another framework serves no AA22-131A recommendation, whatever its specification says", () => {
        const e = buildEvidence(handReport({ policies: [wirePolicy("pci", { framework: { ...FRAMEWORK_R2, name: "PCI DSS", specification: "R2" } })] }), REGISTRY);
        expect(policyOf(e, "pci").recommendations).toEqual([]);
    });
});

test("the registry's type rule in the report agrees with the pack's own matcher for every resource policy", () => {
    const types = [...new Set([...policies.flatMap((p) => p.types.map((t) => t.replace(/\*$/, "s3/bucket:Bucket"))), "azure:core:Thing", "pulumi:providers:aws", "awsx:ec2:Vpc"])];
    for (const p of policies) {
        if (p.kind !== "resource") continue;
        for (const type of types) expect({ policy: p.name, type, covered: coversType(p.types, type) }).toEqual({ policy: p.name, type, covered: p.appliesTo(type) });
    }
});

// ---------------------------------------------------------------------------------------------------------------

describe("--from: evidence from a saved JSON report", () => {
    test("a JSON report read back gives the same evidence as the run itself", () => {
        const back = parseJsonReport(formatJson(audit), "run.json");
        expect(buildEvidence(back, REGISTRY)).toEqual(auditEvidence);
        expect(back.findings).toEqual(audit.findings);
        expect(back.resources).toEqual(audit.resources);
    });

    const valid = () => JSON.parse(formatJson(handReport({ policies: [wirePolicy("p")], findings: [finding("p", `${U}t:m:R::a`)] }))) as Record<string, unknown>;
    const without = (key: string) => {
        const doc = valid();
        delete doc[key];
        return JSON.stringify(doc);
    };
    test.each([
        ["not JSON", "{ nope", /^bad\.json: not valid JSON/],
        ["a stack export, not a report", fs.readFileSync(FIXTURE, "utf8"), /^bad\.json: not an msp-guard JSON report/],
        ["another schema version", JSON.stringify({ ...valid(), schemaVersion: 2 }), /^bad\.json: "schemaVersion" is 2; this msp-guard reads version 1$/],
        ["a report from before the policies list", without("policies"), /^bad\.json: has no "policies" list; the report was written by an older msp-guard/],
        ["a finding with an unknown level", JSON.stringify({ ...valid(), findings: [{ ...(valid().findings as object[])[0], level: "fatal" }] }), /^bad\.json: "findings\[0\]\.level" must be one of advisory, mandatory, remediate, disabled$/],
        ["a run without a target", JSON.stringify({ ...valid(), run: { ...(valid().run as object), target: 7 } }), /^bad\.json: "run\.target" must be a string$/],
    ])("%s is refused, naming the file and what is wrong", (_name, text, message) => {
        expect(() => parseJsonReport(text, "bad.json")).toThrow(ReportInputError);
        expect(() => parseJsonReport(text, "bad.json")).toThrow(message);
    });
});

// ---------------------------------------------------------------------------------------------------------------

describe("rendering hostile text", () => {
    const EVIL = '<script>alert("x")</script> & <img src=x onerror=alert(1)> | *bold* [a](javascript:alert(1))';
    const hostile = () =>
        buildEvidence(
            handReport({
                project: `shop${EVIL}`,
                target: `prod${EVIL}.json`,
                policies: [wirePolicy(`p${EVIL}`, { url: "javascript:alert(1)", description: EVIL })],
                resources: [{ urn: `${U}t:m:R::${EVIL}`, type: "t:m:R", name: EVIL }],
                findings: [
                    finding(`p${EVIL}`, `${U}t:m:R::${EVIL}`, { message: `Exempted by tag: "${EVIL}". Waived finding: ${EVIL}`, exemption: { source: "tag", reason: EVIL, until: "2099-01-01" } }),
                    finding(`p${EVIL}`, "", { message: `${EVIL}\nsecond line`, level: "mandatory" }),
                ],
            }),
            REGISTRY,
        );

    test("HTML: every text is escaped, no script, no unsafe link, and the page is self-contained", () => {
        const html = formatEvidenceHtml(hostile());
        expect(html).not.toMatch(/<script|<img|href="javascript:/i);
        expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;");
        expect(html).toContain("Content-Security-Policy");
        expect(html).not.toMatch(/<link|src=["']http/i);
        // Outside the attribute values, the only tags are ours.
        const tags = new Set([...html.replace(/"[^"]*"/g, '""').matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase()));
        expect([...tags].sort()).toEqual(["a", "body", "br", "code", "h1", "h2", "h3", "head", "header", "html", "meta", "p", "section", "span", "strong", "style", "table", "tbody", "td", "th", "thead", "title", "tr"]);
    });

    test("markdown: hostile text is made inert in cells and headings", () => {
        const markdown = formatEvidenceMarkdown(hostile());
        // Every "<" and "[" of the hostile text is backslash-escaped, so no tag and no link survive.
        expect(markdown).not.toMatch(/(?<!\\)<(script|img)|(?<!\\)\[a\]\(javascript:/i);
        expect(markdown).toContain("\\<script\\>alert");
    });
});

// ---------------------------------------------------------------------------------------------------------------

describe("msp-guard report", () => {
    test("markdown (the default) for a stack export, on stdout, exit 0", () => {
        const { code, stdout } = run("report", FIXTURE);
        expect(code).toBe(0);
        expect(stdout).toMatch(/^# CISA AA22-131A evidence: shop\/prod\n\n✅ \*\*Passed\*\*/);
        expect(stdout).toContain("| R2 | [Enable monitoring and logging; keep important logs at least six months]");
        expect(stdout).toContain("Status: attestation required.");
    });

    test("html with --out for a program directory and its config: the failed example exits 1", () => {
        const dir = path.join(EXAMPLES, "aws-msp-access-noncompliant");
        const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "msp-guard-")), "evidence.html");
        const { code, stdout } = run("report", dir, "--config", path.join(dir, "msp-guard.json"), "--format", "html", "--out", out);
        expect(code).toBe(1);
        expect(stdout).toBe("");
        const html = fs.readFileSync(out, "utf8");
        expect(html).toMatch(/^<!DOCTYPE html>/);
        expect(html).toContain('<span class="verdict failed">FAILED</span>');
        expect(html).toContain("preview of the program");
    });

    test("json: the same evidence from --from as from the run itself", () => {
        const saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "msp-guard-")), "run.json");
        expect(run("audit", FIXTURE, "--format", "json", "--out", saved).code).toBe(0);
        const fromSaved = run("report", "--from", saved, "--format", "json");
        const direct = run("report", FIXTURE, "--format", "json");
        expect([fromSaved.code, direct.code]).toEqual([0, 0]);
        // Two runs differ only in when they ran.
        const timeless = (text: string) => {
            const e = JSON.parse(text) as EvidenceReport;
            return { ...e, run: { ...e.run, startedAt: "", durationMs: 0 } };
        };
        expect(timeless(fromSaved.stdout)).toEqual(timeless(direct.stdout));
        expect(timeless(direct.stdout).recommendations).toHaveLength(15);
    });

    test("the other pack, through the CLI: exit 1 and scope not known", () => {
        const { code, stdout } = run("report", tempFile("export.json", BUCKET_EXPORT), "--policy-pack", OTHER_PACK, "--format", "json");
        expect(code).toBe(1);
        expect((JSON.parse(stdout) as EvidenceReport).policies).toEqual([expect.objectContaining({ name: "s3-no-public-read", scope: "unknown" })]);
    });

    test.each([
        ["a --from file that is not JSON", ["--from", tempFile("notes.json", "hello")], /notes\.json: not valid JSON/],
        ["a --from file that is a stack export", ["--from", FIXTURE], /aws-access-zone\.json: not an msp-guard JSON report/],
        ["a --from file that does not exist", ["--from", "/nonexistent/run.json"], /Cannot read report \/nonexistent\/run\.json: ENOENT/],
        ["both a target and --from", [FIXTURE, "--from", FIXTURE], /either a target .* or --from/],
        ["neither a target nor --from", [], /Give a program directory, a stack export file, or --from/],
        ["--from with a run option", ["--from", FIXTURE, "--config", FIXTURE], /--config applies to a run; --from reads a report/],
        ["--known for a stack export", [FIXTURE, "--known"], /--known applies to a program directory; .*aws-access-zone\.json is a file/],
        ["a missing target", ["/nonexistent/infra"], /Cannot read \/nonexistent\/infra: ENOENT/],
        ["an unknown format", [FIXTURE, "--format", "sarif"], /Allowed choices are markdown, html, json/],
    ])("bad input: %s exits 2 and says why", (_name, args, message) => {
        const { code, stderr } = run("report", ...(args as string[]));
        expect(stderr).toMatch(message);
        expect(code).toBe(2);
    });

    test("--help shows examples", () => {
        const { code, stdout } = run("report", "--help");
        expect(code).toBe(0);
        expect(stdout).toContain("Examples:");
    });
});
