// A resource monitor that stands in for the Pulumi engine, installed in the program's SDK the way `setMocks` installs
// its MockMonitor (settings.setMockOptions). It answers the calls the Node.js runtime makes (registerResource,
// readResource, invoke, call, supportsFeature, getDeploymentInfo, transforms, hooks, packages) and records every
// registration as the engine would: urns built by the engine's rules, default providers created per package version
// on first use (by a resource, a read or an invoke), options as the engine resolves them, and the inputs from the raw
// request in the analyzer wire encoding.
//
// Preview (dryRun) follows the engine during a first `pulumi preview`: a new resource's state is its inputs, its id is
// empty (unknown to the SDK, which resolves every missing output as unknown during a dry run), a new provider's id is
// the unknown id, and an invoke whose dependencies are being created returns an unknown result. With `known`, the run
// is not a dry run and new resources get plausible ids and computed outputs (see known.ts).

import * as fs from "fs";
import type { Callback } from "@pulumi/pulumi/proto/callback_pb";
import type { CallResponse } from "@pulumi/pulumi/proto/provider_pb";
import type {
    DeploymentInfo,
    ExistsResourceRequest,
    ExistsResourceResponse,
    ReadResourceRequest,
    ReadResourceResponse,
    RegisterPackageRequest,
    RegisterPackageResponse,
    RegisterResourceOutputsRequest,
    RegisterResourceRequest,
    RegisterResourceResponse,
    ResourceCallRequest,
    ResourceInvokeRequest,
    ResourceInvokeResponse,
    SupportsFeatureRequest,
    SupportsFeatureResponse,
} from "@pulumi/pulumi/proto/resource_pb";
import { fromTransformOptions, GoalOptions, goalOptions, toTransformOptions } from "./goal-options";
import { runInvoke } from "./invokes";
import { AWS_DEFAULT_REGION, knownState, stableUuid } from "./known";
import type { Sdk } from "./sdk";
import type { CapturedOptions, CapturedResource, CustomTimeouts } from "./types";
import { createUrn, defaultProviderName, isProviderType, packageOfType, parseGoDuration, providerType } from "./urn";
import { isObject, isSecret, secret, toAnalyzerWireProperties, UNKNOWN } from "./wire";

export interface MonitorSettings {
    project: string;
    stack: string;
    organization: string;
    dryRun: boolean;
    projectDir: string;
    /** Stack config, `namespace:key` -> string value (objects as JSON), as the language host passes it. */
    config: Record<string, string>;
    secretKeys: string[];
}

type RpcCallback<T> = (error: Error | null, response?: T) => void;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** The legacy feature ids (SupportsFeature) and the feature enum names (GetDeploymentInfo) the engine advertises. */
const FEATURE_IDS = [
    "secrets",
    "resourceReferences",
    "outputValues",
    "deletedWith",
    "replaceWith",
    "aliasSpecs",
    "transforms",
    "invokeTransforms",
    "parameterization",
    "resourceHooks",
    "errorHooks",
];
const FEATURE_ENUMS = [
    "RESOURCE_MONITOR_FEATURE_SECRETS",
    "RESOURCE_MONITOR_FEATURE_RESOURCE_REFERENCES",
    "RESOURCE_MONITOR_FEATURE_OUTPUT_VALUES",
    "RESOURCE_MONITOR_FEATURE_ALIAS_SPECS",
    "RESOURCE_MONITOR_FEATURE_REPLACEMENT_TRIGGER",
    "RESOURCE_MONITOR_FEATURE_DELETED_WITH",
    "RESOURCE_MONITOR_FEATURE_REPLACE_WITH",
    "RESOURCE_MONITOR_FEATURE_TRANSFORMS",
    "RESOURCE_MONITOR_FEATURE_INVOKE_TRANSFORMS",
    "RESOURCE_MONITOR_FEATURE_PARAMETERIZATION",
    "RESOURCE_MONITOR_FEATURE_RESOURCE_HOOKS",
    "RESOURCE_MONITOR_FEATURE_ERROR_HOOKS",
    "RESOURCE_MONITOR_FEATURE_INVOKE_DEPENDS_ON",
    "RESOURCE_MONITOR_FEATURE_STATE_MIGRATIONS",
];

interface Entry {
    record: CapturedResource;
    /** Inputs as the program sent them (before the wire conversion). */
    rawInputs: Record<string, Json>;
    /** The state returned to the program. */
    state: Record<string, Json>;
    id?: string;
}

interface RegisteredPackage {
    name: string;
    version: string;
    parameterization?: { name: string; version: string };
}

export class Monitor {
    private readonly captured: CapturedResource[] = [];
    private readonly entries = new Map<string, Entry>();
    private readonly reserved = new Set<string>();
    private readonly reads = new Map<string, Entry>();
    private readonly ownTransforms = new Map<string, Callback[]>();
    private readonly parents = new Map<string, string>();
    private readonly stackTransforms: Callback[] = [];
    private readonly invokeTransforms: Callback[] = [];
    private readonly packages = new Map<string, RegisteredPackage>();
    private readonly installedVersions = new Map<string, string>();

    constructor(
        private readonly sdk: Sdk,
        private readonly settings: MonitorSettings,
    ) {}

    /** Every registration so far, in the order the engine would have received them. */
    resources(): CapturedResource[] {
        return this.captured;
    }

    // ---- ResourceMonitor ----

    supportsFeature(req: SupportsFeatureRequest, callback: RpcCallback<SupportsFeatureResponse>): void {
        const response = new this.sdk.resproto.SupportsFeatureResponse();
        response.setHassupport(FEATURE_IDS.includes(req.getId()));
        callback(null, response);
    }

    getDeploymentInfo(_req: unknown, callback: RpcCallback<DeploymentInfo>): void {
        const { resproto } = this.sdk;
        if (resproto.DeploymentInfo === undefined) {
            callback(rpcError("GetDeploymentInfo is not implemented", 12));
            return;
        }
        const info = new resproto.DeploymentInfo();
        const features = resproto.ResourceMonitorFeature as unknown as Record<string, number | undefined>;
        info.setProject(this.settings.project);
        info.setStack(this.settings.stack);
        info.setOrganization(this.settings.organization);
        info.setDryrun(this.settings.dryRun);
        for (const [key, value] of Object.entries(this.settings.config)) info.getConfigMap().set(key, value);
        info.setConfigsecretkeysList(this.settings.secretKeys);
        info.setSupportedfeaturesList(
            FEATURE_ENUMS.map((name) => features[name]).filter((v): v is number => typeof v === "number"),
        );
        callback(null, info);
    }

    registerResource(req: RegisterResourceRequest, callback: RpcCallback<RegisterResourceResponse>): void {
        settle(() => this.register(req), callback);
    }

    registerResourceOutputs(req: RegisterResourceOutputsRequest, callback: RpcCallback<object>): void {
        const entry = this.entries.get(req.getUrn());
        if (entry === undefined) {
            callback(rpcError(`unknown resource ${req.getUrn()}`));
            return;
        }
        const outputs = plainObject(req.getOutputs()?.toJavaScript());
        entry.record.outputs = toAnalyzerWireProperties(outputs);
        entry.state = outputs;
        callback(null, {});
    }

    readResource(req: ReadResourceRequest, callback: RpcCallback<ReadResourceResponse>): void {
        settle(() => this.read(req), callback);
    }

    existsResource(req: ExistsResourceRequest, callback: RpcCallback<ExistsResourceResponse>): void {
        const response = new this.sdk.resproto.ExistsResourceResponse();
        const exists = [...this.entries.values()].some((e) => e.id === req.getId() && e.record.type === req.getType());
        response.setExists(exists);
        response.setUnknown(this.settings.dryRun && !exists);
        callback(null, response);
    }

    invoke(req: ResourceInvokeRequest, callback: RpcCallback<ResourceInvokeResponse>): void {
        settle(() => this.runInvoke(req), callback);
    }

    call(req: ResourceCallRequest, callback: RpcCallback<CallResponse>): void {
        const response = new this.sdk.providerproto.CallResponse();
        response.setReturn(this.sdk.struct.Struct.fromJavaScript(plainObject(req.getArgs()?.toJavaScript())));
        callback(null, response);
    }

    registerStackTransform(req: Callback, callback: RpcCallback<object>): void {
        this.stackTransforms.push(req);
        callback(null, {});
    }

    registerStackInvokeTransform(req: Callback, callback: RpcCallback<object>): void {
        this.invokeTransforms.push(req);
        callback(null, {});
    }

    registerResourceHook(_req: unknown, callback: RpcCallback<object>): void {
        callback(null, {}); // hooks run around create/update/delete, which never happen offline
    }

    registerErrorHook(_req: unknown, callback: RpcCallback<object>): void {
        callback(null, {});
    }

    registerPackage(req: RegisterPackageRequest, callback: RpcCallback<RegisterPackageResponse>): void {
        const ref = stableUuid(`package:${this.packages.size}:${req.getName()}`);
        const parameterization = req.getParameterization() ?? req.getExtension$?.();
        this.packages.set(ref, {
            name: req.getName(),
            version: req.getVersion(),
            parameterization:
                parameterization === undefined
                    ? undefined
                    : { name: parameterization.getName(), version: parameterization.getVersion() },
        });
        const response = new this.sdk.resproto.RegisterPackageResponse();
        response.setRef(ref);
        callback(null, response);
    }

    signalAndWaitForShutdown(_req: unknown, callback: RpcCallback<object>): void {
        callback(null, {});
    }

    // ---- Registration ----

    private async register(req: RegisterResourceRequest): Promise<RegisterResourceResponse> {
        const type = req.getType();
        const name = req.getName();
        const custom = req.getCustom();
        const remote = req.getRemote();
        const parent = req.getParent() === "" ? undefined : req.getParent();
        const { stack, project, dryRun } = this.settings;
        const urn = createUrn(stack, project, parent, type, name);
        if (this.reserved.has(urn)) throw new Error(`Duplicate resource URN '${urn}'; try giving it a unique name`);
        this.reserved.add(urn);
        if (parent !== undefined) this.parents.set(urn, parent);
        const own = req.getTransformsList();
        if (own.length > 0) this.ownTransforms.set(urn, own);

        let props = plainObject(req.getObject()?.toJavaScript());
        let opts = goalOptions(req);
        for (const transform of this.transformsFor(urn, own)) {
            [props, opts] = await this.transform(transform, req, props, opts);
        }

        // Custom resources and remote (multi-language) components go to a provider: the explicit one, else (for a
        // remote component, a `providers` entry for its package, else) the package version's default provider.
        let providerRef: string | undefined;
        if ((custom && !isProviderType(type)) || remote) {
            const pkg = packageOfType(type);
            const explicit = opts.provider !== "" ? opts.provider : remote ? opts.providers.get(pkg) : undefined;
            providerRef = explicit ?? this.defaultProvider(pkg, opts, req.getPackageref());
        }

        let id: string | undefined;
        let state: Record<string, Json> = {};
        if (isProviderType(type)) {
            id = dryRun ? UNKNOWN : stableUuid(urn);
            state = props;
        } else if (custom || remote) {
            state = props;
            if (custom && !dryRun) {
                const known = knownState(type, name, urn, props, this.awsRegion(providerRef));
                id = known.id;
                state = { ...known.outputs, ...props };
            }
        }

        const propertyDependencies: Record<string, string[]> = {};
        req.getPropertydependenciesMap().forEach((deps, key) => {
            propertyDependencies[key] = deps.getUrnsList();
        });
        if (req.getPropertydependenciesMap().getLength() === 0 && !remote) {
            for (const key of Object.keys(props)) propertyDependencies[key] = [...opts.dependencies];
        }

        const record: CapturedResource = {
            urn,
            type,
            name,
            custom,
            ...(parent === undefined ? {} : { parent }),
            ...(providerRef === undefined ? {} : { provider: providerRef }),
            dependencies: [...opts.dependencies],
            propertyDependencies,
            options: this.capturedOptions(opts, type, name, parent),
            inputs: toAnalyzerWireProperties(props),
            outputs: custom || remote ? toAnalyzerWireProperties(state) : {},
            ...(id === undefined || id === UNKNOWN ? {} : { id }),
        };
        this.captured.push(record);
        this.entries.set(urn, { record, rawInputs: props, state, id });

        const { resproto, struct } = this.sdk;
        const response = new resproto.RegisterResourceResponse();
        response.setUrn(urn);
        response.setId(id ?? "");
        response.setObject(struct.Struct.fromJavaScript(state));
        const responseDeps = response.getPropertydependenciesMap();
        for (const [key, urns] of Object.entries(propertyDependencies)) {
            responseDeps.set(key, new resproto.RegisterResourceResponse.PropertyDependencies().setUrnsList(urns));
        }
        return response;
    }

    private capturedOptions(opts: GoalOptions, type: string, name: string, parent: string | undefined): CapturedOptions {
        const timeouts: CustomTimeouts = {};
        for (const key of ["create", "update", "delete"] as const) {
            const text = opts.timeouts[key];
            if (text === "") continue;
            try {
                timeouts[key] = parseGoDuration(text);
            } catch (e) {
                throw new Error(`unable to parse customTimeout Value ${text}: ${e instanceof Error ? e.message : e}`);
            }
        }
        return {
            protect: opts.protect ?? false,
            ignoreChanges: [...opts.ignoreChanges],
            aliases: this.aliasUrns(opts, type, name, parent),
            ...(opts.deleteBeforeReplace === undefined ? {} : { deleteBeforeReplace: opts.deleteBeforeReplace }),
            additionalSecretOutputs: [...opts.additionalSecretOutputs],
            ...(Object.keys(timeouts).length === 0 ? {} : { customTimeouts: timeouts }),
        };
    }

    /** The engine's generateAliases: a spec's blanks default to the resource's own name, type, parent, stack. */
    private aliasUrns(opts: GoalOptions, type: string, name: string, parent: string | undefined): string[] {
        const urns = new Set<string>(opts.aliasUrns);
        for (const alias of opts.aliases) {
            const spec = alias.getSpec();
            if (spec === undefined) {
                if (alias.getUrn() !== "") urns.add(alias.getUrn());
                continue;
            }
            const aliasParent = spec.getNoparent() ? undefined : spec.getParenturn() !== "" ? spec.getParenturn() : parent;
            urns.add(
                createUrn(
                    spec.getStack() || this.settings.stack,
                    spec.getProject() || this.settings.project,
                    aliasParent,
                    spec.getType() || type,
                    spec.getName() || name,
                ),
            );
        }
        return [...urns];
    }

    // ---- Providers ----

    /** The reference to the default provider of a package version, registering the provider on first use. */
    private defaultProvider(pkg: string, opts: { version: string; pluginDownloadURL: string }, packageRef: string): string {
        const registered = packageRef === "" ? undefined : this.packages.get(packageRef);
        const name = registered?.parameterization?.name ?? registered?.name ?? pkg;
        let version = registered?.parameterization?.version ?? registered?.version ?? opts.version;
        if (version === "" && name !== "pulumi") version = this.installedVersion(name);
        const providerName = defaultProviderName(version, opts.pluginDownloadURL);
        const { stack, project, dryRun } = this.settings;
        const urn = createUrn(stack, project, undefined, providerType(name), providerName);
        const existing = this.entries.get(urn);
        if (existing !== undefined) return `${urn}::${existing.id ?? UNKNOWN}`;

        const inputs: Record<string, Json> = {};
        const secrets = new Set(this.settings.secretKeys);
        for (const [key, value] of Object.entries(this.settings.config)) {
            if (!key.startsWith(`${name}:`)) continue;
            const prop = key.slice(name.length + 1);
            inputs[prop] = secrets.has(key) ? (secret(value) as Json) : value;
        }
        if (version !== "") inputs.version = version;
        if (opts.pluginDownloadURL !== "") inputs.pluginDownloadURL = opts.pluginDownloadURL;
        const id = dryRun ? UNKNOWN : stableUuid(urn);
        const record: CapturedResource = {
            urn,
            type: providerType(name),
            name: providerName,
            custom: true,
            dependencies: [],
            propertyDependencies: {},
            options: { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] },
            inputs: toAnalyzerWireProperties(inputs),
            outputs: toAnalyzerWireProperties(inputs),
            ...(dryRun ? {} : { id }),
        };
        this.reserved.add(urn);
        this.captured.push(record);
        this.entries.set(urn, { record, rawInputs: inputs, state: inputs, id });
        return `${urn}::${id}`;
    }

    /** The version the language host would report for a package without one: its installed SDK's. */
    private installedVersion(pkg: string): string {
        const cached = this.installedVersions.get(pkg);
        if (cached !== undefined) return cached;
        let version = "";
        try {
            const manifest = require.resolve(`@pulumi/${pkg}/package.json`, { paths: [this.settings.projectDir] });
            const parsed: unknown = JSON.parse(fs.readFileSync(manifest, "utf8"));
            if (isObject(parsed) && typeof parsed.version === "string") version = parsed.version.replace(/^v/, "");
        } catch {
            version = "";
        }
        this.installedVersions.set(pkg, version);
        return version;
    }

    /** The AWS region of a provider reference: the provider's `region` input, else `aws:region`, else us-east-1. */
    private awsRegion(providerRef: string | undefined): string {
        if (providerRef !== undefined) {
            const entry = this.entries.get(providerRef.slice(0, providerRef.lastIndexOf("::")));
            let region: unknown = entry?.rawInputs.region;
            if (isSecret(region)) region = region.value;
            if (typeof region === "string" && region !== "") return region;
        }
        return this.settings.config["aws:region"] ?? AWS_DEFAULT_REGION;
    }

    // ---- Reads and invokes ----

    private async read(req: ReadResourceRequest): Promise<ReadResourceResponse> {
        const type = req.getType();
        const parent = req.getParent() === "" ? undefined : req.getParent();
        const urn = createUrn(this.settings.stack, this.settings.project, parent, type, req.getName());
        const props = plainObject(req.getProperties()?.toJavaScript());
        if (!isProviderType(type) && req.getProvider() === "") {
            this.defaultProvider(
                packageOfType(type),
                { version: req.getVersion(), pluginDownloadURL: req.getPlugindownloadurl() },
                req.getPackageref(),
            );
        }
        // The engine reads existing resources even during a preview: their outputs are known in both modes.
        const id = req.getId();
        const known = knownState(type, req.getName(), urn, props, this.awsRegion(req.getProvider() || undefined), id);
        const state: Record<string, Json> = { ...known.outputs, ...props };
        const entry: Entry = {
            record: { urn, type, name: req.getName(), custom: true, dependencies: [], propertyDependencies: {}, options: emptyOptions(), inputs: {}, outputs: {} },
            rawInputs: props,
            state,
            id,
        };
        this.reads.set(urn, entry);
        const response = new this.sdk.resproto.ReadResourceResponse();
        response.setUrn(urn);
        response.setProperties(this.sdk.struct.Struct.fromJavaScript(state));
        response.setId?.(id);
        return response;
    }

    private async runInvoke(req: ResourceInvokeRequest): Promise<ResourceInvokeResponse> {
        const { resproto, struct } = this.sdk;
        const token = req.getTok();
        const response = new resproto.ResourceInvokeResponse();
        let args = plainObject(req.getArgs()?.toJavaScript());
        if (token === "pulumi:pulumi:getResource") {
            const urn = typeof args.urn === "string" ? args.urn : "";
            const entry = this.entries.get(urn) ?? this.reads.get(urn);
            if (entry === undefined) throw new Error(`unknown resource ${urn}`);
            response.setReturn(struct.Struct.fromJavaScript({ urn, id: entry.id ?? "", state: entry.state }));
            return response;
        }
        let provider = req.getProvider();
        let version = req.getVersion();
        let pluginDownloadURL = req.getPlugindownloadurl();
        for (const transform of this.invokeTransforms) {
            const request = new resproto.TransformInvokeRequest();
            request.setToken(token);
            request.setArgs(struct.Struct.fromJavaScript(args));
            const options = new resproto.TransformInvokeOptions();
            options.setProvider(provider);
            options.setVersion(version);
            options.setPluginDownloadUrl(pluginDownloadURL);
            request.setOptions(options);
            const result = resproto.TransformInvokeResponse.deserializeBinary(
                await this.callback(transform, request.serializeBinary()),
            );
            args = plainObject(result.getArgs()?.toJavaScript());
            const newOptions = result.getOptions();
            if (newOptions !== undefined) {
                provider = newOptions.getProvider();
                version = newOptions.getVersion();
                pluginDownloadURL = newOptions.getPluginDownloadUrl();
            }
        }
        const dependsOn = req.getDependsonList?.() ?? [];
        if (this.settings.dryRun && dependsOn.some((urn) => this.entries.get(urn)?.record.custom === true)) {
            response.setUnknown(true); // the engine does not serve an invoke whose dependencies are being created
            return response;
        }
        const pkg = token.split(":")[0];
        if (provider === "" && pkg !== "pulumi") {
            provider = this.defaultProvider(pkg, { version, pluginDownloadURL }, req.getPackageref());
        }
        const result = runInvoke(token, args, { awsRegion: this.awsRegion(provider === "" ? undefined : provider) });
        response.setReturn(struct.Struct.fromJavaScript(jsonSafe(result)));
        return response;
    }

    // ---- Transforms ----

    /** The engine's order: the resource's own transforms, its ancestors' (nearest first), the stack's. */
    private transformsFor(urn: string, own: Callback[]): Callback[] {
        const chain = [...own];
        for (let parent = this.parents.get(urn); parent !== undefined; parent = this.parents.get(parent)) {
            chain.push(...(this.ownTransforms.get(parent) ?? []));
        }
        return chain.concat(this.stackTransforms);
    }

    private async transform(
        transform: Callback,
        req: RegisterResourceRequest,
        props: Record<string, Json>,
        opts: GoalOptions,
    ): Promise<[Record<string, Json>, GoalOptions]> {
        const { resproto, struct } = this.sdk;
        const request = new resproto.TransformRequest();
        request.setType(req.getType());
        request.setName(req.getName());
        request.setCustom(req.getCustom());
        request.setParent(req.getParent());
        request.setProperties(struct.Struct.fromJavaScript(props));
        request.setOptions(toTransformOptions(this.sdk, opts));
        const result = resproto.TransformResponse.deserializeBinary(await this.callback(transform, request.serializeBinary()));
        const newProps = plainObject(result.getProperties()?.toJavaScript());
        const newOptions = result.getOptions();
        return [newProps, newOptions === undefined ? opts : fromTransformOptions(newOptions)];
    }

    /** Calls a program callback (a transform) through the SDK's callback server, as the engine does. */
    private callback(callback: Callback, payload: Uint8Array): Promise<Uint8Array> {
        const { callbackGrpc, callbackproto, grpc } = this.sdk;
        const client = new callbackGrpc.CallbacksClient(callback.getTarget(), grpc.credentials.createInsecure());
        const request = new callbackproto.CallbackInvokeRequest();
        request.setToken(callback.getToken());
        request.setRequest(payload);
        return new Promise((resolve, reject) => {
            client.invoke(request, (error, response) => {
                client.close();
                if (error !== null) reject(new Error(error.details || error.message));
                else resolve(response.getResponse_asU8());
            });
        });
    }
}

function emptyOptions(): CapturedOptions {
    return { protect: false, ignoreChanges: [], aliases: [], additionalSecretOutputs: [] };
}

/** Runs an RPC handler, turning a thrown error into a gRPC-style error the SDK reports with its message. */
function settle<T>(work: () => Promise<T>, callback: RpcCallback<T>): void {
    let promise: Promise<T>;
    try {
        promise = work();
    } catch (e) {
        promise = Promise.reject(e);
    }
    promise.then(
        (response) => callback(null, response),
        (e: unknown) => callback(rpcError(e instanceof Error ? e.message : String(e))),
    );
}

/** An error shaped like a gRPC ServiceError with status UNKNOWN (2), which the SDK surfaces to the program. */
function rpcError(message: string, code = 2): Error {
    return Object.assign(new Error(message), { code, details: message });
}

function plainObject(value: unknown): Record<string, Json> {
    return isObject(value) ? (value as Record<string, Json>) : {};
}

/** Drops `undefined` (which a protobuf Struct cannot hold) from an invoke result. */
function jsonSafe(value: Record<string, unknown>): Record<string, Json> {
    return JSON.parse(JSON.stringify(value)) as Record<string, Json>;
}
