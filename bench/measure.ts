// The two measurements: how long a pack takes from spawn to answering GetAnalyzerInfo, and how long it takes to
// analyze a stack the way the engine sends one (Analyze per resource with bounded concurrency, then one
// AnalyzeStack with every resource). Each measurement uses fresh pack processes, as each `pulumi preview` does,
// so peak memory belongs to that measurement alone. Requests are encoded before the clock starts (see encoded.ts).
import type { PackProcess } from "../cli/driver/pack-process";
import type { WireResource } from "../cli/driver/wire";
import { diagnosticCount, EncodedAnalyzer, encodeAnalyze, encodeAnalyzeStack } from "./encoded";
import { configureAsCli, PackName, Packs } from "./packs";
import { cpuMs, peakRssBytes } from "./proc";

export interface StartupSample {
    /** Spawn to GetAnalyzerInfo answered. */
    ms: number;
    /** Spawn to the first Analyze answered, after ConfigureStack and Configure as the CLI sends them. */
    firstAnalyzeMs: number;
    /** Peak RSS when GetAnalyzerInfo answered. */
    peakRssBytes?: number;
}

/**
 * Times one start: spawn to GetAnalyzerInfo (the start-up proper), then on to the first verdict, so that work a pack
 * defers to its first call (lazy imports, compiled schemas) is seen too.
 */
export async function measureStartup(packs: Packs, name: PackName, probe: WireResource): Promise<StartupSample> {
    const begin = performance.now();
    const pack = await packs.start(name);
    try {
        const info = await pack.getAnalyzerInfo();
        const ms = performance.now() - begin;
        const rss = peakRssBytes(pack.pid);
        packs.verify(name, info);
        await configureAsCli(pack, info);
        await pack.analyze(probe);
        return { ms, firstAnalyzeMs: performance.now() - begin, peakRssBytes: rss };
    } finally {
        await packs.close(pack);
    }
}

export interface AnalysisSample {
    /** Analyze for every resource plus AnalyzeStack, wall clock. */
    totalMs: number;
    analyzeMs: number;
    analyzeStackMs: number;
    /** CPU time the pack process used during the analysis (user + system). */
    packCpuMs?: number;
    /** CPU time the bench process used meanwhile (sending requests, receiving responses). */
    driverCpuMs: number;
    peakRssBytes?: number;
    /** Peak RSS after every Analyze, before AnalyzeStack. */
    peakRssBeforeStackBytes?: number;
    /** Diagnostics returned: a check that the real pack did its work and the floor did none. */
    analyzeDiagnostics: number;
    analyzeStackDiagnostics: number;
}

/** One stack's requests, encoded once and sent to both packs. */
export interface EncodedStack {
    analyze: Buffer[];
    analyzeStack: Buffer;
}

export function encodeStack(resources: readonly WireResource[]): EncodedStack {
    return { analyze: resources.map(encodeAnalyze), analyzeStack: encodeAnalyzeStack(resources) };
}

/** Runs `task` for every item with at most `limit` in flight, as the engine bounds its step executor. */
async function forEachBounded<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
    let next = 0;
    const worker = async () => {
        while (next < items.length) await task(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** A pack under analysis: its process, a channel that sends encoded requests, and what was measured so far. */
interface Subject {
    pid: number;
    analyzer: EncodedAnalyzer;
    analyzeMs: number;
    analyzeStackMs: number;
    driverCpuMs: number;
    cpuBefore?: number;
    responses: Buffer[];
    stackResponse?: Buffer;
    peakRssBeforeStackBytes?: number;
}

async function timed(subject: Subject, work: () => Promise<void>): Promise<number> {
    const driverBefore = process.cpuUsage();
    const begin = performance.now();
    await work();
    const ms = performance.now() - begin;
    const driver = process.cpuUsage(driverBefore);
    subject.driverCpuMs += (driver.user + driver.system) / 1000;
    return ms;
}

function sampleOf(subject: Subject): AnalysisSample {
    const cpuAfter = cpuMs(subject.pid);
    return {
        totalMs: subject.analyzeMs + subject.analyzeStackMs,
        analyzeMs: subject.analyzeMs,
        analyzeStackMs: subject.analyzeStackMs,
        packCpuMs: subject.cpuBefore !== undefined && cpuAfter !== undefined ? cpuAfter - subject.cpuBefore : undefined,
        driverCpuMs: subject.driverCpuMs,
        peakRssBytes: peakRssBytes(subject.pid),
        peakRssBeforeStackBytes: subject.peakRssBeforeStackBytes,
        // Decoded after the clock stops: the engine's decoding is not the pack's cost.
        analyzeDiagnostics: subject.responses.reduce((sum, r) => sum + diagnosticCount(r), 0),
        analyzeStackDiagnostics: subject.stackResponse ? diagnosticCount(subject.stackResponse) : 0,
    };
}

/** Which pack goes first in round `i`: alternating, so neither always runs on a machine the other just warmed. */
export function order(i: number): [PackName, PackName] {
    return i % 2 === 0 ? ["msp-guard", "floor"] : ["floor", "msp-guard"];
}

/**
 * Analyzes the same stack with both packs, each in a fresh process. The Analyze calls go in chunks, alternately to
 * one pack and the other, so that both share whatever else the machine is doing at the time (on a shared machine a
 * 10-second run of one pack and then of the other can differ by half from load alone). Each pack still sees
 * exactly the engine's sequence: every Analyze, with `concurrency` in flight, then one AnalyzeStack. Its time is
 * the sum of its own chunks; its CPU time is read from /proc over the whole run (it idles between its chunks).
 */
export async function measureAnalysisPair(packs: Packs, stack: EncodedStack, concurrency: number, chunkSize: number): Promise<Record<PackName, AnalysisSample>> {
    const opened: Array<{ pack: PackProcess; analyzer?: EncodedAnalyzer }> = [];
    const open = async (name: PackName): Promise<Subject> => {
        const entry: { pack: PackProcess; analyzer?: EncodedAnalyzer } = { pack: await packs.start(name) };
        opened.push(entry);
        const { pack } = entry;
        const info = await pack.getAnalyzerInfo();
        packs.verify(name, info);
        await configureAsCli(pack, info);
        if (pack.pid === undefined) throw new Error(`The ${name} pack has no process id.`);
        const analyzer = await EncodedAnalyzer.connect(pack.address);
        entry.analyzer = analyzer;
        return { pid: pack.pid, analyzer, analyzeMs: 0, analyzeStackMs: 0, driverCpuMs: 0, responses: [] };
    };
    try {
        const subjects: Record<PackName, Subject> = { "msp-guard": await open("msp-guard"), floor: await open("floor") };
        for (const s of Object.values(subjects)) s.cpuBefore = cpuMs(s.pid);
        let round = 0;
        for (let from = 0; from < stack.analyze.length; from += chunkSize, round++) {
            const chunk = stack.analyze.slice(from, from + chunkSize);
            for (const name of order(round)) {
                const s = subjects[name];
                s.analyzeMs += await timed(s, () =>
                    forEachBounded(chunk, concurrency, async (request) => {
                        s.responses.push(await s.analyzer.analyze(request));
                    }),
                );
            }
        }
        for (const name of order(round)) {
            const s = subjects[name];
            s.peakRssBeforeStackBytes = peakRssBytes(s.pid);
            s.analyzeStackMs = await timed(s, async () => {
                s.stackResponse = await s.analyzer.analyzeStack(stack.analyzeStack);
            });
        }
        return { "msp-guard": sampleOf(subjects["msp-guard"]), floor: sampleOf(subjects.floor) };
    } finally {
        for (const { analyzer } of opened) analyzer?.close();
        await Promise.all(opened.map(({ pack }) => packs.close(pack)));
    }
}
