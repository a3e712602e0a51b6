// Evaluates a stack with a policy pack, the way the Pulumi engine does: start the pack through the policy-pack
// runner, reconcile and send config, ConfigureStack, Analyze every resource (bounded concurrency), then one
// AnalyzeStack with all of them; always shut the pack down, on errors and interrupts too.
import { createHash } from "crypto";
import { PackProcess } from "../driver/pack-process";
import { parsePolicyPackConfig, reconcilePolicyConfig } from "../driver/policy-config";
import type { WireDiagnostic, WirePolicyInfo, WireResource } from "../driver/wire";
import { VERSION } from "../package-root";
import { Finding, RunReport, toFinding } from "./findings";

export interface StackToEvaluate {
    mode: "preview" | "audit";
    target: string;
    /** Preview runs: the program's entry module, relative to `target`. */
    entryFile?: string;
    project: string;
    stack: string;
    /** Resources for Analyze: their inputs. */
    analyze: WireResource[];
    /** Resources for AnalyzeStack: their state (inputs plus known outputs). */
    stackState: WireResource[];
}

export interface EvaluateOptions {
    packDir: string;
    /** Parsed policy-pack-config documents, applied in order. */
    configs: Array<{ source: string; raw: unknown }>;
    onProgress?: (done: number, total: number) => void;
    /** Aborting shuts the pack down and rejects. */
    signal?: AbortSignal;
    concurrency?: number;
    /** Told the pack's process id once it serves (tests, diagnostics). */
    onPackStarted?: (pid: number | undefined) => void;
}

const TOOL = { name: "msp-guard", version: VERSION };

export class AbortedError extends Error {}

export async function evaluateStack(input: StackToEvaluate, options: EvaluateOptions): Promise<RunReport> {
    const started = Date.now();
    // Parse config first: bad input is refused before any process starts.
    const documents = options.configs.map((c) => ({ source: c.source, entries: parsePolicyPackConfig(c.raw, c.source) }));
    const pack = await PackProcess.start(options.packDir);
    options.onPackStarted?.(pack.pid);
    const abort = () => void pack.close();
    options.signal?.addEventListener("abort", abort);
    try {
        const info = await pack.getAnalyzerInfo();
        const effective = reconcilePolicyConfig(info, documents);
        await pack.configure(effective);
        await pack.configureStack({ project: input.project, stack: input.stack, dryRun: input.mode === "preview" });
        const diagnostics: WireDiagnostic[] = [];
        let done = 0;
        const total = input.analyze.length;
        const queue = [...input.analyze];
        const worker = async () => {
            for (let next = queue.shift(); next; next = queue.shift()) {
                if (options.signal?.aborted) throw new AbortedError("interrupted");
                diagnostics.push(...(await pack.analyze(next)));
                options.onProgress?.(++done, total);
            }
        };
        await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 16, Math.max(total, 1)) }, worker));
        if (options.signal?.aborted) throw new AbortedError("interrupted");
        diagnostics.push(...(await pack.analyzeStack(input.stackState)));
        const policies = new Map<string, WirePolicyInfo>(info.policies.map((p) => [p.name, p]));
        return {
            tool: TOOL,
            mode: input.mode,
            target: input.target,
            entryFile: input.entryFile,
            project: input.project,
            stack: input.stack,
            startedAt: new Date(started).toISOString(),
            durationMs: Date.now() - started,
            pack: { name: info.name, version: info.version, dir: options.packDir },
            configDigest: createHash("sha256").update(JSON.stringify(sortKeys(effective))).digest("hex"),
            // The levels in force for this run (config may raise, lower or disable a policy), not the pack's defaults.
            policies: info.policies.map((p) => ({ ...p, enforcementLevel: effective[p.name]?.enforcementLevel ?? p.enforcementLevel })),
            resources: input.stackState.map((r) => ({ urn: r.urn, type: r.type, name: r.name })),
            findings: sortFindings(diagnostics.map((d) => toFinding(d, policies))),
        };
    } catch (error) {
        if (options.signal?.aborted) throw new AbortedError("interrupted");
        throw error;
    } finally {
        options.signal?.removeEventListener("abort", abort);
        await pack.close();
    }
}

function sortKeys(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(sortKeys);
    if (value && typeof value === "object") {
        return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
    }
    return value;
}

const LEVEL_ORDER: Record<string, number> = { mandatory: 0, remediate: 1, advisory: 2, disabled: 3 };

/** Stable order: by resource urn, then mandatory before advisory, then policy name, then message. */
function sortFindings(findings: Finding[]): Finding[] {
    return findings.sort(
        (a, b) =>
            a.urn.localeCompare(b.urn) ||
            (LEVEL_ORDER[a.level] ?? 9) - (LEVEL_ORDER[b.level] ?? 9) ||
            a.policy.localeCompare(b.policy) ||
            a.message.localeCompare(b.message),
    );
}
