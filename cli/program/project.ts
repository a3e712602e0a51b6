// A Pulumi program directory: its Pulumi.yaml (name, runtime, main, project config), its stack config file and its
// entry point, read the way the Pulumi CLI and the Node.js language host read them, into the job for the child.

import * as fs from "fs";
import * as path from "path";
import { parseDocument } from "yaml";
import { ProgramError } from "./errors";
import type { ChildJob } from "./protocol";

/** What a `secure:` config value becomes offline, where it cannot be decrypted. It is marked secret like the real one. */
export const SECRET_PLACEHOLDER = "[secret]";
export const DEFAULT_STACK = "dev";
/** The organization the local backend reports. */
export const DEFAULT_ORGANIZATION = "organization";

export interface ProjectJobOptions {
    stack?: string;
    stackConfigFile?: string;
    known?: boolean;
    typecheck?: boolean;
}

export function loadProjectJob(dir: string, opts: ProjectJobOptions): ChildJob {
    const projectDir = path.resolve(dir);
    const projectFile = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(projectDir, f)).find((f) => fs.existsSync(f));
    if (projectFile === undefined) {
        throw new ProgramError({ kind: "project", detail: `no Pulumi.yaml in ${projectDir}`, file: path.join(projectDir, "Pulumi.yaml") });
    }
    const manifest = readYaml(projectFile, "project");
    if (!isRecord(manifest)) throw new ProgramError({ kind: "project", detail: "Pulumi.yaml must be a mapping", file: projectFile });
    const name = manifest.name;
    if (typeof name !== "string" || name === "") {
        throw new ProgramError({ kind: "project", detail: "Pulumi.yaml has no project name (`name`)", file: projectFile });
    }
    const runtime = manifest.runtime;
    const runtimeName = isRecord(runtime) ? runtime.name : runtime;
    if (runtimeName !== "nodejs") {
        throw new ProgramError({
            kind: "project",
            detail: `runtime ${JSON.stringify(runtimeName ?? null)} is not supported: only nodejs programs can be run`,
            file: projectFile,
        });
    }
    const runtimeOptions = isRecord(runtime) && isRecord(runtime.options) ? runtime.options : {};

    const stack = opts.stack ?? DEFAULT_STACK;
    const stackConfigDir = typeof manifest.stackConfigDir === "string" ? path.resolve(projectDir, manifest.stackConfigDir) : projectDir;
    const stackFile = opts.stackConfigFile !== undefined ? path.resolve(opts.stackConfigFile) : path.join(stackConfigDir, `Pulumi.${stack}.yaml`);
    if (opts.stackConfigFile !== undefined && !fs.existsSync(stackFile)) {
        throw new ProgramError({ kind: "config", detail: `stack config file ${stackFile} does not exist`, file: stackFile });
    }
    const config = new StackConfig(name);
    config.addProjectDefaults(manifest.config, projectFile);
    if (fs.existsSync(stackFile)) config.addStackFile(stackFile);

    const typescript = runtimeOptions.typescript !== false && runtimeOptions.typescript !== "false";
    const tsconfigOption = typeof runtimeOptions.tsconfig === "string" ? runtimeOptions.tsconfig : undefined;
    const defaultTsconfig = path.join(projectDir, "tsconfig.json");
    return {
        projectDir,
        mainFile: resolveMain(projectDir, typeof manifest.main === "string" ? manifest.main : undefined, typescript),
        project: name,
        stack,
        organization: DEFAULT_ORGANIZATION,
        dryRun: opts.known !== true,
        config: config.values,
        secretKeys: [...config.secretKeys],
        typescript,
        ...(tsconfigOption !== undefined
            ? { tsconfigPath: path.resolve(projectDir, tsconfigOption) }
            : fs.existsSync(defaultTsconfig)
              ? { tsconfigPath: defaultTsconfig }
              : {}),
        typecheck: opts.typecheck === true,
        pulumiRoot: resolvePulumiRoot(projectDir),
        nodeArgs: typeof runtimeOptions.nodeargs === "string" ? runtimeOptions.nodeargs.split(/\s+/).filter((a) => a !== "") : [],
    };
}

/**
 * The entry module: Pulumi.yaml `main` (a file, or a directory), else the program directory's package.json
 * `exports`/`main`, else the directory itself; a directory resolves as Node resolves it (index.js before index.ts).
 * Unlike the language host, a package.json above the program directory is not consulted.
 */
function resolveMain(projectDir: string, main: string | undefined, typescript: boolean): string {
    const extensions = typescript ? [".js", ".json", ".node", ".ts", ".tsx", ".cts"] : [".js", ".json", ".node"];
    let entry = path.resolve(projectDir, main ?? ".");
    if (main === undefined) {
        const fromPackage = packageEntry(projectDir);
        if (fromPackage !== undefined && fs.existsSync(path.resolve(projectDir, fromPackage))) entry = path.resolve(projectDir, fromPackage);
    }
    // A directory is required as a directory (cmd/run appends "/"), never as an adjacent "<dir>.js".
    const file = isDirectory(entry)
        ? directoryIndex(entry, extensions)
        : [entry, ...extensions.map((e) => entry + e)].find(isFile);
    if (file === undefined) {
        const what = main !== undefined ? `main entry ${JSON.stringify(main)} (Pulumi.yaml)` : "index.ts, index.js or package.json main";
        throw new ProgramError({ kind: "missing-main", detail: `the program has no entry point: no ${what} in ${projectDir}`, file: entry });
    }
    return file;
}

function directoryIndex(dir: string, extensions: string[]): string | undefined {
    return extensions.map((e) => path.join(dir, "index" + e)).find(isFile);
}

function packageEntry(dir: string): string | undefined {
    const manifest = path.join(dir, "package.json");
    if (!fs.existsSync(manifest)) return undefined;
    let parsed: unknown;
    try {
        parsed = JSON.parse(fs.readFileSync(manifest, "utf8"));
    } catch {
        return undefined;
    }
    if (!isRecord(parsed)) return undefined;
    const exported = parsed.exports;
    if (typeof exported === "string") return exported;
    if (isRecord(exported)) {
        const root = exported["."];
        if (typeof root === "string") return root;
        if (isRecord(root)) {
            for (const key of ["default", "require", "import"]) if (typeof root[key] === "string") return root[key] as string;
        }
    }
    return typeof parsed.main === "string" ? parsed.main : undefined;
}

/** The program's own @pulumi/pulumi when it resolves one, else ours. */
function resolvePulumiRoot(projectDir: string): string {
    for (const from of [projectDir, __dirname]) {
        try {
            return path.dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [from] }));
        } catch {
            // try the next location
        }
    }
    throw new ProgramError({ kind: "project", detail: "@pulumi/pulumi cannot be resolved from the program or from msp-guard" });
}

/** Config as the language host passes it: `namespace:key` -> string, with the keys holding secrets listed apart. */
class StackConfig {
    readonly values: Record<string, string> = {};
    readonly secretKeys = new Set<string>();

    constructor(private readonly project: string) {}

    /** Pulumi.yaml `config`: a short-form value, or `{ default | value, secret }`, used unless the stack sets the key. */
    addProjectDefaults(config: unknown, file: string): void {
        if (config === undefined || config === null) return;
        if (!isRecord(config)) throw new ProgramError({ kind: "project", detail: "`config` in Pulumi.yaml must be a mapping", file });
        for (const [rawKey, declaration] of Object.entries(config)) {
            const key = this.qualify(rawKey);
            if (isRecord(declaration)) {
                const value = "value" in declaration ? declaration.value : declaration.default;
                if (value === undefined) continue;
                this.set(key, value, declaration.secret === true);
            } else if (declaration !== null && declaration !== undefined) {
                this.set(key, declaration, false);
            }
        }
    }

    /** `Pulumi.<stack>.yaml` `config`: plain values, structured values, `{ secure: <ciphertext> }`. */
    addStackFile(file: string): void {
        const document = readYaml(file, "config");
        if (document === null || document === undefined) return;
        if (!isRecord(document)) throw new ProgramError({ kind: "config", detail: "a stack config file must be a mapping", file });
        const config = document.config;
        if (config === undefined || config === null) return;
        if (!isRecord(config)) throw new ProgramError({ kind: "config", detail: "`config` must be a mapping", file });
        for (const [rawKey, value] of Object.entries(config)) this.set(this.qualify(rawKey), value, false);
    }

    private qualify(key: string): string {
        return key.includes(":") ? key : `${this.project}:${key}`;
    }

    private set(key: string, value: unknown, secret: boolean): void {
        const { text, hasSecret } = configText(value);
        this.values[key] = text;
        if (secret || hasSecret) this.secretKeys.add(key);
        else this.secretKeys.delete(key);
    }
}

/** A config value as its string form: scalars as text, structures as JSON, `secure` values as the placeholder. */
function configText(value: unknown): { text: string; hasSecret: boolean } {
    let hasSecret = false;
    const strip = (v: unknown): unknown => {
        if (isRecord(v) && Object.keys(v).length === 1 && typeof v.secure === "string") {
            hasSecret = true;
            return SECRET_PLACEHOLDER;
        }
        if (Array.isArray(v)) return v.map(strip);
        if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, strip(inner)]));
        return v;
    };
    const plain = strip(value);
    if (typeof plain === "string") return { text: plain, hasSecret };
    if (plain === null || plain === undefined) return { text: "", hasSecret };
    if (typeof plain === "number" || typeof plain === "boolean") return { text: String(plain), hasSecret };
    return { text: JSON.stringify(plain), hasSecret };
}

function readYaml(file: string, kind: "project" | "config"): unknown {
    const document = parseDocument(fs.readFileSync(file, "utf8"));
    const error = document.errors[0];
    if (error !== undefined) {
        const position = error.linePos?.[0];
        throw new ProgramError({
            kind,
            detail: error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, ""),
            file,
            ...(position === undefined ? {} : { line: position.line, column: position.col }),
        });
    }
    return document.toJS();
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isFile(file: string): boolean {
    try {
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}

function isDirectory(file: string): boolean {
    try {
        return fs.statSync(file).isDirectory();
    } catch {
        return false;
    }
}
