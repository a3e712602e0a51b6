// Starting the two packs under test and making sure none outlives the bench: every pack process started through
// `Packs` is shut down by `closeAll`, including one still starting when the bench is interrupted.
import * as path from "path";
import { PackProcess } from "../cli/driver/pack-process";
import { reconcilePolicyConfig } from "../cli/driver/policy-config";
import type { Level, WireAnalyzerInfo } from "../cli/driver/wire";

export type PackName = "msp-guard" | "floor";

/** The repository root: the real pack (`main` = dist/index.js). This file runs from dist/bench/. */
export const REAL_PACK_DIR = path.resolve(__dirname, "..", "..");
/** Plain JavaScript, not compiled, so it is read from the source tree. */
export const FLOOR_PACK_DIR = path.join(REAL_PACK_DIR, "bench", "floor-pack");
/** How bench/floor-pack/index.js learns which no-op policies to serve. */
export const FLOOR_POLICIES_VARIABLE = "MSP_GUARD_BENCH_FLOOR_POLICIES";

export interface FloorPolicy {
    name: string;
    kind: "resource" | "stack";
    enforcementLevel: Level;
}

/** The floor mirrors the real pack's policies: same names, kinds and default levels, no code. */
export function floorPoliciesOf(info: WireAnalyzerInfo): FloorPolicy[] {
    return info.policies.map((p) => {
        if (p.policyType === "unknown") throw new Error(`Policy ${p.name} reports no policy type; the floor cannot mirror it.`);
        return { name: p.name, kind: p.policyType, enforcementLevel: p.enforcementLevel };
    });
}

export class Packs {
    private readonly live = new Set<PackProcess>();
    private readonly starting = new Set<Promise<PackProcess | undefined>>();
    private floorPolicies: FloorPolicy[] | undefined;

    /** Tells the floor what to mirror; required before the floor is started. */
    mirror(policies: FloorPolicy[]): void {
        this.floorPolicies = policies;
    }

    /**
     * Checks that a pack serves the policies the floor mirrors. The bench reads dist/, which anyone may rebuild
     * during a run; a run that mixes two builds of the pack compares nothing, so it stops.
     */
    verify(name: PackName, info: WireAnalyzerInfo): void {
        const expected = JSON.stringify(this.floorPolicies);
        const actual = JSON.stringify(floorPoliciesOf(info));
        if (actual !== expected) {
            throw new Error(`The ${name} pack now serves different policies than at the start of the run (was dist/ rebuilt?):\n  was ${expected}\n  now ${actual}`);
        }
    }

    private dirOf(name: PackName): string {
        return name === "msp-guard" ? REAL_PACK_DIR : FLOOR_PACK_DIR;
    }

    async start(name: PackName): Promise<PackProcess> {
        if (name === "floor" && !this.floorPolicies) throw new Error("The floor pack needs the real pack's policies first.");
        const env = name === "floor" ? { [FLOOR_POLICIES_VARIABLE]: JSON.stringify(this.floorPolicies) } : {};
        const started = PackProcess.start(this.dirOf(name), { env });
        const settled = started.then(
            (pack) => pack,
            () => undefined,
        );
        this.starting.add(settled);
        try {
            const pack = await started;
            this.live.add(pack);
            return pack;
        } finally {
            this.starting.delete(settled);
        }
    }

    async close(pack: PackProcess): Promise<void> {
        this.live.delete(pack);
        await pack.close();
    }

    /** Shuts down every pack, waiting for those still starting. Safe to call more than once. */
    async closeAll(): Promise<void> {
        for (const pack of await Promise.all([...this.starting])) if (pack) this.live.add(pack);
        const packs = [...this.live];
        this.live.clear();
        await Promise.all(packs.map((p) => p.close()));
    }
}

/** What the Pulumi CLI does after loading an analyzer: stack context, then the reconciled default config. */
export async function configureAsCli(pack: PackProcess, info: WireAnalyzerInfo): Promise<void> {
    await pack.configureStack({ project: "bench", stack: "bench", dryRun: true });
    await pack.configure(reconcilePolicyConfig(info, []));
}
