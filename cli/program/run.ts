// runProgram: runs a Pulumi program in a child Node process (the SDK keeps global state, and a program may exit,
// loop or throw) and returns every resource registration, or throws a ProgramError that names the file and line.
// The child is killed on timeout, and no process of the run outlives it: the child leads its own process group, which
// is killed once the run settles.

import { spawn } from "child_process";
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import type { Readable } from "stream";
import { ProgramError, ProgramErrorData } from "./errors";
import { loadProjectJob } from "./project";
import { ChildMessage, JOB_ENV, REPORT_FD } from "./protocol";
import type { RunOptions, RunResult } from "./types";

export const DEFAULT_TIMEOUT_MS = 60_000;
/** How long a child that reported may take to exit before it is killed. */
const EXIT_GRACE_MS = 2_000;
/** How much of the program's own stdout/stderr is kept for diagnostics. */
const OUTPUT_LIMIT = 64 * 1024;

/** Runs the program in `dir` and captures its resource registrations. Throws ProgramError for a failing program. */
export async function runProgram(dir: string, opts: RunOptions = {}): Promise<RunResult> {
    const job = loadProjectJob(dir, opts);
    const command = childCommand();
    const child = spawn(process.execPath, [...job.nodeArgs, ...command], {
        cwd: job.projectDir,
        env: childEnvironment(JSON.stringify(job)),
        stdio: ["ignore", "pipe", "pipe", "pipe"],
        detached: process.platform !== "win32",
        windowsHide: true,
    });
    const pid = child.pid;
    let settled = false;
    const killGroup = (): void => {
        if (pid === undefined || settled) return;
        try {
            if (process.platform === "win32") child.kill("SIGKILL");
            else process.kill(-pid, "SIGKILL");
        } catch {
            // already gone
        }
    };
    process.once("exit", killGroup);
    if (pid !== undefined) opts.onSpawn?.(pid);

    const output = { stdout: "", stderr: "" };
    const keep = (stream: Readable | null, key: "stdout" | "stderr"): void => {
        stream?.setEncoding("utf8");
        stream?.on("data", (chunk: string) => {
            if (output[key].length < OUTPUT_LIMIT) output[key] += chunk.slice(0, OUTPUT_LIMIT - output[key].length);
        });
    };
    keep(child.stdout, "stdout");
    keep(child.stderr, "stderr");

    let message: ChildMessage | undefined;
    let reportText = "";
    const reports = child.stdio[REPORT_FD] as Readable | null;
    reports?.setEncoding("utf8");
    reports?.on("data", (chunk: string) => {
        reportText += chunk;
        let newline: number;
        while ((newline = reportText.indexOf("\n")) >= 0) {
            const line = reportText.slice(0, newline);
            reportText = reportText.slice(newline + 1);
            if (message !== undefined || line.trim() === "") continue;
            try {
                message = JSON.parse(line) as ChildMessage;
            } catch {
                // not a report of ours: treated as no report at all
            }
        }
        if (message !== undefined) setTimeout(killGroup, EXIT_GRACE_MS).unref();
    });

    const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    let timedOut = false;
    const timer = setTimeout(() => {
        timedOut = true;
        killGroup();
    }, timeoutMs);

    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; error?: Error }>((resolve) => {
        child.once("error", (error) => resolve({ code: null, signal: null, error }));
        child.once("close", (code, signal) => resolve({ code, signal }));
    });
    clearTimeout(timer);
    killGroup(); // anything the program left running in its group
    settled = true; // the group's id may be reused from now on: no later kill
    process.removeListener("exit", killGroup);

    if (message?.kind === "result") return { project: job.project, stack: job.stack, resources: message.resources };
    if (message?.kind === "error") throw new ProgramError(message.error);
    if (timedOut) {
        throw new ProgramError({
            kind: "timeout",
            detail: `the program did not finish within ${timeoutMs} ms and was stopped`,
            file: job.mainFile,
        });
    }
    throw new ProgramError(crash(job.mainFile, exit, output.stderr));
}

function crash(
    mainFile: string,
    exit: { code: number | null; signal: NodeJS.Signals | null; error?: Error },
    stderr: string,
): ProgramErrorData {
    const how = exit.error !== undefined ? `could not start: ${exit.error.message}` : exit.signal !== null ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
    const tail = stderr.trim().split("\n").slice(-5).join("\n");
    return { kind: "crash", detail: `the program's process ${how} without reporting a result${tail === "" ? "" : `:\n${tail}`}`, file: mainFile };
}

/** The environment of the child: ours without Pulumi's language-host variables, plus the job and a module fallback. */
function childEnvironment(job: string): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) {
        if (key.startsWith("PULUMI_NODEJS_") || key.startsWith("PULUMI_CONFIG")) continue;
        env[key] = value;
    }
    env[JOB_ENV] = job;
    // A program without its own node_modules still finds @pulumi/* in ours (Node reads NODE_PATH last).
    const ownModules = ownNodeModules();
    if (ownModules !== undefined) env.NODE_PATH = [env.NODE_PATH, ownModules].filter((p) => p !== undefined && p !== "").join(path.delimiter);
    return env;
}

function ownNodeModules(): string | undefined {
    try {
        return path.resolve(path.dirname(require.resolve("@pulumi/pulumi/package.json")), "..", "..");
    } catch {
        return undefined;
    }
}

/**
 * The child entry: the compiled child.js beside us, or, running from the TypeScript sources (tests), the sources
 * transpiled once into a temporary directory named by their content hash, so every child starts as fast as the
 * compiled one.
 */
function childCommand(): string[] {
    const compiled = path.join(__dirname, "child.js");
    return [fs.existsSync(compiled) ? compiled : transpiledChild()];
}

function transpiledChild(): string {
    const sources = fs
        .readdirSync(__dirname)
        .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
        .sort();
    const hash = createHash("sha256");
    for (const file of sources) hash.update(file).update(fs.readFileSync(path.join(__dirname, file)));
    const dir = path.join(os.tmpdir(), `msp-guard-program-child-${hash.digest("hex").slice(0, 16)}`);
    const entry = path.join(dir, "child.js");
    if (fs.existsSync(entry)) return entry;
    const ts: typeof import("typescript") = require("typescript");
    const staging = fs.mkdtempSync(`${dir}-`);
    for (const file of sources) {
        const source = fs.readFileSync(path.join(__dirname, file), "utf8");
        const output = ts.transpileModule(source, {
            fileName: file,
            compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        });
        fs.writeFileSync(path.join(staging, file.replace(/\.ts$/, ".js")), output.outputText);
    }
    try {
        fs.renameSync(staging, dir);
    } catch {
        fs.rmSync(staging, { recursive: true, force: true }); // another run got there first
    }
    return entry;
}
