import * as path from "path";

/** Why a program could not be run to completion. */
export type ProgramErrorKind =
    | "project" // Pulumi.yaml missing or invalid, unsupported runtime
    | "config" // stack config file invalid
    | "missing-main" // no entry point
    | "syntax" // a source file does not parse
    | "type" // a type error (only with `typecheck: true`)
    | "exception" // the program threw, or a resource registration or invoke failed
    | "exit" // the program called process.exit or set a failing exit code
    | "log" // the program logged an error through pulumi.log.error
    | "timeout" // the program did not finish in time and was killed
    | "crash"; // the program's process died without a report

/** A program failure as plain data: what crosses from the child process, and what the CLI prints. */
export interface ProgramErrorData {
    kind: ProgramErrorKind;
    /** The program's own message, without location and without any stack trace. */
    detail: string;
    /** Absolute path of the file the failure is located in. */
    file?: string;
    /** 1-based line. */
    line?: number;
    /** 1-based column. */
    column?: number;
}

/**
 * A program that does not load, compile or run. The message names the file and line; the stack is the message
 * itself, so nothing of the runner's own call stack ever reaches a user.
 */
export class ProgramError extends Error implements ProgramErrorData {
    readonly kind: ProgramErrorKind;
    readonly detail: string;
    readonly file?: string;
    readonly line?: number;
    readonly column?: number;

    constructor(data: ProgramErrorData) {
        super(formatProgramError(data));
        this.name = "ProgramError";
        this.kind = data.kind;
        this.detail = data.detail;
        if (data.file !== undefined) this.file = data.file;
        if (data.line !== undefined) this.line = data.line;
        if (data.column !== undefined) this.column = data.column;
        this.stack = `${this.name}: ${this.message}`;
    }

    toJSON(): ProgramErrorData {
        const { kind, detail, file, line, column } = this;
        return {
            kind,
            detail,
            ...(file === undefined ? {} : { file }),
            ...(line === undefined ? {} : { line }),
            ...(column === undefined ? {} : { column }),
        };
    }
}

/** `file:line:column: detail`, with the file relative to the working directory when it lies below it. */
export function formatProgramError(data: ProgramErrorData): string {
    if (data.file === undefined) return data.detail;
    const relative = path.relative(process.cwd(), data.file);
    const shown = relative !== "" && !relative.startsWith("..") && !path.isAbsolute(relative) ? relative : data.file;
    const position = data.line === undefined ? "" : data.column === undefined ? `:${data.line}` : `:${data.line}:${data.column}`;
    return `${shown}${position}: ${data.detail}`;
}
