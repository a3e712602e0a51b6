// Encoding resources into analyzer requests, as the engine fills them. Shared by the driver and the benchmark,
// which encodes ahead of time so that it measures the pack, not the encoder.
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as analyzerpb from "@pulumi/pulumi/proto/analyzer_pb";
import type { WireProperties, WireResource } from "./wire";

export function toStruct(props: WireProperties): Struct {
    return Struct.fromJavaScript(props as Parameters<typeof Struct.fromJavaScript>[0]);
}

function options(resource: WireResource): analyzerpb.AnalyzerResourceOptions {
    const o = resource.options ?? {};
    const opts = new analyzerpb.AnalyzerResourceOptions();
    opts.setProtect(o.protect ?? false);
    opts.setIgnorechangesList(o.ignoreChanges ?? []);
    opts.setAliasesList(o.aliases ?? []);
    opts.setAdditionalsecretoutputsList(o.additionalSecretOutputs ?? []);
    if (o.deleteBeforeReplace !== undefined) {
        opts.setDeletebeforereplace(o.deleteBeforeReplace);
        opts.setDeletebeforereplacedefined(true);
    }
    if (o.customTimeouts) {
        const t = new analyzerpb.AnalyzerResourceOptions.CustomTimeouts();
        t.setCreate(o.customTimeouts.create ?? 0);
        t.setUpdate(o.customTimeouts.update ?? 0);
        t.setDelete(o.customTimeouts.delete ?? 0);
        opts.setCustomtimeouts(t);
    }
    if (resource.parent) opts.setParent(resource.parent);
    return opts;
}

function provider(resource: WireResource): analyzerpb.AnalyzerProviderResource {
    const p = new analyzerpb.AnalyzerProviderResource();
    p.setType(resource.provider!.type);
    p.setName(resource.provider!.name);
    p.setUrn(resource.provider!.urn);
    p.setProperties(toStruct(resource.provider!.properties));
    return p;
}

export function stackResource(resource: WireResource): analyzerpb.AnalyzerResource {
    const r = new analyzerpb.AnalyzerResource();
    r.setType(resource.type);
    r.setName(resource.name);
    r.setUrn(resource.urn);
    r.setProperties(toStruct(resource.properties));
    r.setOptions(options(resource));
    if (resource.provider) r.setProvider(provider(resource));
    if (resource.parent) r.setParent(resource.parent);
    r.setDependenciesList(resource.dependencies ?? []);
    const deps = r.getPropertydependenciesMap();
    for (const [key, urns] of Object.entries(resource.propertyDependencies ?? {})) {
        // The engine leaves out properties that depend on nothing.
        if (urns.length === 0) continue;
        const d = new analyzerpb.AnalyzerPropertyDependencies();
        d.setUrnsList(urns);
        deps.set(key, d);
    }
    return r;
}

export function analyzeRequest(resource: WireResource): analyzerpb.AnalyzeRequest {
    const request = new analyzerpb.AnalyzeRequest();
    request.setType(resource.type);
    request.setName(resource.name);
    request.setUrn(resource.urn);
    request.setProperties(toStruct(resource.properties));
    request.setOptions(options(resource));
    if (resource.provider) request.setProvider(provider(resource));
    return request;
}

export function analyzeStackRequest(resources: readonly WireResource[]): analyzerpb.AnalyzeStackRequest {
    const request = new analyzerpb.AnalyzeStackRequest();
    request.setResourcesList(resources.map(stackResource));
    return request;
}
