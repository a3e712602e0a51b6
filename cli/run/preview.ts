// `msp-guard preview`: run a program with mocked providers and turn its registrations into what the engine sends
// an analyzer: inputs for Analyze (every resource but providers and the root stack), state for AnalyzeStack.
import * as path from "path";
import type { WireResource } from "../driver/wire";
import { loadProjectJob } from "../program/project";
import { runProgram } from "../program/run";
import type { CapturedResource, RunOptions } from "../program/types";
import type { StackToEvaluate } from "./evaluate";

const ROOT_STACK = "pulumi:pulumi:Stack";

function isProvider(type: string): boolean {
    return type.startsWith("pulumi:providers:");
}

export function toWireResources(resources: readonly CapturedResource[]): { analyze: WireResource[]; stackState: WireResource[] } {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const analyze: WireResource[] = [];
    const stackState: WireResource[] = [];
    for (const r of resources) {
        let provider: WireResource["provider"];
        if (r.provider) {
            const providerUrn = r.provider.slice(0, r.provider.lastIndexOf("::"));
            const p = byUrn.get(providerUrn);
            if (p) provider = { urn: p.urn, type: p.type, name: p.name, properties: p.inputs };
        }
        const base = {
            urn: r.urn,
            type: r.type,
            name: r.name,
            parent: r.parent,
            dependencies: r.dependencies,
            propertyDependencies: r.propertyDependencies,
            provider,
            options: r.options,
        };
        if (!isProvider(r.type) && r.type !== ROOT_STACK) analyze.push({ ...base, properties: r.inputs });
        stackState.push({ ...base, properties: r.outputs });
    }
    return { analyze, stackState };
}

export async function previewProgram(dir: string, options: RunOptions): Promise<StackToEvaluate> {
    const result = await runProgram(path.resolve(dir), options);
    // The entry module anchors file-based reports (SARIF) on the program; relative to the program, "/"-separated.
    const entry = loadProjectJob(path.resolve(dir), options).mainFile;
    const entryFile = path.relative(path.resolve(dir), entry).split(path.sep).join("/");
    return { mode: "preview", target: dir, entryFile, project: result.project, stack: result.stack, ...toWireResources(result.resources) };
}
