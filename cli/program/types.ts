// The data a program run produces: every resource registration as the Pulumi engine sees it.

/**
 * A property value in the engine's wire encoding (a protobuf Struct value, JSON-like), exactly as the engine sends it
 * to an analyzer in `AnalyzeRequest.properties`: unknowns as the string sentinel `UNKNOWN` (see `wire.ts`), secrets as
 * `{ [SIG_KEY]: SECRET_SIG, value }`, resource references as the referenced resource's id (custom resources; the
 * unknown sentinel while the id is unknown) or urn (components).
 */
export type WireValue = null | boolean | number | string | WireValue[] | WireObject;
export interface WireObject {
    [key: string]: WireValue;
}

/** Custom timeouts in seconds, as the engine parses the program's Go-style durations ("5m", "1h30m"). */
export interface CustomTimeouts {
    create?: number;
    update?: number;
    delete?: number;
}

export interface CapturedOptions {
    protect: boolean;
    ignoreChanges: string[];
    /** Alias urns, specs resolved the way the engine resolves them (parent aliases included). */
    aliases: string[];
    /** Present only when the program set it. */
    deleteBeforeReplace?: boolean;
    additionalSecretOutputs: string[];
    /** Present only when at least one timeout is set. */
    customTimeouts?: CustomTimeouts;
}

export interface CapturedResource {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    /** Parent urn. The root `pulumi:pulumi:Stack` and default providers have none. */
    parent?: string;
    /** Provider reference `"<provider urn>::<provider id>"` for custom resources, explicit or default. */
    provider?: string;
    dependencies: string[];
    /** Every input property the program set, with the urns it depends on (possibly none), as in the engine's state. */
    propertyDependencies: Record<string, string[]>;
    options: CapturedOptions;
    /** The inputs of the RegisterResource request (after transforms), in the analyzer wire encoding. */
    inputs: Record<string, WireValue>;
    /**
     * The state the run settled on: for custom resources the inputs, plus plausible computed outputs (arn, name, ...)
     * with `known: true`; for components and the stack, what they registered as outputs.
     */
    outputs: Record<string, WireValue>;
    /** The resource id when known (with `known: true`, or for the providers a run creates outside preview). */
    id?: string;
}

export interface RunOptions {
    /** Stack name; default `dev`. */
    stack?: string;
    /** Stack config file; default `Pulumi.<stack>.yaml` beside `Pulumi.yaml` (or in its `stackConfigDir`). */
    stackConfigFile?: string;
    /** Outputs of new resources are known (as in `pulumi up`) instead of unknown (as in a first `pulumi preview`). */
    known?: boolean;
    /** Kill the program after this many milliseconds; default 60 000. */
    timeoutMs?: number;
    /** Type-check the program with its tsconfig before running it (slow on large SDK typings). */
    typecheck?: boolean;
    /** Called with the pid of the child process that runs the program (diagnostics and tests). */
    onSpawn?: (pid: number) => void;
}

export interface RunResult {
    project: string;
    stack: string;
    resources: CapturedResource[];
}
