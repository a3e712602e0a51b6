// The report formats (sarif, junit, markdown, html) as pure functions of a RunReport: on a real audit of an exported
// stack, and on a hand-made report whose text tries to break each format's escaping. Then one CLI run per format.
import Ajv from "ajv-draft-04";
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { parseStackExport } from "../../cli/audit/stack-export";
import type { WirePolicyInfo } from "../../cli/driver/wire";
import { formatHtml } from "../../cli/format/html";
import { escapeXmlAttribute, escapeXmlText } from "../../cli/format/escape";
import { formatJunit } from "../../cli/format/junit";
import { formatMarkdown, markdownCell } from "../../cli/format/markdown";
import { artifactLocation, FINGERPRINT_KEY, formatSarif } from "../../cli/format/sarif";
import { evaluateStack } from "../../cli/run/evaluate";
import type { Finding, RunReport } from "../../cli/run/findings";
import { REPO_ROOT } from "../harness/pack";

// CI checks out `shared/` beside the clone.
const SHARED = path.resolve(__dirname, "..", "..", "..", "shared");
const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "stack-exports", "aws-access-zone.json");
const CLI = path.join(REPO_ROOT, "dist", "cli", "main.js");

// ---------------------------------------------------------------------------------------------------------------
// Reports

async function auditFixture(): Promise<RunReport> {
    const text = fs.readFileSync(FIXTURE, "utf8");
    return evaluateStack({ mode: "audit", target: "aws-access-zone.json", ...parseStackExport(text, "aws-access-zone.json") }, { packDir: REPO_ROOT, configs: [] });
}

function policy(name: string, over: Partial<WirePolicyInfo> = {}): WirePolicyInfo {
    return {
        name,
        displayName: "",
        description: `${name} requirement.`,
        enforcementLevel: "advisory",
        policyType: "resource",
        severity: "medium",
        framework: { name: "CISA AA22-131A", version: "2022-05-11", reference: "https://www.cisa.gov/", specification: "R2" },
        tags: ["aws"],
        remediationSteps: `Fix ${name}.`,
        url: `https://example.com/docs/${name}.md`,
        ...over,
    };
}

const U = "urn:pulumi:dev::shop::";
const NASTY = 'Rule 1 | admits <script>alert("x")</script> & "0.0.0.0/0"\non *port* `22|3389` _now_ ~~[link](javascript:alert(1))~~';
const CONTROL = "colour \u001b[31mred\u001b[0m, nul \u0000, clef \u{1D11E}, lone \uD800 surrogate";

function finding(over: Partial<Finding> & Pick<Finding, "policy" | "urn" | "message">): Finding {
    const name = over.urn.slice(over.urn.lastIndexOf("::") + 2);
    const qualified = over.urn ? over.urn.split("::")[2] : "";
    return {
        level: "advisory",
        severity: "medium",
        resourceType: qualified.slice(qualified.lastIndexOf("$") + 1),
        resourceName: over.urn ? name : "",
        description: `${over.policy} requirement.`,
        recommendations: ["R2"],
        unverifiable: false,
        ...over,
    };
}

/** An exempted finding as the pack reports it: advisory, its message prefixed with the waiver. */
function exempted(f: Finding, source: "tag" | "config", reason: string, until?: string): Finding {
    const message = `Exempted by ${source}: ${JSON.stringify(reason)}${until ? ` (until ${until})` : ""}. Waived finding: ${f.message}`;
    return { ...f, level: "advisory", message, exemption: { source, reason, ...(until ? { until } : {}) } };
}

const SG_A = `${U}aws:ec2/securityGroup:SecurityGroup::web|edge`;
const LOGS = `${U}aws:cloudwatch/logGroup:LogGroup::<b>debug</b>`;
const TWIN_1 = `${U}shop:net:Zone$aws:ec2/vpc:Vpc::twin`;
const TWIN_2 = `${U}shop:other:Zone$aws:ec2/vpc:Vpc::twin`;
const MIXED = `${U}aws:cloudwatch/logGroup:LogGroup::mixed`;

/** A preview report whose every text field tries to break a format. */
function trickyReport(): RunReport {
    return {
        tool: { name: "msp-guard", version: "0.1.0" },
        mode: "preview",
        target: "infra dir/#1",
        entryFile: "src/index.ts",
        project: "shop",
        stack: "dev",
        startedAt: "2026-01-02T03:04:05.006Z",
        durationMs: 1500,
        pack: { name: "msp-guard", version: "0.1.0", dir: "/pack" },
        configDigest: "a".repeat(64),
        policies: [
            policy("p-critical", { enforcementLevel: "mandatory", severity: "critical", tags: ["aws", "R5"], framework: { name: "CISA AA22-131A", version: "2022-05-11", reference: "https://www.cisa.gov/", specification: "R5" } }),
            policy("p-advisory", { framework: { name: "CISA AA22-131A", version: "2022-05-11", reference: "https://www.cisa.gov/", specification: "R10, R2, T1" } }),
            policy("p-high", { enforcementLevel: "mandatory", severity: "high" }),
            policy("p-low", { severity: "low" }),
            policy("p-disabled", { enforcementLevel: "disabled", severity: "high" }),
            policy("p-evil", { severity: "unspecified", url: "javascript:alert(1)", remediationSteps: "" }),
        ],
        resources: [SG_A, LOGS, TWIN_1, TWIN_2, MIXED].map((urn) => ({ urn, type: "t", name: urn.slice(urn.lastIndexOf("::") + 2) })),
        findings: [
            finding({ policy: "p-critical", urn: SG_A, level: "mandatory", severity: "critical", message: NASTY, recommendations: ["R5"] }),
            finding({ policy: "p-critical", urn: SG_A, level: "mandatory", severity: "critical", message: "Ingress rule 2 admits ::/0 on port 3389.", recommendations: ["R5"] }),
            finding({ policy: "p-advisory", urn: SG_A, message: CONTROL, recommendations: ["R10", "R2", "T1"] }),
            exempted(finding({ policy: "p-high", urn: LOGS, severity: "high", message: "Keeps logs for 3 days." }), "config", 'ticket "SEC-1" | <i>waived</i> & done', "2099-12-31"),
            finding({ policy: "p-advisory", urn: TWIN_1, message: "Twin one.", recommendations: ["R10", "R2", "T1"] }),
            finding({ policy: "p-advisory", urn: TWIN_2, message: "Twin two.", recommendations: ["R10", "R2", "T1"] }),
            exempted(finding({ policy: "p-low", urn: MIXED, severity: "low", message: "First." }), "tag", "legacy"),
            finding({ policy: "p-low", urn: MIXED, severity: "low", message: "Second." }),
            finding({ policy: "p-evil", urn: "", severity: "unspecified", message: "About the whole stack.", recommendations: [] }),
        ],
    };
}

function deepFreeze<T>(value: T): T {
    if (value && typeof value === "object") {
        for (const v of Object.values(value)) deepFreeze(v);
        Object.freeze(value);
    }
    return value;
}

// ---------------------------------------------------------------------------------------------------------------
// A strict little XML reader: enough to prove the JUnit and HTML output well-formed and to read values back.

interface XmlElement {
    name: string;
    attrs: Record<string, string>;
    children: Array<XmlElement | string>;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const NOT_XML_CHAR_G = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NOT_XML_CHAR = new RegExp(NOT_XML_CHAR_G.source);

function decode(raw: string, where: string): string {
    if (/</.test(raw)) throw new Error(`raw "<" in ${where}: ${raw}`);
    if (NOT_XML_CHAR.test(raw)) throw new Error(`character not allowed in XML in ${where}`);
    return raw.replace(/&([^;&\s]*);?/g, (match, ref: string) => {
        if (!match.endsWith(";")) throw new Error(`bare "&" in ${where}: ${raw}`);
        if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
        if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
        if (!(ref in ENTITIES)) throw new Error(`unknown entity &${ref}; in ${where}`);
        return ENTITIES[ref];
    });
}

function parseXml(text: string): XmlElement {
    const body = text.replace(/^<\?xml[^?]*\?>\s*/, "").replace(/^<!DOCTYPE html>\s*/, "");
    const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)|(<)/g;
    const root: XmlElement = { name: "#document", attrs: {}, children: [] };
    const stack: XmlElement[] = [root];
    for (let m = token.exec(body); m; m = token.exec(body)) {
        const [, closing, name, rawAttrs, selfClosing, textPart, stray] = m;
        const top = stack[stack.length - 1];
        if (stray) throw new Error(`malformed tag at ${m.index}: ${body.slice(m.index, m.index + 40)}`);
        if (textPart !== undefined) {
            const value = decode(textPart, `text of <${top.name}>`);
            if (top === root && value.trim()) throw new Error("text outside the root element");
            top.children.push(value);
            continue;
        }
        if (closing) {
            if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
            stack.pop();
            continue;
        }
        const attrs: Record<string, string> = {};
        for (const a of rawAttrs.matchAll(/([\w:-]+)="([^"]*)"/g)) {
            if (a[1] in attrs) throw new Error(`duplicate attribute ${a[1]} on <${name}>`);
            attrs[a[1]] = decode(a[2], `attribute ${a[1]} of <${name}>`);
        }
        const element: XmlElement = { name, attrs, children: [] };
        if (top === root && root.children.some((c) => typeof c !== "string")) throw new Error("more than one root element");
        top.children.push(element);
        if (!selfClosing) stack.push(element);
    }
    if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
    const roots = root.children.filter((c): c is XmlElement => typeof c !== "string");
    return roots[0];
}

function elements(e: XmlElement, name: string): XmlElement[] {
    const own = e.children.filter((c): c is XmlElement => typeof c !== "string");
    return [...own.filter((c) => c.name === name), ...own.flatMap((c) => elements(c, name))];
}

function textOf(e: XmlElement): string {
    return e.children.map((c) => (typeof c === "string" ? c : textOf(c))).join("");
}

// ---------------------------------------------------------------------------------------------------------------

let audit: RunReport;
beforeAll(async () => {
    audit = deepFreeze(await auditFixture());
});

describe.each([
    ["sarif", formatSarif],
    ["junit", formatJunit],
    ["markdown", formatMarkdown],
    ["html", formatHtml],
])("%s is a pure function of the report", (_name, format) => {
    test("the same report gives the same text, and the report is not changed (it is frozen)", () => {
        const report = deepFreeze(trickyReport());
        expect(format(report)).toBe(format(report));
        expect(format(audit)).toBe(format(audit));
        expect(report).toEqual(trickyReport());
    });

    test("a report with no findings and no policies still formats", () => {
        expect(format({ ...trickyReport(), findings: [], policies: [] })).not.toBe("");
    });
});

// ---------------------------------------------------------------------------------------------------------------

describe("sarif", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(SHARED, "data", "sarif", "sarif-schema-2.1.0.json"), "utf8")) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    // The schema's formats, checked rather than ignored (ajv ships no format implementations).
    ajv.addFormat("uri", (s: string) => /^[A-Za-z][A-Za-z0-9+.-]*:[^\s]*$/.test(s) && URL.canParse(s));
    ajv.addFormat("uri-reference", (s: string) => /^[^\s<>"{}|\\^`]*$/.test(s) && URL.canParse(s, "file:///base/"));
    ajv.addFormat("date-time", (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s) && !Number.isNaN(Date.parse(s)));
    const validate = ajv.compile(schema);

    interface Log {
        runs: Array<{
            tool: { driver: { name: string; version: string; informationUri: string; rules: Array<{ id: string; helpUri?: string; shortDescription: { text: string }; defaultConfiguration: { level: string; enabled?: boolean }; properties: { tags: string[]; "security-severity"?: string } }> } };
            invocations: Array<{ executionSuccessful: boolean; properties: { configDigest: string } }>;
            automationDetails?: { id: string };
            results: Array<{
                ruleId: string;
                ruleIndex: number;
                level: string;
                message: { text: string };
                locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: { startLine: number } }; logicalLocations: Array<{ fullyQualifiedName: string; name: string; kind: string }> }>;
                partialFingerprints: Record<string, string>;
                suppressions?: Array<{ kind: string; justification: string; status: string }>;
            }>;
        }>;
    }
    const sarif = (report: RunReport) => JSON.parse(formatSarif(report)) as Log;

    test.each([
        ["the audit of an exported stack", () => audit],
        ["a preview report with tricky text", trickyReport],
        ["a report with no findings", () => ({ ...trickyReport(), findings: [] })],
        ["a preview with an absolute program path", () => ({ ...trickyReport(), target: "/home/ci/infra" })],
    ])("%s is valid against the SARIF 2.1.0 schema", (_name, report) => {
        const ok = validate(JSON.parse(formatSarif(report())));
        expect(validate.errors ?? []).toEqual([]);
        expect(ok).toBe(true);
    });

    test("the tool is msp-guard with its version and home, and has one rule per policy in the pack's order", () => {
        const run = sarif(audit).runs[0];
        expect(run.tool.driver).toMatchObject({ name: "msp-guard", version: audit.tool.version, informationUri: "https://github.com/msp-guard/msp-guard" });
        expect(run.tool.driver.rules.map((r) => r.id)).toEqual(audit.policies.map((p) => p.name));
        const retention = run.tool.driver.rules.find((r) => r.id === "aws-cloudwatch-log-group-retention")!;
        expect(retention.helpUri).toBe(audit.policies.find((p) => p.name === retention.id)!.url);
        expect(retention.shortDescription.text).toMatch(/^CloudWatch log groups must keep events/);
        expect(retention.properties.tags).toEqual(expect.arrayContaining(["R2", "security"]));
    });

    test.each([
        ["critical", "p-critical", "9.5"],
        ["high", "p-high", "8.0"],
        ["medium", "p-advisory", "5.5"],
        ["low", "p-low", "3.0"],
        ["unspecified (no score)", "p-evil", undefined],
    ])("severity %s gives GitHub's security-severity", (_severity, name, score) => {
        const rule = sarif(trickyReport()).runs[0].tool.driver.rules.find((r) => r.id === name)!;
        expect(rule.properties["security-severity"]).toBe(score);
    });

    test.each([
        ["mandatory", "p-critical", { level: "error" }],
        ["advisory", "p-advisory", { level: "warning" }],
        ["disabled", "p-disabled", { level: "warning", enabled: false }],
    ])("a %s policy's rule has that default configuration", (_level, name, configuration) => {
        expect(sarif(trickyReport()).runs[0].tool.driver.rules.find((r) => r.id === name)!.defaultConfiguration).toEqual(configuration);
    });

    test("tags carry the recommendation ids and security; only an http(s) documentation url becomes helpUri", () => {
        const rules = sarif(trickyReport()).runs[0].tool.driver.rules;
        expect(rules.find((r) => r.id === "p-advisory")!.properties.tags).toEqual(["aws", "R10", "R2", "T1", "security"]);
        expect(rules.find((r) => r.id === "p-evil")!.helpUri).toBeUndefined();
    });

    test("every result points at its rule by id and index", () => {
        for (const report of [audit, trickyReport()]) {
            const run = sarif(report).runs[0];
            expect(run.results).toHaveLength(report.findings.length);
            for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
        }
    });

    test.each([
        ["a mandatory finding is an error", 0, "error", undefined],
        ["an advisory finding is a warning", 2, "warning", undefined],
        ["a finding exempted in the policy-pack config is a note, suppressed externally", 3, "note", { kind: "external", status: "accepted", justification: 'ticket "SEC-1" | <i>waived</i> & done' }],
        ["a finding exempted by a tag in the program is a note, suppressed in source", 6, "note", { kind: "inSource", status: "accepted", justification: "legacy" }],
    ])("%s", (_name, index, level, suppression) => {
        const result = sarif(trickyReport()).runs[0].results[index];
        expect(result.level).toBe(level);
        expect(result.suppressions?.[0]).toEqual(suppression === undefined ? undefined : expect.objectContaining(suppression));
    });

    test("an exempted result's message is the waived finding; the waiver is in the suppression", () => {
        expect(sarif(trickyReport()).runs[0].results[3].message.text).toBe("Keeps logs for 3 days.");
    });

    test("results are located on the resource urn; a stack finding on the stack", () => {
        const results = sarif(trickyReport()).runs[0].results;
        expect(results[0].locations[0].logicalLocations).toEqual([{ fullyQualifiedName: SG_A, name: "web|edge", kind: "resource" }]);
        expect(results[8].locations[0].logicalLocations).toEqual([{ fullyQualifiedName: "shop/dev", name: "dev", kind: "module" }]);
    });

    test.each([
        ["a preview on the program's entry file", trickyReport(), { uri: "infra%20dir/%231/src/index.ts", uriBaseId: "%SRCROOT%" }],
        ["a preview that does not name its entry file on Pulumi.yaml", { ...trickyReport(), entryFile: undefined }, { uri: "infra%20dir/%231/Pulumi.yaml", uriBaseId: "%SRCROOT%" }],
        ["an audit on the stack export", { ...trickyReport(), mode: "audit" as const, target: "exports/prod.json" }, { uri: "exports/prod.json", uriBaseId: "%SRCROOT%" }],
    ])("every result of %s, line 1 (GitHub rejects an upload with a result that has no file)", (_name, report, artifact) => {
        for (const r of sarif(report).runs[0].results) {
            expect(r.locations).toHaveLength(1);
            expect(r.locations[0].physicalLocation).toEqual({ artifactLocation: artifact, region: { startLine: 1 } });
        }
    });

    test.each([
        ["a relative program dir", "./infra/index.ts", { uri: "infra/index.ts", uriBaseId: "%SRCROOT%" }],
        ["the current dir", "./index.ts", { uri: "index.ts", uriBaseId: "%SRCROOT%" }],
        ["an entry outside the dir", "infra/../src/main.ts", { uri: "src/main.ts", uriBaseId: "%SRCROOT%" }],
        ["an absolute dir", "/home/ci/my infra/index.ts", { uri: "file:///home/ci/my%20infra/index.ts" }],
        ["a Windows dir", "C:\\work\\infra/index.ts", { uri: "file:///C:/work/infra/index.ts" }],
        ["a dir whose name looks like a scheme", "a:b/index.ts", { uri: "a%3Ab/index.ts", uriBaseId: "%SRCROOT%" }],
    ])("%s as an artifact location", (_name, file, expected) => {
        expect(artifactLocation(file)).toEqual(expected);
    });

    test("fingerprints are stable across runs, survive an exemption, and differ per policy, resource and finding", async () => {
        const again = sarif(await auditFixture()).runs[0].results.map((r) => r.partialFingerprints);
        expect(again).toEqual(sarif(audit).runs[0].results.map((r) => r.partialFingerprints));

        const report = trickyReport();
        const prints = sarif(report).runs[0].results.map((r) => r.partialFingerprints[FINGERPRINT_KEY]);
        expect(new Set(prints).size).toBe(prints.length);
        for (const p of prints) expect(p).toMatch(/^[0-9a-f]{64}$/);

        const waived = finding({ policy: "p-high", urn: LOGS, severity: "high", message: "Keeps logs for 3 days." });
        const unwaived = sarif({ ...report, findings: [waived] }).runs[0].results[0].partialFingerprints;
        const rewaived = sarif({ ...report, findings: [exempted(waived, "tag", "another reason", "2100-01-01")] }).runs[0].results[0].partialFingerprints;
        expect(unwaived).toEqual({ [FINGERPRINT_KEY]: prints[3] });
        expect(rewaived).toEqual(unwaived);
    });

    test("the invocation succeeded and records the config digest; the upload chooses the category", () => {
        expect(sarif(audit).runs[0].invocations[0]).toMatchObject({ executionSuccessful: true, properties: { configDigest: audit.configDigest } });
        expect(sarif(audit).runs[0].automationDetails).toBeUndefined();
    });

    test("a finding of a policy the pack did not list still gets a rule", () => {
        const report = { ...trickyReport(), policies: [] };
        const run = sarif(report).runs[0];
        expect(run.tool.driver.rules.map((r) => r.id)).toEqual(["p-critical", "p-advisory", "p-high", "p-low", "p-evil"]);
        expect(validate(JSON.parse(formatSarif(report)))).toBe(true);
    });
});

// ---------------------------------------------------------------------------------------------------------------

describe("junit", () => {
    const suites = (report: RunReport) => elements(parseXml(formatJunit(report)), "testsuite");
    const suiteOf = (report: RunReport, name: string) => suites(report).find((s) => s.attrs.name === name)!;
    const cases = (suite: XmlElement) => elements(suite, "testcase").map((c) => ({
        name: c.attrs.name,
        classname: c.attrs.classname,
        outcome: elements(c, "failure").length ? "failure" : elements(c, "skipped").length ? "skipped" : "passed",
    }));

    test.each([
        ["the audit of an exported stack", () => audit],
        ["a report with tricky text", trickyReport],
    ])("%s is well-formed XML with one suite per policy", (_name, report) => {
        const root = parseXml(formatJunit(report()));
        expect(root.name).toBe("testsuites");
        expect(elements(root, "testsuite").map((s) => s.attrs.name)).toEqual(report().policies.map((p) => p.name));
    });

    test("counts agree with the test cases, per suite and in total", () => {
        for (const report of [audit, trickyReport()]) {
            const root = parseXml(formatJunit(report));
            for (const s of [root, ...elements(root, "testsuite")]) {
                const all = elements(s, "testcase");
                expect([s.attrs.tests, s.attrs.failures, s.attrs.skipped, s.attrs.errors]).toEqual(
                    [all.length, all.filter((c) => elements(c, "failure").length).length, all.filter((c) => elements(c, "skipped").length).length, 0].map(String),
                );
            }
        }
    });

    test("the audit: a case per resource with findings plus one for the rest, exempted ones skipped, advisories passing", () => {
        expect(cases(suiteOf(audit, "aws-cloudwatch-log-group-retention"))).toEqual([
            { classname: "aws-cloudwatch-log-group-retention", name: "aws:cloudwatch/logGroup:LogGroup audit", outcome: "passed" },
            { classname: "aws-cloudwatch-log-group-retention", name: "aws:cloudwatch/logGroup:LogGroup debug", outcome: "skipped" },
            { classname: "aws-cloudwatch-log-group-retention", name: "aws:cloudwatch/logGroup:LogGroup payments", outcome: "passed" },
            { classname: "aws-cloudwatch-log-group-retention", name: "all other resources", outcome: "passed" },
        ]);
        expect(cases(suiteOf(audit, "aws-iam-user-console-mfa"))).toEqual([{ classname: "aws-iam-user-console-mfa", name: "all resources", outcome: "passed" }]);
        const advisory = elements(suiteOf(audit, "aws-cloudwatch-log-group-retention"), "testcase")[0];
        expect(textOf(elements(advisory, "system-out")[0])).toContain("14 days");
    });

    test("mandatory findings on one resource are one failing case that carries all of them", () => {
        const suite = suiteOf(trickyReport(), "p-critical");
        expect(suite.attrs).toMatchObject({ tests: "2", failures: "1" });
        const failure = elements(suite, "failure")[0];
        expect(failure.attrs.message).toBe(`${NASTY} (and 1 more)`);
        expect(failure.attrs.type).toBe("mandatory");
        expect(textOf(failure)).toContain(NASTY);
        expect(textOf(failure)).toContain("Ingress rule 2 admits ::/0 on port 3389.");
    });

    test("every escaped value reads back exactly as it was", () => {
        const report = trickyReport();
        const root = parseXml(formatJunit(report));
        expect(elements(suiteOf(report, "p-high"), "skipped")[0].attrs.message).toBe('Exempted: ticket "SEC-1" | <i>waived</i> & done (until 2099-12-31)');
        expect(elements(suiteOf(report, "p-critical"), "testcase")[0].attrs.name).toBe("aws:ec2/securityGroup:SecurityGroup web|edge");
        expect(elements(suiteOf(report, "p-high"), "testcase")[0].attrs.name).toBe("aws:cloudwatch/logGroup:LogGroup <b>debug</b>");
        expect(root.attrs.name).toBe("msp-guard preview of infra dir/#1 (project shop, stack dev)");
        for (const value of [NASTY, "tab\there", "cr\rlf\r\n", "]]> and &amp; already"]) {
            expect(parseXml(`<a b="${escapeXmlAttribute(value)}">${escapeXmlText(value)}</a>`)).toEqual({ name: "a", attrs: { b: value }, children: [value] });
        }
    });

    test("characters XML cannot carry become U+FFFD instead of breaking the file", () => {
        const out = textOf(elements(suiteOf(trickyReport(), "p-advisory"), "testcase")[0]);
        expect(out).toContain("colour \uFFFD[31mred\uFFFD[0m, nul \uFFFD, clef \u{1D11E}, lone \uFFFD surrogate");
    });

    test("a resource with advisory and exempted findings passes and says both", () => {
        const mixed = elements(suiteOf(trickyReport(), "p-low"), "testcase")[0];
        expect(elements(mixed, "skipped")).toEqual([]);
        expect(textOf(mixed)).toMatch(/\[exempted \(tag: legacy\)\] low: First\.\n\[advisory\] low: Second\./);
    });

    test("two resources of one type and name are told apart by urn, so reporters do not merge them", () => {
        expect(cases(suiteOf(trickyReport(), "p-advisory")).map((c) => c.name)).toEqual([
            "aws:ec2/securityGroup:SecurityGroup web|edge",
            `aws:ec2/vpc:Vpc twin (${TWIN_1})`,
            `aws:ec2/vpc:Vpc twin (${TWIN_2})`,
            "all other resources",
        ]);
    });

    test("a disabled policy is a skipped suite; a finding about the stack is the case \"stack\"", () => {
        expect(cases(suiteOf(trickyReport(), "p-disabled"))).toEqual([{ classname: "p-disabled", name: "all resources", outcome: "skipped" }]);
        expect(cases(suiteOf(trickyReport(), "p-evil"))[0].name).toBe("stack");
    });
});

// ---------------------------------------------------------------------------------------------------------------

/** The cells of a GFM table row: split on pipes that are not backslash-escaped. */
function cells(row: string): string[] {
    return row.replace(/^\| | \|$/g, "").split(/(?<!\\)\|/).map((c) => c.trim());
}

describe("markdown", () => {
    test("the heading names the verdict, pack, mode, target, project and stack", () => {
        expect(formatMarkdown(audit).split("\n").slice(0, 3)).toEqual([
            "## ✅ passed: msp-guard 0.1.0 audit of `aws-access-zone.json`",
            "",
            "Project **shop**, stack **prod**.",
        ]);
        expect(formatMarkdown(trickyReport())).toMatch(/^## ❌ FAILED: msp-guard 0\.1\.0 preview of `infra dir\/#1`\n/);
    });

    test("the summary table counts mandatory, advisory, exempted, resources and policies", () => {
        const lines = formatMarkdown(trickyReport()).split("\n");
        const at = lines.indexOf("| mandatory | advisory | exempted | resources | policies |");
        expect(cells(lines[at + 2])).toEqual(["2", "5", "2", "5", "5"]);
    });

    test("every table row has as many cells as its header, whatever the text holds", () => {
        const lines = formatMarkdown(trickyReport()).split("\n");
        let width = 0;
        for (const [i, line] of lines.entries()) {
            if (!line.startsWith("|")) {
                width = 0;
                continue;
            }
            if (width === 0) width = cells(line).length;
            expect({ line: i, cells: cells(line).length }).toEqual({ line: i, cells: width });
        }
    });

    test("findings are grouped by resource, with level, severity, the policy linked to its doc, and the message", () => {
        const md = formatMarkdown(audit);
        expect(md).toContain("#### `aws:ec2/vpc:Vpc` msp-access\n\n`urn:pulumi:prod::shop::shop:network:AccessZone$aws:ec2/vpc:Vpc::msp-access`\n\n| level | severity | policy | message |");
        expect(md).toContain(`| advisory | medium | [aws-ec2-access-zone-vpc-flow-logs](${audit.policies.find((p) => p.name === "aws-ec2-access-zone-vpc-flow-logs")!.url}) | The flow logs`);
    });

    test("text cannot add markup: html, links, emphasis and line breaks are inert; code spans stay code", () => {
        const row = formatMarkdown(trickyReport()).split("\n").find((l) => l.includes("Rule 1"))!;
        expect(cells(row)).toEqual([
            "**mandatory**",
            "critical",
            "[p-critical](https://example.com/docs/p-critical.md)",
            'Rule 1 \\| admits \\<script\\>alert("x")\\</script\\> \\& "0.0.0.0/0"<br>on \\*port\\* `22\\|3389` \\_now\\_ \\~\\~\\[link](javascript:alert(1))\\~\\~',
        ]);
    });

    test.each([
        ["a pipe", "a|b", "a\\|b"],
        ["a newline", "a\nb\r\nc", "a<br>b<br>c"],
        ["html", "<img src=x>", "\\<img src=x\\>"],
        ["a code span with a pipe", "see `a|b`", "see `a\\|b`"],
        ["an unpaired backtick", "it`s", "it\\`s"],
        ["a backslash", "C:\\dir", "C:\\\\dir"],
    ])("a cell escapes %s", (_name, text, expected) => {
        expect(markdownCell(text)).toBe(expected);
    });

    test("a policy without an http(s) url is not linked", () => {
        expect(formatMarkdown(trickyReport())).not.toContain("[p-evil]");
        expect(formatMarkdown(trickyReport())).toContain("#### Stack\n\n| level | severity | policy | message |\n| --- | --- | --- | --- |\n| advisory | unspecified | p-evil | About the whole stack. |");
    });

    test("exempted findings have their own section with reason, expiry and the waived finding", () => {
        const md = formatMarkdown(audit);
        expect(md).toContain("### Exempted findings");
        const row = md.split("\n").find((l) => l.startsWith("| aws:cloudwatch/logGroup:LogGroup debug"))!;
        expect(cells(row)).toEqual(["aws:cloudwatch/logGroup:LogGroup debug", expect.stringContaining("[aws-cloudwatch-log-group-retention]"), "debug output", "2099-01-01", "tag", expect.stringMatching(/^Log group keeps events for 3 days/)]);
        expect(formatMarkdown({ ...audit, findings: audit.findings.filter((f) => !f.exemption) })).not.toContain("### Exempted findings");
    });

    test("the recommendations the findings map to are listed in the advisory's order, with titles and counts", () => {
        const lines = formatMarkdown(trickyReport()).split("\n");
        const at = lines.indexOf("### CISA AA22-131A recommendations");
        const rows = lines.slice(at + 4).filter((l) => l.startsWith("|")).map((l) => cells(l).slice(0, 5));
        expect(rows).toEqual([
            ["T1", "Identify and disable accounts no longer in use", "0", "3", "0"],
            ["R2", "Enable monitoring and logging; keep important logs at least six months", "0", "4", "2"],
            ["R5", "Apply least privilege; time-bound privileges; no default MSP admin rights", "2", "0", "0"],
            ["R10", "Understand and manage supply-chain risk", "0", "3", "0"],
        ]);
    });
});

// ---------------------------------------------------------------------------------------------------------------

describe("html", () => {
    test.each([
        ["the audit of an exported stack", () => audit],
        ["a report with tricky text", trickyReport],
    ])("%s is one well-formed page", (_name, report) => {
        const html = formatHtml(report());
        expect(html.startsWith("<!DOCTYPE html>\n")).toBe(true);
        const root = parseXml(html);
        expect(root.name).toBe("html");
        expect(elements(root, "title")).toHaveLength(1);
    });

    test("a message with <script> is escaped, and the page has no script at all", () => {
        const html = formatHtml(trickyReport());
        expect(html).not.toMatch(/<script/i);
        expect(html).toContain("admits &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;0.0.0.0/0&quot;<br />on *port* <code>22|3389</code>");
        expect(html).toContain("&lt;b&gt;debug&lt;/b&gt;");
    });

    test("nothing is fetched: inline CSS only, a content security policy, links only to http(s) pages", () => {
        for (const html of [formatHtml(audit), formatHtml(trickyReport())]) {
            expect(html).not.toMatch(/<link|<img|<iframe|<object|\ssrc=|@import|url\(/i);
            expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'" />`);
            for (const a of elements(parseXml(html), "a")) expect(a.attrs.href).toMatch(/^https?:\/\//);
        }
    });

    test("it says what the markdown says: verdict, counts, findings by resource, exemptions, recommendations", () => {
        const root = parseXml(formatHtml(trickyReport()));
        const text = textOf(root);
        expect(textOf(elements(root, "h1")[0])).toBe("msp-guard 0.1.0 preview of infra dir/#1");
        expect(text).toContain("FAILED");
        expect(elements(root, "h2").map(textOf)).toEqual(["Summary", "Findings", "Exempted findings", "CISA AA22-131A recommendations"]);
        expect(elements(root, "h3").map(textOf)).toEqual([
            "aws:ec2/securityGroup:SecurityGroup web|edge",
            "aws:ec2/vpc:Vpc twin",
            "aws:ec2/vpc:Vpc twin",
            "aws:cloudwatch/logGroup:LogGroup mixed",
            "Stack",
        ]);
        const summary = elements(elements(root, "table")[0], "td").map(textOf);
        expect(summary).toEqual(["2", "5", "2", "5", "5"]);
        // As the page shows them: code spans without backticks, line breaks as <br />, unencodable characters as U+FFFD.
        const shown = (m: string) => m.replace(/`/g, "").replace(/\r?\n/g, "").replace(NOT_XML_CHAR_G, "\uFFFD");
        for (const f of trickyReport().findings.filter((f) => !f.exemption)) expect(text).toContain(shown(f.message));
        expect(text).toContain('ticket "SEC-1" | <i>waived</i> & done');
        expect(text).toContain("Understand and manage supply-chain risk");
    });

    test("printing keeps it readable: header rows repeat, rows do not split, links are spelled out", () => {
        const style = textOf(elements(parseXml(formatHtml(audit)), "style")[0]);
        const print = style.slice(style.indexOf("@media print"));
        for (const rule of ["thead { display: table-header-group; }", "tr, h3 { break-inside: avoid; }", "attr(href)"]) expect(print).toContain(rule);
    });
});

// ---------------------------------------------------------------------------------------------------------------

describe("msp-guard --format", () => {
    function run(...args: string[]): { code: number | null; stdout: string; stderr: string } {
        const result = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" } });
        return { code: result.status, stdout: result.stdout, stderr: result.stderr };
    }
    const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), "msp-guard-formats-"));

    test("sarif: a preview anchors results on the program's entry file, and a mandatory finding is an error (exit 1)", () => {
        const config = path.join(tempDir(), "c.json");
        fs.writeFileSync(config, JSON.stringify({ "aws-cloudwatch-log-group-retention": "mandatory" }));
        const { code, stdout } = run("preview", "test/fixtures/programs/equivalence", "--config", config, "--format", "sarif");
        expect(code).toBe(1);
        const log = JSON.parse(stdout) as { runs: Array<{ results: Array<{ level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
        const results = log.runs[0].results;
        expect(results.some((r) => r.level === "error")).toBe(true);
        expect(new Set(results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri))).toEqual(new Set(["test/fixtures/programs/equivalence/index.ts"]));
    });

    test("junit: --out writes the file and nothing to stdout", () => {
        const out = path.join(tempDir(), "msp-guard.xml");
        const { code, stdout } = run("audit", FIXTURE, "--format", "junit", "--out", out);
        expect([code, stdout]).toEqual([0, ""]);
        expect(parseXml(fs.readFileSync(out, "utf8")).attrs).toMatchObject({ failures: "0", skipped: "1" });
    });

    test("markdown: to stdout", () => {
        const { code, stdout } = run("audit", FIXTURE, "--format", "markdown");
        expect(code).toBe(0);
        expect(stdout).toMatch(/^## ✅ passed: msp-guard \S+ audit of `.*aws-access-zone\.json`\n/);
    });

    test("html: to stdout, one page", () => {
        const { code, stdout } = run("audit", FIXTURE, "--format", "html");
        expect(code).toBe(0);
        expect(parseXml(stdout).name).toBe("html");
    });

    test("an unknown format is bad usage and names the choices", () => {
        const { code, stderr } = run("audit", FIXTURE, "--format", "yaml");
        expect(stderr).toMatch(/Allowed choices are text, json, markdown, html, sarif, junit/);
        expect(code).toBe(2);
    });
});
