// The program runner of the offline command: run a Pulumi program on Pulumi's own Node.js runtime against a stand-in
// engine and capture every resource registration as the engine sees it.

export { runProgram, DEFAULT_TIMEOUT_MS } from "./run";
export { ProgramError, formatProgramError } from "./errors";
export type { ProgramErrorData, ProgramErrorKind } from "./errors";
export type { CapturedOptions, CapturedResource, CustomTimeouts, RunOptions, RunResult, WireObject, WireValue } from "./types";
export { UNKNOWN, SIG_KEY, SECRET_SIG, isSecret, isUnknown } from "./wire";
export { SECRET_PLACEHOLDER, DEFAULT_STACK } from "./project";
export { renderPolicyDocument } from "./policy-document";
