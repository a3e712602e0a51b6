// The bench's results as data, and the two ways they are written: a markdown table for people, JSON for tools.
// Pure functions; only bench.ts writes anything.
import type { AnalysisSample, StartupSample } from "./measure";

export interface Spread {
    samplesMs: number[];
    medianMs: number;
    minMs: number;
}

/** Spawn to GetAnalyzerInfo answered (the spread itself), and on to the first Analyze answered. */
export interface StartupStats extends Spread {
    firstAnalyze: Spread;
    /** The highest peak RSS over the runs, read when GetAnalyzerInfo answered. */
    peakRssBytes?: number;
}

export interface AnalysisStats {
    samples: AnalysisSample[];
    /** The sample with the median total time (the lower one of the middle two for an even count). */
    median: AnalysisSample;
    minMs: number;
    /** The highest peak RSS over the runs. */
    peakRssBytes?: number;
}

export interface AnalysisResult {
    size: number;
    /** Resources per type in the generated stack. */
    types: Record<string, number>;
    msp: AnalysisStats;
    floor: AnalysisStats;
    /** msp-guard's median time over the floor's (Analyze for every resource + AnalyzeStack). */
    ratio: number;
    /** The same for the CPU time of the pack processes: what the bench process costs does not enter it. */
    cpuRatio?: number;
}

export interface BenchResults {
    meta: {
        date: string;
        node: string;
        cpus: number;
        cpuModel: string;
        policies: { resource: number; stack: number };
        seed: number;
        concurrency: number;
        startupRuns: number;
        analysisRuns: Record<string, number>;
        totalMs: number;
    };
    startup: {
        msp: StartupStats;
        floor: StartupStats;
        ratio: { median: number; min: number };
        firstAnalyzeRatio: { median: number; min: number };
    };
    analysis: AnalysisResult[];
}

function medianOf<T>(items: readonly T[], key: (item: T) => number): T {
    const sorted = [...items].sort((a, b) => key(a) - key(b));
    return sorted[(sorted.length - 1) >> 1];
}

function maxDefined(values: ReadonlyArray<number | undefined>): number | undefined {
    const known = values.filter((v): v is number => v !== undefined);
    return known.length > 0 ? Math.max(...known) : undefined;
}

function spread(ms: readonly number[]): Spread {
    const sorted = [...ms].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return { samplesMs: [...ms], medianMs: sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2, minMs: sorted[0] };
}

export function startupStats(samples: readonly StartupSample[]): StartupStats {
    return {
        ...spread(samples.map((s) => s.ms)),
        firstAnalyze: spread(samples.map((s) => s.firstAnalyzeMs)),
        peakRssBytes: maxDefined(samples.map((s) => s.peakRssBytes)),
    };
}

export function analysisStats(samples: readonly AnalysisSample[]): AnalysisStats {
    return {
        samples: [...samples],
        median: medianOf(samples, (s) => s.totalMs),
        minMs: Math.min(...samples.map((s) => s.totalMs)),
        peakRssBytes: maxDefined(samples.map((s) => s.peakRssBytes)),
    };
}

export function analysisResult(size: number, types: Record<string, number>, msp: AnalysisStats, floor: AnalysisStats): AnalysisResult {
    const mspCpu = msp.median.packCpuMs;
    const floorCpu = floor.median.packCpuMs;
    return {
        size,
        types,
        msp,
        floor,
        ratio: msp.median.totalMs / floor.median.totalMs,
        cpuRatio: mspCpu !== undefined && floorCpu !== undefined && floorCpu > 0 ? mspCpu / floorCpu : undefined,
    };
}

function duration(ms: number): string {
    if (ms < 1000) return `${Math.round(ms)} ms`;
    if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
    return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1000)} s`;
}

function ratio(value: number): string {
    return `${value.toFixed(2)}×`;
}

function memory(bytes: number | undefined): string {
    return bytes === undefined ? "n/a" : `${Math.round(bytes / (1024 * 1024))} MiB`;
}

function sizeLabel(size: number): string {
    return size % 1000 === 0 ? `${size / 1000}k` : String(size);
}

function row(cells: readonly string[]): string {
    return `| ${cells.join(" | ")} |`;
}

/** The compact markdown table printed by `npm run bench`. */
export function formatTable(results: BenchResults): string {
    const { meta, startup } = results;
    const lines = [
        `msp-guard bench: ${meta.policies.resource} resource + ${meta.policies.stack} stack policies against a floor of as many no-op policies; ` +
            `node ${meta.node}, ${meta.cpus} × ${meta.cpuModel}; seed ${meta.seed}, ${meta.concurrency} Analyze calls in flight.`,
        "",
        row(["", "msp-guard", "floor", "ratio", "pack CPU ratio", "msp-guard peak RSS", "floor peak RSS"]),
        row([":--", "--:", "--:", "--:", "--:", "--:", "--:"]),
        row([
            `start-up (median / min of ${meta.startupRuns})`,
            `${duration(startup.msp.medianMs)} / ${duration(startup.msp.minMs)}`,
            `${duration(startup.floor.medianMs)} / ${duration(startup.floor.minMs)}`,
            `${ratio(startup.ratio.median)} / ${ratio(startup.ratio.min)}`,
            "",
            memory(startup.msp.peakRssBytes),
            memory(startup.floor.peakRssBytes),
        ]),
        row([
            `start-up to first Analyze (median / min)`,
            `${duration(startup.msp.firstAnalyze.medianMs)} / ${duration(startup.msp.firstAnalyze.minMs)}`,
            `${duration(startup.floor.firstAnalyze.medianMs)} / ${duration(startup.floor.firstAnalyze.minMs)}`,
            `${ratio(startup.firstAnalyzeRatio.median)} / ${ratio(startup.firstAnalyzeRatio.min)}`,
            "",
            "",
            "",
        ]),
    ];
    for (const a of results.analysis) {
        const runs = a.msp.samples.length;
        lines.push(
            row([
                `analyze ${sizeLabel(a.size)}${runs > 1 ? ` (median of ${runs})` : ""}`,
                duration(a.msp.median.totalMs),
                duration(a.floor.median.totalMs),
                ratio(a.ratio),
                a.cpuRatio === undefined ? "n/a" : ratio(a.cpuRatio),
                memory(a.msp.peakRssBytes),
                memory(a.floor.peakRssBytes),
            ]),
        );
    }
    lines.push("");
    for (const a of results.analysis) {
        const [m, f] = [a.msp.median, a.floor.median];
        lines.push(
            `analyze ${sizeLabel(a.size)}: Analyze ${duration(m.analyzeMs)} vs ${duration(f.analyzeMs)}, AnalyzeStack ${duration(m.analyzeStackMs)} vs ${duration(f.analyzeStackMs)}; ` +
                `${m.analyzeDiagnostics + m.analyzeStackDiagnostics} findings (floor ${f.analyzeDiagnostics + f.analyzeStackDiagnostics}).`,
        );
    }
    lines.push(`Total run time ${duration(meta.totalMs)}.`);
    return lines.join("\n");
}

export function formatJson(results: BenchResults): string {
    return `${JSON.stringify(results, null, 2)}\n`;
}
