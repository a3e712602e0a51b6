// What the runner and the child process that runs a program tell each other. The job travels in an environment
// variable; the child reports on file descriptor 3 with synchronous writes of newline-terminated JSON, so that even a
// report made just before the process exits (process.exit, a fatal error) reaches the runner.

import type { ProgramErrorData } from "./errors";
import type { CapturedResource } from "./types";

export const JOB_ENV = "MSP_GUARD_PROGRAM_JOB";
export const REPORT_FD = 3;

export interface ChildJob {
    projectDir: string;
    /** Absolute path of the entry module. */
    mainFile: string;
    project: string;
    stack: string;
    organization: string;
    dryRun: boolean;
    /** `namespace:key` -> value, as the language host passes config (PULUMI_CONFIG). */
    config: Record<string, string>;
    secretKeys: string[];
    typescript: boolean;
    tsconfigPath?: string;
    typecheck: boolean;
    /** Directory of the @pulumi/pulumi copy to run on. */
    pulumiRoot: string;
    /** Extra arguments for node, from the runtime's `nodeargs` option. */
    nodeArgs: string[];
}

export type ChildMessage = { kind: "result"; resources: CapturedResource[] } | { kind: "error"; error: ProgramErrorData };
