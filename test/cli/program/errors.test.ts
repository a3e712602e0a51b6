// Programs that do not compile, throw, exit, hang or fail a registration yield a ProgramError that names the file,
// line and column of the program's own source (never a frame of ours), and leave no process behind.
import * as path from "path";
import { ProgramError, ProgramErrorData } from "../../../cli/program/errors";
import { runProgram } from "../../../cli/program/run";
import type { RunOptions } from "../../../cli/program/types";

const PROGRAMS = path.resolve(__dirname, "../../fixtures/programs");

function isAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

/** Runs a program that must fail; returns the error data and the pids it spawned. */
async function failure(program: string, opts: RunOptions = {}): Promise<{ error: ProgramError; pids: number[] }> {
    const pids: number[] = [];
    try {
        await runProgram(path.join(PROGRAMS, program), { ...opts, onSpawn: (pid) => pids.push(pid) });
    } catch (e) {
        if (e instanceof ProgramError) return { error: e, pids };
        throw e;
    }
    throw new Error(`${program} was expected to fail`);
}

const at = (program: string, file: string, line: number, column: number) => ({
    file: path.join(PROGRAMS, program, file),
    line,
    column,
});

describe("failing programs", () => {
    const cases: { name: string; program: string; opts?: RunOptions; expected: ProgramErrorData }[] = [
        {
            name: "a TypeScript syntax error names the file, line and column",
            program: "syntax-error",
            expected: { kind: "syntax", detail: "Property assignment expected.", ...at("syntax-error", "index.cts", 6, 1) },
        },
        {
            name: "a throw at top level is located in the TypeScript source",
            program: "throws",
            expected: { kind: "exception", detail: "refusing to deploy to eu-west-1", ...at("throws", "index.ts", 6, 11) },
        },
        {
            name: "a throw inside an apply is located where it is thrown",
            program: "apply-throws",
            expected: {
                kind: "exception",
                detail: 'error serializing property "bucket": bucket name audit-logs is reserved',
                ...at("apply-throws", "index.ts", 9, 19),
            },
        },
        {
            name: "process.exit(3) is reported where the program calls it",
            program: "exits",
            expected: { kind: "exit", detail: "the program called process.exit(3)", ...at("exits", "index.ts", 6, 13) },
        },
        {
            name: "a registration the engine rejects (duplicate urn) is located at the resource",
            program: "duplicate-urn",
            expected: {
                kind: "exception",
                detail:
                    "failed to register new resource logs [aws:s3/bucket:Bucket]: Duplicate resource URN " +
                    "'urn:pulumi:dev::duplicate-urn::aws:s3/bucket:Bucket::logs'; try giving it a unique name",
                ...at("duplicate-urn", "index.ts", 4, 1),
            },
        },
        {
            name: "pulumi.log.error fails the run, like the CLI",
            program: "logs-error",
            expected: { kind: "log", detail: "the audit bucket needs an owner tag", ...at("logs-error", "index.ts", 6, 12) },
        },
        {
            name: "with typecheck, a type error names the file, line and column",
            program: "type-error",
            opts: { typecheck: true },
            expected: { kind: "type", detail: "Type 'string' is not assignable to type 'number'.", ...at("type-error", "index.cts", 5, 7) },
        },
        {
            name: "a process that dies without a report is a crash",
            program: "killed",
            expected: {
                kind: "crash",
                detail: "the program's process was killed by SIGKILL without reporting a result",
                file: path.join(PROGRAMS, "killed", "index.ts"),
            },
        },
        {
            name: "an endless loop is killed at the timeout",
            program: "endless",
            opts: { timeoutMs: 2500 },
            expected: {
                kind: "timeout",
                detail: "the program did not finish within 2500 ms and was stopped",
                file: path.join(PROGRAMS, "endless", "index.ts"),
            },
        },
    ];

    it.each(cases)("$name", async ({ program, opts, expected }) => {
        const { error, pids } = await failure(program, opts);
        const position = expected.line === undefined ? "" : `:${expected.line}:${expected.column}`;
        expect(error.message).toBe(`${path.relative(process.cwd(), expected.file ?? "")}${position}: ${expected.detail}`);
        expect(error.toJSON()).toEqual(expected);
        expect(error.stack).toBe(`ProgramError: ${error.message}`);
        expect(pids).toHaveLength(1);
        expect(isAlive(pids[0])).toBe(false);
    });

    it("a program with no entry point fails before any process starts", async () => {
        const { error, pids } = await failure("no-main");
        expect(error.kind).toBe("missing-main");
        expect(error.message).toContain("no index.ts, index.js or package.json main");
        expect(pids).toEqual([]);
    });

    it("without typecheck, a program with a type error runs (types are erased, as with Pulumi's transpile-only mode)", async () => {
        const result = await runProgram(path.join(PROGRAMS, "type-error"));
        expect(result.resources.map((r) => r.outputs)).toEqual([{ days: "thirty" }]);
    });
});
