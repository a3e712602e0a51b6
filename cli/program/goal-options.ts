// The options of a resource registration as the engine holds them ("goal" options): read from the RegisterResource
// request, handed to transforms and read back from what they return.

import type { Alias } from "@pulumi/pulumi/proto/alias_pb";
import type { RegisterResourceRequest, TransformResourceOptions } from "@pulumi/pulumi/proto/resource_pb";
import type { Sdk } from "./sdk";

/** The goal options of a registration, as the engine holds them (and as transforms see and change them). */
export interface GoalOptions {
    protect?: boolean;
    dependencies: string[];
    ignoreChanges: string[];
    replaceOnChanges: string[];
    version: string;
    pluginDownloadURL: string;
    aliases: Alias[];
    aliasUrns: string[];
    provider: string;
    providers: Map<string, string>;
    timeouts: { create: string; update: string; delete: string };
    retainOnDelete?: boolean;
    deletedWith: string;
    deleteBeforeReplace?: boolean;
    additionalSecretOutputs: string[];
    importId: string;
}

export function goalOptions(req: RegisterResourceRequest): GoalOptions {
    const timeouts = req.getCustomtimeouts();
    const providers = new Map<string, string>();
    req.getProvidersMap().forEach((ref, pkg) => providers.set(pkg, ref));
    return {
        protect: req.hasProtect?.() === false ? undefined : req.getProtect(),
        dependencies: req.getDependenciesList(),
        ignoreChanges: req.getIgnorechangesList(),
        replaceOnChanges: req.getReplaceonchangesList(),
        version: req.getVersion(),
        pluginDownloadURL: req.getPlugindownloadurl(),
        aliases: req.getAliasesList?.() ?? [],
        aliasUrns: req.getAliasurnsList(),
        provider: req.getProvider(),
        providers,
        timeouts: {
            create: timeouts?.getCreate() ?? "",
            update: timeouts?.getUpdate() ?? "",
            delete: timeouts?.getDelete() ?? "",
        },
        retainOnDelete: req.hasRetainondelete?.() === false ? undefined : req.getRetainondelete(),
        deletedWith: req.getDeletedwith(),
        deleteBeforeReplace: req.getDeletebeforereplacedefined() ? req.getDeletebeforereplace() : undefined,
        additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
        importId: req.getImportid(),
    };
}

/** The options a transform returned replace the goal's options entirely, as in the engine. */
export function fromTransformOptions(options: TransformResourceOptions): GoalOptions {
    const timeouts = options.getCustomTimeouts();
    const providers = new Map<string, string>();
    options.getProvidersMap().forEach((ref, pkg) => providers.set(pkg, ref));
    return {
        protect: options.hasProtect() ? options.getProtect() : undefined,
        dependencies: options.getDependsOnList(),
        ignoreChanges: options.getIgnoreChangesList(),
        replaceOnChanges: options.getReplaceOnChangesList(),
        version: options.getVersion(),
        pluginDownloadURL: options.getPluginDownloadUrl(),
        aliases: options.getAliasesList(),
        aliasUrns: [],
        provider: options.getProvider(),
        providers,
        timeouts: {
            create: timeouts?.getCreate() ?? "",
            update: timeouts?.getUpdate() ?? "",
            delete: timeouts?.getDelete() ?? "",
        },
        retainOnDelete: options.hasRetainOnDelete() ? options.getRetainOnDelete() : undefined,
        deletedWith: options.getDeletedWith(),
        deleteBeforeReplace: options.hasDeleteBeforeReplace() ? options.getDeleteBeforeReplace() : undefined,
        additionalSecretOutputs: options.getAdditionalSecretOutputsList(),
        importId: options.getImport?.() ?? "",
    };
}

/** The goal options as a transform receives them. */
export function toTransformOptions(sdk: Sdk, opts: GoalOptions): TransformResourceOptions {
    const { resproto } = sdk;
    const options = new resproto.TransformResourceOptions();
    options.setDependsOnList(opts.dependencies);
    if (opts.protect !== undefined) options.setProtect(opts.protect);
    options.setIgnoreChangesList(opts.ignoreChanges);
    options.setReplaceOnChangesList(opts.replaceOnChanges);
    options.setVersion(opts.version);
    options.setAliasesList(opts.aliases);
    options.setProvider(opts.provider);
    const timeouts = new resproto.RegisterResourceRequest.CustomTimeouts();
    timeouts.setCreate(opts.timeouts.create);
    timeouts.setUpdate(opts.timeouts.update);
    timeouts.setDelete(opts.timeouts.delete);
    options.setCustomTimeouts(timeouts);
    options.setPluginDownloadUrl(opts.pluginDownloadURL);
    if (opts.retainOnDelete !== undefined) options.setRetainOnDelete(opts.retainOnDelete);
    options.setDeletedWith(opts.deletedWith);
    if (opts.deleteBeforeReplace !== undefined) options.setDeleteBeforeReplace(opts.deleteBeforeReplace);
    options.setAdditionalSecretOutputsList(opts.additionalSecretOutputs);
    for (const [pkg, ref] of opts.providers) options.getProvidersMap().set(pkg, ref);
    options.setImport?.(opts.importId);
    return options;
}
