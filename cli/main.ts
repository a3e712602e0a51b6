#!/usr/bin/env node
// The offline command. Only this file writes to stdout/stderr and sets the exit code: 0 no mandatory violation,
// 1 at least one, 2 bad usage or bad input (with a message naming the file, key or line).
import * as fs from "fs";
import * as path from "path";
import { Command, InvalidArgumentError, Option } from "commander";
import { policies } from "../policies";
import { PACK_NAME } from "../policies/core/metadata";
import { shared } from "../policies/core/settings";
import { parseStackExport, StackExportError } from "./audit/stack-export";
import { buildPolicyPackConfig, SharedValues } from "./commands/config-init";
import { PackExitedError, PackStartError } from "./driver/pack-process";
import { PolicyConfigError } from "./driver/policy-config";
import { formatHtml } from "./format/html";
import { formatJson } from "./format/json";
import { formatJunit } from "./format/junit";
import { formatMarkdown } from "./format/markdown";
import { formatSarif } from "./format/sarif";
import { PACKAGE_ROOT, VERSION } from "./package-root";
import { formatPoliciesJson, formatPoliciesMarkdown, formatPoliciesText } from "./format/policies";
import { painterFor } from "./format/style";
import { formatText } from "./format/text";
import { AbortedError, evaluateStack, StackToEvaluate } from "./run/evaluate";
import { exitCodeOf, RunReport } from "./run/findings";
import { exampleDirs, exampleLine, runExample } from "./run/examples";
import { previewProgram } from "./run/preview";
import { ProgramError } from "./program/errors";
import { buildEvidence, EvidenceReport } from "./report/evidence";
import { ReportInputError, parseJsonReport } from "./report/from-json";
import { formatEvidenceHtml } from "./report/html";
import { formatEvidenceJson } from "./report/json";
import { formatEvidenceMarkdown } from "./report/markdown";

const PACK_DIR = PACKAGE_ROOT;

/** Bad usage or bad input: exit 2 with this message. */
class UsageError extends Error {}

function readJsonFile(file: string, what: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new UsageError(`Cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    try {
        return JSON.parse(text);
    } catch (e) {
        throw new UsageError(`${file}: not valid JSON (${(e as Error).message})`);
    }
}

function write(text: string, out: string | undefined): void {
    if (out) fs.writeFileSync(out, text);
    else process.stdout.write(text);
}

const REPORT_FORMATS = ["text", "json", "markdown", "html", "sarif", "junit"] as const;
type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The pure formatters; text is apart because it also takes a painter, for colour on a terminal. */
const FORMATTERS: Record<Exclude<ReportFormat, "text">, (report: RunReport) => string> = {
    json: formatJson,
    markdown: formatMarkdown,
    html: formatHtml,
    sarif: formatSarif,
    junit: formatJunit,
};

function render(report: RunReport, format: ReportFormat, out: string | undefined): string {
    if (format !== "text") return FORMATTERS[format](report);
    return formatText(report, out ? painterFor({ isTTY: false } as NodeJS.WriteStream) : painterFor(process.stdout));
}

/** A progress line on a terminal for long runs; nothing when stderr is piped. */
function progress(): ((done: number, total: number) => void) | undefined {
    if (!process.stderr.isTTY) return undefined;
    let last = 0;
    return (done, total) => {
        const now = Date.now();
        if (done === total || now - last > 100) {
            last = now;
            process.stderr.write(`\r  analyzing ${done}/${total} resources`);
            if (done === total) process.stderr.write("\r\x1b[K");
        }
    };
}

/** Aborts on Ctrl-C so the pack is shut down before we exit. */
function interruptible(): AbortController {
    const controller = new AbortController();
    process.once("SIGINT", () => controller.abort());
    process.once("SIGTERM", () => controller.abort());
    return controller;
}

interface RunOptions {
    config?: string[];
    format: ReportFormat;
    out?: string;
    policyPack: string;
}

async function evaluate(stack: StackToEvaluate, options: Pick<RunOptions, "config" | "policyPack">): Promise<RunReport> {
    const configs = (options.config ?? []).map((file) => ({ source: file, raw: readJsonFile(file, "config file") }));
    return evaluateStack(stack, { packDir: path.resolve(options.policyPack), configs, onProgress: progress(), signal: interruptible().signal });
}

async function evaluateAndReport(stack: StackToEvaluate, options: RunOptions): Promise<number> {
    const report = await evaluate(stack, options);
    write(render(report, options.format, options.out), options.out);
    return exitCodeOf(report.findings);
}

const EVIDENCE_FORMATS = ["markdown", "html", "json"] as const;
type EvidenceFormat = (typeof EVIDENCE_FORMATS)[number];

const EVIDENCE_FORMATTERS: Record<EvidenceFormat, (evidence: EvidenceReport) => string> = {
    markdown: formatEvidenceMarkdown,
    html: formatEvidenceHtml,
    json: formatEvidenceJson,
};

interface EvidenceOptions {
    from?: string;
    config?: string[];
    stack?: string;
    stackConfig?: string;
    known?: boolean;
    timeout: number;
    format: EvidenceFormat;
    out?: string;
    policyPack: string;
}

function readText(file: string, what: string): string {
    try {
        return fs.readFileSync(file, "utf8");
    } catch (e) {
        throw new UsageError(`Cannot read ${what} ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
}

/** The run the evidence is about: a saved JSON report, a program (preview) or a stack export (audit). */
async function evidenceRun(target: string | undefined, options: EvidenceOptions, packGiven: boolean): Promise<RunReport> {
    if (options.from !== undefined) {
        if (target !== undefined) throw new UsageError(`Give either a target (${target}) or --from ${options.from}, not both`);
        const runOnly = [options.config && "--config", options.stack && "--stack", options.stackConfig && "--stack-config", options.known && "--known", packGiven && "--policy-pack"].filter(Boolean);
        if (runOnly.length > 0) throw new UsageError(`${runOnly.join(", ")} ${runOnly.length === 1 ? "applies" : "apply"} to a run; --from reads a report that was already run`);
        return parseJsonReport(readText(options.from, "report"), options.from);
    }
    if (target === undefined) throw new UsageError("Give a program directory, a stack export file, or --from <report.json>");
    let isDir: boolean;
    try {
        isDir = fs.statSync(target).isDirectory();
    } catch (e) {
        throw new UsageError(`Cannot read ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    if (isDir) {
        const stack = await previewProgram(target, { stack: options.stack ?? "dev", stackConfigFile: options.stackConfig, known: options.known === true, timeoutMs: options.timeout * 1000 });
        return evaluate(stack, options);
    }
    const programOnly = [options.stack && "--stack", options.stackConfig && "--stack-config", options.known && "--known"].filter(Boolean);
    if (programOnly.length > 0) throw new UsageError(`${programOnly.join(", ")} ${programOnly.length === 1 ? "applies" : "apply"} to a program directory; ${target} is a file (a stack export)`);
    const exported = parseStackExport(readText(target, "stack export"), target);
    return evaluate({ mode: "audit", target, ...exported }, options);
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
const positiveInt = (value: string) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError("must be a whole number of 1 or more");
    return n;
};

function sharedRunOptions(command: Command): Command {
    return command
        .option("-c, --config <file>", "policy-pack config (Pulumi's --policy-pack-config format); repeat to layer files", collect)
        .addOption(new Option("-f, --format <format>", "output format").choices(REPORT_FORMATS).default("text"))
        .option("-o, --out <file>", "write the report to a file instead of stdout")
        .option("--policy-pack <dir>", "the policy pack to run (any CrossGuard pack)", PACK_DIR);
}

export function buildProgram(setExitCode: (code: number) => void): Command {
    const program = new Command()
        .name("msp-guard")
        .description("Check Pulumi programs and exported stacks against CISA AA22-131A, offline: no cloud credentials, no Pulumi CLI.")
        .version(VERSION)
        .showHelpAfterError()
        .exitOverride();

    sharedRunOptions(
        program
            .command("preview")
            .description("Run a Pulumi program with mocked providers, as a first `pulumi preview` sees it, and check it with the pack.")
            .argument("<program-dir>", "directory with Pulumi.yaml (runtime nodejs)")
            .option("-s, --stack <name>", "stack name (reads Pulumi.<stack>.yaml)", "dev")
            .option("--stack-config <file>", "stack config file instead of Pulumi.<stack>.yaml")
            .option("--known", "treat outputs of new resources as known values (as after `pulumi up`) instead of unknown")
            .option("--timeout <seconds>", "stop a program that runs longer than this", positiveInt, 120)
            .addHelpText("after", "\nExamples:\n  msp-guard preview ./infra\n  msp-guard preview ./infra --stack prod --config msp-guard.json --format json --out report.json\n  msp-guard preview ./infra --format sarif --out msp-guard.sarif   # GitHub code scanning\n  msp-guard preview ./infra --known"),
    ).action(async (dir: string, options: RunOptions & { stack: string; stackConfig?: string; known?: boolean; timeout: number }) => {
        const stack = await previewProgram(dir, { stack: options.stack, stackConfigFile: options.stackConfig, known: options.known === true, timeoutMs: options.timeout * 1000 });
        setExitCode(await evaluateAndReport(stack, options));
    });

    sharedRunOptions(
        program
            .command("audit")
            .description("Check the state in a `pulumi stack export` file, as `pulumi policy analyze` does against a live stack.")
            .argument("<stack-export>", "JSON written by `pulumi stack export`")
            .addHelpText("after", "\nExamples:\n  pulumi stack export --file prod.json && msp-guard audit prod.json\n  msp-guard audit prod.json --config msp-guard.json --format json --out evidence.json\n  msp-guard audit prod.json --format html --out evidence.html\n  msp-guard audit prod.json --format junit --out msp-guard.xml   # CI test reporters"),
    ).action(async (file: string, options: RunOptions) => {
        let text: string;
        try {
            text = fs.readFileSync(file, "utf8");
        } catch (e) {
            throw new UsageError(`Cannot read stack export ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
        }
        const exported = parseStackExport(text, file);
        setExitCode(await evaluateAndReport({ mode: "audit", target: file, ...exported }, options));
    });

    program
        .command("report")
        .description("The evidence report per AA22-131A recommendation: what was checked, passed, failed and exempted, and what needs attestation.")
        .argument("[target]", "a program directory (runs preview) or a `pulumi stack export` file (runs audit)")
        .option("--from <report.json>", "build the evidence from a saved `--format json` report instead of running the pack")
        .option("-c, --config <file>", "policy-pack config (Pulumi's --policy-pack-config format); repeat to layer files", collect)
        .option("-s, --stack <name>", "program directories: stack name (reads Pulumi.<stack>.yaml; default dev)")
        .option("--stack-config <file>", "program directories: stack config file instead of Pulumi.<stack>.yaml")
        .option("--known", "program directories: treat outputs of new resources as known values instead of unknown")
        .option("--timeout <seconds>", "program directories: stop a program that runs longer than this", positiveInt, 120)
        .addOption(new Option("-f, --format <format>", "output format").choices(EVIDENCE_FORMATS).default("markdown"))
        .option("-o, --out <file>", "write the report to a file instead of stdout")
        .option("--policy-pack <dir>", "the policy pack to run (any CrossGuard pack)", PACK_DIR)
        .addHelpText("after", "\nExamples:\n  msp-guard report ./infra --config msp-guard.json --out evidence.md\n  msp-guard report prod.json --config msp-guard.json --format html --out evidence.html\n  msp-guard audit prod.json --format json --out run.json && msp-guard report --from run.json --format html")
        .action(async (target: string | undefined, options: EvidenceOptions, command: Command) => {
            const report = await evidenceRun(target, options, command.getOptionValueSource("policyPack") === "cli");
            const evidence = buildEvidence(report, { packName: PACK_NAME, policies });
            write(EVIDENCE_FORMATTERS[options.format](evidence), options.out);
            setExitCode(exitCodeOf(report.findings));
        });

    program
        .command("policies")
        .description("List the pack's policies with severity, default enforcement and AA22-131A recommendations.")
        .addOption(new Option("-f, --format <format>", "output format").choices(["text", "json", "markdown"]).default("text"))
        .addHelpText("after", "\nExamples:\n  msp-guard policies\n  msp-guard policies --format markdown > POLICIES.md")
        .action((options: { format: string }) => {
            const text = options.format === "json" ? formatPoliciesJson(policies) : options.format === "markdown" ? formatPoliciesMarkdown(policies) : formatPoliciesText(policies);
            process.stdout.write(text);
        });

    program
        .command("examples")
        .description("Preview every example stack in a folder and compare its findings with its expected.json (what `npm start` runs).")
        .argument("[dir]", "folder of example programs", path.join(PACK_DIR, "examples"))
        .option("-v, --verbose", "print each example's full report")
        .option("--policy-pack <dir>", "the policy pack to run", PACK_DIR)
        .action(async (dir: string, options: { verbose?: boolean; policyPack: string }) => {
            if (!fs.existsSync(dir)) throw new UsageError(`No such folder: ${dir}`);
            const lines: string[] = [];
            let failed = 0;
            for (const example of exampleDirs(dir)) {
                const result = await runExample(example, path.resolve(options.policyPack));
                if (options.verbose) process.stdout.write(formatText(result.report, painterFor(process.stdout)) + "\n");
                lines.push(exampleLine(result));
                if (result.missing.length + result.unexpected.length > 0) failed++;
            }
            // One line per example, together at the end, so the verdict is not lost among the reports.
            process.stdout.write(`${options.verbose ? "Examples:\n" : ""}${lines.join("\n")}\n`);
            setExitCode(failed > 0 ? 1 : 0);
        });

    const config = program.command("config").description("Work with policy-pack config files.");
    config
        .command("init")
        .description("Write a complete --policy-pack-config file: every policy, with every shared setting it reads.")
        .option("--msp-account <id>", "AWS account id of a current MSP (repeatable)", collect)
        .option("--trusted-account <id>", "AWS account id of the customer's own organization (repeatable)", collect)
        .option("--partner-account <id>", "AWS account id of another allowed third party (repeatable)", collect)
        .option("--msp-tenant <id>", "Azure AD tenant id of a current MSP (repeatable)", collect)
        .option("--msp-principal <id>", "object id of an MSP user, group or service principal (repeatable)", collect)
        .option("--msp-cidr <cidr>", "an MSP management source network (repeatable)", collect)
        .option("--msp-identity-tag <key>", "tag key that marks MSP identities")
        .option("--msp-iam-path <prefix>", "IAM path that marks MSP identities")
        .option("--access-zone-tag <key=value>", "tag that marks the MSP access zone")
        .option("--log-retention-days <days>", "minimum security-log retention", positiveInt)
        .option("--backup-retention-days <days>", "minimum backup retention", positiveInt)
        .addOption(new Option("--level <level>", "enforcement level for every policy (default: each policy's own)").choices(["advisory", "mandatory", "disabled"]))
        .option("-o, --out <file>", "write to a file instead of stdout")
        .addHelpText("after", "\nExamples:\n  msp-guard config init --msp-account 111122223333 --trusted-account 444455556666 --out msp-guard.json\n  msp-guard config init --msp-tenant 2f4a9838-26b7-47ee-be60-ccc1fdec5953 --msp-cidr 203.0.113.0/24 --level mandatory")
        .action((o: Record<string, unknown>) => {
            const values: SharedValues = {
                mspAccountIds: o.mspAccount,
                trustedAccountIds: o.trustedAccount,
                partnerAccountIds: o.partnerAccount,
                mspTenantIds: o.mspTenant,
                mspPrincipalIds: o.mspPrincipal,
                mspSourceCidrs: o.mspCidr,
                mspIdentityTag: o.mspIdentityTag,
                mspIamPathPrefix: o.mspIamPath,
                accessZoneTag: o.accessZoneTag,
                logRetentionDays: o.logRetentionDays,
                backupRetentionDays: o.backupRetentionDays,
            };
            const problems = validateSharedValues(values);
            if (problems.length > 0) throw new UsageError(problems.join("\n"));
            write(JSON.stringify(buildPolicyPackConfig(policies, values, o.level as string | undefined), null, 2) + "\n", o.out as string | undefined);
        });

    return program;
}

function validateSharedValues(values: SharedValues): string[] {
    const problems: string[] = [];
    for (const [key, value] of Object.entries(values)) {
        if (value === undefined) continue;
        const schema = shared[key as keyof typeof shared].schema as { pattern?: string; items?: { pattern?: string } };
        const pattern = schema.items?.pattern ?? schema.pattern;
        if (!pattern) continue;
        for (const v of Array.isArray(value) ? value : [value]) {
            if (!new RegExp(pattern).test(String(v))) problems.push(`${key}: ${JSON.stringify(v)} does not match ${pattern}`);
        }
    }
    return problems;
}

export async function main(argv: string[]): Promise<number> {
    let exitCode = 0;
    const program = buildProgram((code) => (exitCode = code));
    try {
        await program.parseAsync(argv, { from: "user" });
        return exitCode;
    } catch (error) {
        const code = (error as { code?: string }).code;
        if (code === "commander.helpDisplayed" || code === "commander.version" || code === "commander.help") return 0;
        if (typeof code === "string" && code.startsWith("commander.")) return 2; // commander already printed why
        if (error instanceof AbortedError) {
            process.stderr.write("Interrupted; the policy pack was shut down.\n");
            return 130;
        }
        const known = [UsageError, ReportInputError, StackExportError, PolicyConfigError, ProgramError, PackStartError, PackExitedError];
        if (known.some((k) => error instanceof k)) {
            process.stderr.write(`msp-guard: ${(error as Error).message}\n`);
            return 2;
        }
        process.stderr.write(`msp-guard: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
        return 2;
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then((code) => {
        process.exitCode = code;
    });
}
