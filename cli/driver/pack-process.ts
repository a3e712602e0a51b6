// Starts a policy pack the way the Pulumi CLI does and speaks the analyzer gRPC protocol to it.
//
// The CLI's `pulumi-analyzer-policy` plugin runs `node <pack>/node_modules/@pulumi/pulumi/cmd/run-policy-pack
// <engine-address> <pack-dir>` in the pack's directory; the pack's `new PolicyPack(...)` serves the Analyzer
// service on a local port and prints the port on stdout. We do the same, then call GetAnalyzerInfo, Configure,
// ConfigureStack, Analyze, AnalyzeStack and Remediate as the engine does.
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import * as analyzerrpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { analyzeRequest, analyzeStackRequest, toStruct } from "./encode";
import type {
    Level,
    PolicyConfig,
    SeverityName,
    WireAnalyzerInfo,
    WireDiagnostic,
    WirePolicyInfo,
    WireProperties,
    WireRemediation,
    WireResource,
} from "./wire";

export class PackStartError extends Error {}

/** The pack process ended while we were talking to it. */
export class PackExitedError extends Error {}

export interface StartOptions {
    /** How long the pack may take to print its port. */
    startTimeoutMs?: number;
    /** Extra environment for the pack process. */
    env?: NodeJS.ProcessEnv;
}

const LEVELS: Record<number, Level> = {
    [analyzerpb.EnforcementLevel.ADVISORY]: "advisory",
    [analyzerpb.EnforcementLevel.MANDATORY]: "mandatory",
    [analyzerpb.EnforcementLevel.REMEDIATE]: "remediate",
    [analyzerpb.EnforcementLevel.DISABLED]: "disabled",
};
const LEVEL_CODES: Record<Level, analyzerpb.EnforcementLevel> = {
    advisory: analyzerpb.EnforcementLevel.ADVISORY,
    mandatory: analyzerpb.EnforcementLevel.MANDATORY,
    remediate: analyzerpb.EnforcementLevel.REMEDIATE,
    disabled: analyzerpb.EnforcementLevel.DISABLED,
};
const SEVERITIES: Record<number, SeverityName> = {
    [analyzerpb.PolicySeverity.POLICY_SEVERITY_LOW]: "low",
    [analyzerpb.PolicySeverity.POLICY_SEVERITY_MEDIUM]: "medium",
    [analyzerpb.PolicySeverity.POLICY_SEVERITY_HIGH]: "high",
    [analyzerpb.PolicySeverity.POLICY_SEVERITY_CRITICAL]: "critical",
};

/** The runner script of the pack's own `@pulumi/pulumi`, as the plugin uses; ours when the pack has none. */
function runnerFor(packDir: string): string {
    try {
        return require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
    } catch {
        return require.resolve("@pulumi/pulumi/cmd/run-policy-pack");
    }
}

type Callback<Res> = (err: grpc.ServiceError | null, res: Res) => void;

export class PackProcess {
    private closed = false;
    private exitCode: number | null = null;
    private exitSignal: NodeJS.Signals | null = null;
    private readonly exited: Promise<void>;

    private constructor(
        readonly packDir: string,
        /** `127.0.0.1:<port>`, where the pack serves the Analyzer service. */
        readonly address: string,
        private readonly child: ChildProcess,
        private readonly client: analyzerrpc.AnalyzerClient,
        private readonly stderr: () => string,
    ) {
        this.exited = new Promise((resolve) => {
            child.once("exit", (code, signal) => {
                this.exitCode = code ?? -1;
                this.exitSignal = signal;
                resolve();
            });
        });
    }

    /** Starts the pack in `packDir` and connects to it. Rejects with the pack's own error output on failure. */
    static async start(packDir: string, options: StartOptions = {}): Promise<PackProcess> {
        const dir = path.resolve(packDir);
        const child = spawn(process.execPath, [runnerFor(dir), "127.0.0.1:0", dir], {
            cwd: dir,
            env: { ...process.env, ...options.env },
            stdio: ["ignore", "pipe", "pipe"],
        });
        let stderr = "";
        child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
            stderr = (stderr + chunk).slice(-20000);
        });
        const port = await new Promise<number>((resolve, reject) => {
            let stdout = "";
            const timer = setTimeout(() => fail(`the pack did not start within ${options.startTimeoutMs ?? 60000} ms`), options.startTimeoutMs ?? 60000);
            const fail = (why: string) => {
                clearTimeout(timer);
                child.kill("SIGKILL");
                reject(new PackStartError(`Could not start the policy pack in ${dir}: ${why}${stderr ? `\n${stderr.trim()}` : ""}`));
            };
            child.once("error", (e) => fail(e.message));
            child.once("exit", (code) => fail(`it exited with code ${code} before serving`));
            child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
                stdout += chunk;
                const line = stdout.split("\n")[0];
                if (stdout.includes("\n") || /^\d+$/.test(line.trim())) {
                    const port = Number.parseInt(line.trim(), 10);
                    if (!Number.isInteger(port)) return fail(`it printed ${JSON.stringify(line)} instead of a port`);
                    clearTimeout(timer);
                    child.removeAllListeners("exit");
                    resolve(port);
                }
            });
        });
        const address = `127.0.0.1:${port}`;
        const client = new analyzerrpc.AnalyzerClient(address, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": 400 * 1024 * 1024,
            "grpc.max_send_message_length": 400 * 1024 * 1024,
        });
        return new PackProcess(dir, address, child, client, () => stderr);
    }

    get pid(): number | undefined {
        return this.child.pid;
    }

    private call<Res>(invoke: (callback: Callback<Res>) => unknown): Promise<Res> {
        if (this.closed) return Promise.reject(new Error("the policy pack has been shut down"));
        if (this.exitCode !== null) return Promise.reject(this.exitError());
        return new Promise((resolve, reject) => {
            invoke((err, res) => {
                if (!err) return resolve(res);
                // A call that fails because the process died says so, not "connection dropped".
                const settled = Promise.race([this.exited, new Promise((r) => setTimeout(r, 200))]);
                void settled.then(() => reject(this.exitCode !== null && !this.closed ? this.exitError() : new Error(err.details || err.message)));
            });
        });
    }

    private exitError(): PackExitedError {
        const how = this.exitSignal ? `was killed by ${this.exitSignal}` : `exited with code ${this.exitCode}`;
        const stderr = this.stderr().trim();
        return new PackExitedError(`The policy pack in ${this.packDir} ${how} during the run${stderr ? `:\n${stderr}` : ""}`);
    }

    async getAnalyzerInfo(): Promise<WireAnalyzerInfo> {
        const info = await this.call<analyzerpb.AnalyzerInfo>((cb) => this.client.getAnalyzerInfo(new Empty(), cb));
        const initialConfig: WireAnalyzerInfo["initialConfig"] = {};
        info.getInitialconfigMap().forEach((cfg, key) => {
            initialConfig[key] = {
                enforcementLevel: cfg.getEnforcementlevel() === undefined ? undefined : LEVELS[cfg.getEnforcementlevel()],
                properties: cfg.getProperties()?.toJavaScript(),
            };
        });
        return {
            name: info.getName(),
            displayName: info.getDisplayname(),
            version: info.getVersion(),
            supportsConfig: info.getSupportsconfig(),
            description: info.getDescription(),
            readme: info.getReadme(),
            provider: info.getProvider(),
            tags: info.getTagsList(),
            repository: info.getRepository(),
            policies: info.getPoliciesList().map(policyInfo),
            initialConfig,
        };
    }

    /** Sends the effective config of every policy, as the CLI does after reconciling it. */
    async configure(config: Record<string, PolicyConfig>): Promise<void> {
        const request = new analyzerpb.ConfigureAnalyzerRequest();
        const map = request.getPolicyconfigMap();
        for (const [name, cfg] of Object.entries(config)) {
            const policyConfig = new analyzerpb.PolicyConfig();
            policyConfig.setEnforcementlevel(LEVEL_CODES[cfg.enforcementLevel]);
            policyConfig.setProperties(toStruct(cfg.properties as WireProperties));
            map.set(name, policyConfig);
        }
        await this.call<Empty>((cb) => this.client.configure(request, cb));
    }

    async configureStack(stack: { project: string; stack: string; organization?: string; dryRun: boolean; tags?: Record<string, string> }): Promise<void> {
        const request = new analyzerpb.AnalyzerStackConfigureRequest();
        request.setProject(stack.project);
        request.setStack(stack.stack);
        request.setOrganization(stack.organization ?? "organization");
        request.setDryRun(stack.dryRun);
        for (const [k, v] of Object.entries(stack.tags ?? {})) request.getTagsMap().set(k, v);
        await this.call<analyzerpb.AnalyzerStackConfigureResponse>((cb) => this.client.configureStack(request, cb));
    }

    async analyze(resource: WireResource): Promise<WireDiagnostic[]> {
        const request = analyzeRequest(resource);
        const response = await this.call<analyzerpb.AnalyzeResponse>((cb) => this.client.analyze(request, cb));
        return response.getDiagnosticsList().map((d) => diagnostic(d, resource.urn));
    }

    async analyzeStack(resources: readonly WireResource[]): Promise<WireDiagnostic[]> {
        const request = analyzeStackRequest(resources);
        const response = await this.call<analyzerpb.AnalyzeResponse>((cb) => this.client.analyzeStack(request, cb));
        return response.getDiagnosticsList().map((d) => diagnostic(d, ""));
    }

    async remediate(resource: WireResource): Promise<WireRemediation[]> {
        const request = analyzeRequest({ ...resource, provider: undefined });
        const response = await this.call<analyzerpb.RemediateResponse>((cb) => this.client.remediate(request, cb));
        return response.getRemediationsList().map((r) => ({
            policyName: r.getPolicyname(),
            description: r.getDescription(),
            properties: r.getProperties()?.toJavaScript() as WireProperties | undefined,
            diagnostic: r.getDiagnostic() || undefined,
        }));
    }

    /** Shuts the pack down: closes the channel and ends the process, whatever state it is in. */
    async close(): Promise<void> {
        if (this.closed) return;
        this.closed = true;
        this.client.close();
        if (this.exitCode !== null) return;
        const timer = setTimeout(() => this.child.kill("SIGKILL"), 2000);
        this.child.kill("SIGTERM");
        await this.exited;
        clearTimeout(timer);
    }
}

function diagnostic(d: analyzerpb.AnalyzeDiagnostic, defaultUrn: string): WireDiagnostic {
    return {
        policyName: d.getPolicyname(),
        policyPackName: d.getPolicypackname(),
        policyPackVersion: d.getPolicypackversion(),
        description: d.getDescription(),
        message: d.getMessage(),
        enforcementLevel: LEVELS[d.getEnforcementlevel()] ?? "advisory",
        urn: d.getUrn() || defaultUrn,
        severity: SEVERITIES[d.getSeverity()] ?? "unspecified",
    };
}

function policyInfo(p: analyzerpb.PolicyInfo): WirePolicyInfo {
    const framework = p.getFramework();
    const schema = p.getConfigschema();
    const type = p.getPolicyType();
    return {
        name: p.getName(),
        displayName: p.getDisplayname(),
        description: p.getDescription(),
        enforcementLevel: LEVELS[p.getEnforcementlevel()] ?? "advisory",
        policyType: type === analyzerpb.PolicyType.POLICY_TYPE_RESOURCE ? "resource" : type === analyzerpb.PolicyType.POLICY_TYPE_STACK ? "stack" : "unknown",
        severity: SEVERITIES[p.getSeverity()] ?? "unspecified",
        framework: framework
            ? { name: framework.getName(), version: framework.getVersion(), reference: framework.getReference(), specification: framework.getSpecification() }
            : undefined,
        tags: p.getTagsList(),
        remediationSteps: p.getRemediationSteps(),
        url: p.getUrl(),
        configSchema: schema
            ? { properties: (schema.getProperties()?.toJavaScript() ?? {}) as PolicyConfigSchemaProps, required: schema.getRequiredList() }
            : undefined,
    };
}

type PolicyConfigSchemaProps = Record<string, Record<string, unknown>>;
