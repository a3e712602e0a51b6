// `npm run bench`: how much msp-guard costs on top of the Pulumi policy-pack runner itself. Both packs are started
// the way the Pulumi CLI starts a pack and driven over the analyzer protocol (cli/driver): msp-guard (the repository
// root) and a floor pack (bench/floor-pack) that serves the same number and kinds of policies, each a no-op. Results
// are ratios measured in one run, so both sides share the machine and its noise.
//
//   node dist/bench/bench.js [--sizes 1000,10000,50000] [--runs 5] [--analysis-runs N] [--json <file>]
//                            [--concurrency 16] [--seed 1]
//
// - Start-up: spawn to GetAnalyzerInfo, and on to the first Analyze; --runs times per pack, alternating.
// - Analysis: a generated stack (resources.ts) per size, encoded once; both packs analyze it in fresh processes,
//   their Analyze calls interleaved in chunks (measure.ts). 3 times per size up to 10,000 resources, once above,
//   or --analysis-runs times; the median is reported.
// - Memory: each pack process's VmHWM. CPU: each pack process's user + system time, from /proc.
//
// The table goes to stdout, progress to stderr, JSON to --json <file>. Every pack process is shut down on exit, on
// error and on SIGINT/SIGTERM.
import { writeFileSync } from "fs";
import * as os from "os";
import { parseArgs } from "util";
import { AnalysisSample, encodeStack, measureAnalysisPair, measureStartup, order, StartupSample } from "./measure";
import { FloorPolicy, floorPoliciesOf, PackName, Packs } from "./packs";
import { AnalysisResult, analysisResult, analysisStats, BenchResults, formatJson, formatTable, startupStats } from "./report";
import { generateStack, probeResource, typeCounts } from "./resources";

interface Options {
    sizes: number[];
    runs: number;
    analysisRuns?: number;
    json?: string;
    concurrency: number;
    seed: number;
}

const USAGE = "usage: node dist/bench/bench.js [--sizes 1000,10000,50000] [--runs 5] [--analysis-runs N] [--json <file>] [--concurrency 16] [--seed 1]";

class UsageError extends Error {}

function positiveInteger(value: string, flag: string): number {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag}: expected a positive whole number, got "${value}"`);
    return n;
}

function parseOptions(argv: string[]): Options | "help" {
    const { values } = parseArgs({
        args: argv,
        options: {
            sizes: { type: "string", default: "1000,10000,50000" },
            runs: { type: "string", default: "5" },
            "analysis-runs": { type: "string" },
            json: { type: "string" },
            concurrency: { type: "string", default: "16" },
            seed: { type: "string", default: "1" },
            help: { type: "boolean", short: "h", default: false },
        },
        strict: true,
        allowPositionals: false,
    });
    if (values.help) return "help";
    return {
        sizes: values.sizes.split(",").map((s) => positiveInteger(s.trim(), "--sizes")),
        runs: positiveInteger(values.runs, "--runs"),
        analysisRuns: values["analysis-runs"] === undefined ? undefined : positiveInteger(values["analysis-runs"], "--analysis-runs"),
        json: values.json,
        concurrency: positiveInteger(values.concurrency, "--concurrency"),
        seed: positiveInteger(values.seed, "--seed"),
    };
}

function progress(message: string): void {
    process.stderr.write(`${message}\n`);
}

/** Analyze calls sent to one pack before switching to the other: long enough that draining the in-flight calls at
 * each switch is noise, short enough (well under a second) that both packs share the machine's load. */
const CHUNK_SIZE = 500;

/** Small stacks are quick and noisy, so they are measured more often. */
function analysisRunsFor(size: number): number {
    return size <= 10_000 ? 3 : 1;
}

async function readFloorPolicies(packs: Packs): Promise<FloorPolicy[]> {
    const pack = await packs.start("msp-guard");
    try {
        return floorPoliciesOf(await pack.getAnalyzerInfo());
    } finally {
        await packs.close(pack);
    }
}

async function run(packs: Packs, options: Options): Promise<BenchResults> {
    const began = performance.now();

    // The real pack first: its policies define the floor. This start also warms the file cache for both packs'
    // shared dependencies; it is not counted, and neither is the floor's first start below.
    progress("Reading msp-guard's policies…");
    const floorPolicies = await readFloorPolicies(packs);
    packs.mirror(floorPolicies);
    const probe = probeResource();
    await measureStartup(packs, "floor", probe);

    const samples: Record<PackName, StartupSample[]> = { "msp-guard": [], floor: [] };
    for (let i = 0; i < options.runs; i++) {
        progress(`Start-up ${i + 1}/${options.runs}…`);
        for (const name of order(i)) samples[name].push(await measureStartup(packs, name, probe));
    }
    const msp = startupStats(samples["msp-guard"]);
    const floor = startupStats(samples.floor);

    const analysis: AnalysisResult[] = [];
    const analysisRuns: Record<string, number> = {};
    for (const size of options.sizes) {
        const resources = generateStack(size, options.seed);
        const stack = encodeStack(resources);
        const runs = options.analysisRuns ?? analysisRunsFor(size);
        analysisRuns[size] = runs;
        const results: Record<PackName, AnalysisSample[]> = { "msp-guard": [], floor: [] };
        for (let i = 0; i < runs; i++) {
            progress(`Analyze ${size} resources, both packs interleaved (${i + 1}/${runs})…`);
            const pair = await measureAnalysisPair(packs, stack, options.concurrency, CHUNK_SIZE);
            results["msp-guard"].push(pair["msp-guard"]);
            results.floor.push(pair.floor);
        }
        analysis.push(analysisResult(size, typeCounts(resources), analysisStats(results["msp-guard"]), analysisStats(results.floor)));
    }

    return {
        meta: {
            date: new Date().toISOString(),
            node: process.version,
            cpus: os.cpus().length,
            cpuModel: os.cpus()[0]?.model.trim() ?? "unknown CPU",
            policies: {
                resource: floorPolicies.filter((p) => p.kind === "resource").length,
                stack: floorPolicies.filter((p) => p.kind === "stack").length,
            },
            seed: options.seed,
            concurrency: options.concurrency,
            startupRuns: options.runs,
            analysisRuns,
            totalMs: performance.now() - began,
        },
        startup: {
            msp,
            floor,
            ratio: { median: msp.medianMs / floor.medianMs, min: msp.minMs / floor.minMs },
            firstAnalyzeRatio: {
                median: msp.firstAnalyze.medianMs / floor.firstAnalyze.medianMs,
                min: msp.firstAnalyze.minMs / floor.firstAnalyze.minMs,
            },
        },
        analysis,
    };
}

async function main(): Promise<number> {
    let options: Options | "help";
    try {
        options = parseOptions(process.argv.slice(2));
    } catch (error) {
        process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
        return 2;
    }
    if (options === "help") {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }

    const packs = new Packs();
    let stoppedWith: number | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
        const code = signal === "SIGINT" ? 130 : 143;
        if (stoppedWith !== undefined) process.exit(code); // A second signal: stop waiting for the packs.
        stoppedWith = code;
        progress(`\n${signal}: shutting down the policy packs…`);
        void packs.closeAll().finally(() => process.exit(code));
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
    try {
        const results = await run(packs, options);
        process.stdout.write(`${formatTable(results)}\n`);
        if (options.json) writeFileSync(options.json, formatJson(results));
        return 0;
    } catch (error) {
        // Calls in flight fail when the packs are shut down under them: that is the interruption, not an error.
        if (stoppedWith !== undefined) return stoppedWith;
        throw error;
    } finally {
        await packs.closeAll();
        process.off("SIGINT", onSignal);
        process.off("SIGTERM", onSignal);
    }
}

main().then(
    (code) => {
        process.exitCode = code;
    },
    (error: unknown) => {
        process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exitCode = 1;
    },
);
