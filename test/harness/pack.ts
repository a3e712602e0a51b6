// The protocol test harness: starts this repository's compiled pack exactly as the Pulumi CLI does (the
// policy-pack runner of @pulumi/pulumi, over the analyzer gRPC protocol) and lets a test say "these resources,
// this config, expect these findings".
import * as path from "path";
import { PackProcess } from "../../cli/driver/pack-process";
import { parsePolicyPackConfig, reconcilePolicyConfig } from "../../cli/driver/policy-config";
import type { WireAnalyzerInfo, WireDiagnostic, WireProperties, WireResource, WireResourceOptions } from "../../cli/driver/wire";

export const REPO_ROOT = path.resolve(__dirname, "../..");

export interface Finding {
    policy: string;
    level: string;
    severity: string;
    /** The message below the policy's description line. */
    message: string;
    urn: string;
}

export interface TestResource {
    type: string;
    props: WireProperties;
    name?: string;
    urn?: string;
    parent?: string;
    dependencies?: string[];
    propertyDependencies?: Record<string, string[]>;
    options?: WireResourceOptions;
}

export function urnOf(type: string, name: string, parentTypes: string[] = []): string {
    const qualified = [...parentTypes, type].join("$");
    return `urn:pulumi:dev::test::${qualified}::${name}`;
}

export function toWire(r: TestResource, index = 0): WireResource {
    const name = r.name ?? `r${index}`;
    return {
        urn: r.urn ?? urnOf(r.type, name),
        type: r.type,
        name,
        properties: r.props,
        parent: r.parent,
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
        options: r.options,
    };
}

export function toFinding(d: WireDiagnostic): Finding {
    const newline = d.message.indexOf("\n");
    return {
        policy: d.policyName,
        level: d.enforcementLevel,
        severity: d.severity,
        message: newline >= 0 ? d.message.slice(newline + 1) : d.message,
        urn: d.urn,
    };
}

export class PackHarness {
    private lastConfigKey: string | undefined;

    private constructor(readonly pack: PackProcess, readonly info: WireAnalyzerInfo) {}

    static async start(packDir = REPO_ROOT): Promise<PackHarness> {
        const pack = await PackProcess.start(packDir);
        try {
            return new PackHarness(pack, await pack.getAnalyzerInfo());
        } catch (error) {
            await pack.close();
            throw error;
        }
    }

    /** Reconciles and sends config as the CLI would; only when it differs from the last one sent. */
    async configure(config: Record<string, unknown> = {}): Promise<void> {
        const key = JSON.stringify(config);
        if (key === this.lastConfigKey) return;
        const effective = reconcilePolicyConfig(this.info, [{ source: "test config", entries: parsePolicyPackConfig(config) }]);
        await this.pack.configure(effective);
        this.lastConfigKey = key;
    }

    async analyze(resource: TestResource, config: Record<string, unknown> = {}): Promise<Finding[]> {
        await this.configure(config);
        return (await this.pack.analyze(toWire(resource))).map(toFinding);
    }

    async analyzeStack(resources: TestResource[], config: Record<string, unknown> = {}): Promise<Finding[]> {
        await this.configure(config);
        return (await this.pack.analyzeStack(resources.map(toWire))).map(toFinding);
    }

    async remediate(resource: TestResource, config: Record<string, unknown> = {}): Promise<WireProperties | undefined> {
        await this.configure(config);
        const remediations = await this.pack.remediate(toWire(resource));
        return remediations.find((r) => r.properties)?.properties;
    }

    close(): Promise<void> {
        return this.pack.close();
    }
}

/**
 * The pack for one test file: started before its first test, shut down after its last. Tests call it like a
 * PackHarness (`pack.analyze(...)`); it forwards to the running one.
 */
export function usePack(packDir = REPO_ROOT): PackHarness {
    let running: PackHarness | undefined;
    beforeAll(async () => {
        running = await PackHarness.start(packDir);
    });
    afterAll(() => running?.close());
    return new Proxy({} as PackHarness, {
        get(_target, key) {
            if (!running) throw new Error("usePack(): the pack is used outside a test");
            const value = running[key as keyof PackHarness];
            return typeof value === "function" ? value.bind(running) : value;
        },
    });
}
