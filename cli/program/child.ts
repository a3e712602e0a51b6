// The child process that runs one Pulumi program, as `pulumi-language-nodejs` would (cmd/run): config and project
// settings in the environment, the program's own @pulumi/pulumi with our monitor installed in place of the engine,
// the entry module required inside the root `pulumi:pulumi:Stack`, its exported function called, and the run
// finished when the event loop drains (so that work scheduled in `beforeExit`, as @pulumi/aws does, still counts).
// It reports either every registration or one located error, then exits; it never prints a stack of its own.

import * as fs from "fs";
import * as path from "path";
import type { ProgramErrorData } from "./errors";
import { Monitor } from "./monitor";
import { ChildJob, ChildMessage, JOB_ENV, REPORT_FD } from "./protocol";
import { loadSdk } from "./sdk";
import { installTypeScriptHook, loadCompilerOptions, LocatedError, SourceMaps, typeCheck } from "./typescript";

function report(message: ChildMessage): void {
    const bytes = Buffer.from(JSON.stringify(message) + "\n", "utf8");
    let offset = 0;
    while (offset < bytes.length) {
        try {
            offset += fs.writeSync(REPORT_FD, bytes, offset, bytes.length - offset);
        } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
        }
    }
}

/** The first stack frame in the program's own files (not node_modules), mapped back to the TypeScript source. */
function programFrame(stack: string | undefined, job: ChildJob, maps: SourceMaps): Partial<ProgramErrorData> {
    for (const line of (stack ?? "").split("\n")) {
        const m = /^\s*at (?:.*? \()?(?:file:\/\/)?(.+?):(\d+):(\d+)\)?\s*$/.exec(line);
        if (m === null || !path.isAbsolute(m[1])) continue;
        const file = m[1];
        const relative = path.relative(job.projectDir, file);
        if (relative.startsWith("..") || path.isAbsolute(relative) || relative.split(path.sep).includes("node_modules")) continue;
        return { file, ...maps.original(file, Number(m[2]), Number(m[3])) };
    }
    return { file: job.mainFile };
}

/** Node's own SyntaxError for a JavaScript file: "file:line", the source line, a caret line, then the message. */
function javaScriptSyntaxError(e: Error): ProgramErrorData | undefined {
    const [head = "", , caret = ""] = (e.stack ?? "").split("\n");
    const m = /^(.+):(\d+)$/.exec(head);
    if (m === null || !path.isAbsolute(m[1])) return undefined;
    const column = caret.indexOf("^");
    return { kind: "syntax", detail: e.message, file: m[1], line: Number(m[2]), ...(column >= 0 ? { column: column + 1 } : {}) };
}

function describe(e: unknown, job: ChildJob, maps: SourceMaps): ProgramErrorData {
    if (e instanceof LocatedError) return e.data;
    if (e instanceof Error) {
        if (e.name === "SyntaxError") {
            const located = javaScriptSyntaxError(e);
            if (located !== undefined) return located;
        }
        return { kind: "exception", detail: e.message, ...programFrame(e.stack, job, maps) };
    }
    let detail: string;
    try {
        detail = typeof e === "string" ? e : JSON.stringify(e) ?? String(e);
    } catch {
        detail = String(e);
    }
    return { kind: "exception", detail: `the program threw ${detail}`, file: job.mainFile };
}

function main(jobText: string): void {
    const job = JSON.parse(jobText) as ChildJob;
    delete process.env[JOB_ENV];
    const realExit = process.exit.bind(process);
    const maps = new SourceMaps();
    let reported = false;
    const fail = (data: ProgramErrorData): never => {
        if (!reported) {
            reported = true;
            report({ kind: "error", error: data });
        }
        return realExit(2);
    };
    process.on("uncaughtException", (e) => fail(describe(e, job, maps)));
    process.on("unhandledRejection", (e) => fail(describe(e, job, maps)));
    process.exit = ((code?: number | string | null): never =>
        fail({
            kind: "exit",
            detail: `the program called process.exit(${code ?? ""})`,
            ...programFrame(new Error().stack, job, maps),
        })) as typeof process.exit;

    // What the language host sets before the program starts.
    process.env.PULUMI_CONFIG = JSON.stringify(job.config);
    process.env.PULUMI_CONFIG_SECRET_KEYS = JSON.stringify(job.secretKeys);
    process.env.PULUMI_NODEJS_PROJECT = job.project;
    process.env.PULUMI_NODEJS_STACK = job.stack;
    process.env.PULUMI_NODEJS_ORGANIZATION = job.organization;
    process.env.PULUMI_NODEJS_DRY_RUN = String(job.dryRun);
    process.env.PULUMI_NODEJS_ROOT_DIRECTORY = job.projectDir;
    process.chdir(job.projectDir);
    process.argv = [process.argv[0], job.mainFile];

    if (job.typescript) {
        try {
            const ts: typeof import("typescript") = require("typescript");
            const options = loadCompilerOptions(ts, job.tsconfigPath);
            if (job.typecheck) {
                const typeError = typeCheck(ts, options, job.mainFile);
                if (typeError !== undefined) fail(typeError);
            }
            installTypeScriptHook(ts, options, maps);
        } catch (e) {
            fail(describe(e, job, maps));
        }
    }

    const sdk = loadSdk(job.pulumiRoot);
    const monitor = new Monitor(sdk, job);
    sdk.runtime.setMockOptions(monitor, job.project, job.stack, job.dryRun, job.organization);

    const logged: ProgramErrorData[] = [];
    const log = sdk.log as unknown as { error: typeof sdk.log.error };
    const logError = log.error;
    log.error = (message, resource, streamId, ephemeral) => {
        logged.push({ kind: "log", detail: message, ...programFrame(new Error().stack, job, maps) });
        return logError(message, resource, streamId, ephemeral);
    };

    let stackDone = false;
    sdk.runtime
        .runInPulumiStack(async () => {
            const exported: unknown = require(job.mainFile);
            return await (exported instanceof Function ? exported() : exported);
        })
        .then(
            () => {
                stackDone = true;
            },
            (e: unknown) => fail(describe(e, job, maps)),
        );

    // Finish when the event loop drains, after every other `beforeExit` handler (the trick cmd/run uses).
    let finishing = false;
    const finish = async (): Promise<void> => {
        if (finishing) {
            fail({ kind: "exception", detail: "the program ended while a resource registration was still waiting for a value that never resolved", file: job.mainFile });
        }
        finishing = true;
        if (!stackDone) {
            fail({ kind: "exception", detail: "the program ended before its main code finished (it awaits a promise that never settles)", file: job.mainFile });
        }
        await sdk.runtime.disconnect();
        if (logged.length > 0) {
            const more = logged.length > 1 ? ` (and ${logged.length - 1} more logged errors)` : "";
            fail({ ...logged[0], detail: logged[0].detail + more });
        }
        const exitCode = Number(process.exitCode ?? 0);
        if (exitCode !== 0) fail({ kind: "exit", detail: `the program set exit code ${exitCode}`, file: job.mainFile });
        reported = true;
        report({ kind: "result", resources: monitor.resources() });
        realExit(0);
    };
    let armed = false;
    process.on("beforeExit", () => {
        process.nextTick(() => {
            if (armed) return;
            armed = true;
            setImmediate(() => undefined);
            process.on("beforeExit", () => void finish().catch((e: unknown) => fail(describe(e, job, maps))));
        });
    });
}

const jobText = process.env[JOB_ENV];
if (jobText !== undefined) main(jobText);
