// The engine's wire encoding of property values, and the conversion from what a program sends in a RegisterResource
// request to what the engine sends an analyzer.
//
// The SDK serializes inputs with special objects keyed by SIG_KEY (sdk/nodejs/runtime/rpc.ts). The engine unmarshals
// the request keeping unknowns, secrets, resource references and asset hashes, and marshals the properties for an
// analyzer with KeepUnknowns and KeepSecrets but without KeepResources and with SkipInternalKeys
// (sdk/go/common/resource/plugin/analyzer_plugin.go, rpc.go). `toAnalyzerWire` applies the same round trip.

import { createHash } from "crypto";
import * as fs from "fs";
import type { WireObject, WireValue } from "./types";

// The child process that runs a program loads only this folder (see run.ts), so these constants are not imported
// from cli/driver/wire.ts; a test checks that the two agree.

/** Every computed value the SDK sends is this string; the engine marshals a computed string back to it. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** The engine's typed unknown sentinels (bool, number, array, asset, archive, object), all meaning "unknown". */
export const TYPED_UNKNOWNS: ReadonlySet<string> = new Set([
    UNKNOWN,
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "030794c1-ac77-496b-92df-f27374a8bd58",
    "e48ece36-62e2-4504-bad9-02848725956a",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);
export const SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
export const RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
export const OUTPUT_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
export const ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
export const ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";

export function isUnknown(value: unknown): boolean {
    return typeof value === "string" && TYPED_UNKNOWNS.has(value);
}

export function secret(value: WireValue): WireObject {
    return { [SIG_KEY]: SECRET_SIG, value };
}

export function isSecret(value: unknown): value is { value: WireValue } {
    return isObject(value) && value[SIG_KEY] === SECRET_SIG;
}

export function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Internal keys ("__defaults", "__meta") that the engine skips when marshalling for an analyzer. */
function isInternalKey(key: string): boolean {
    return key.startsWith("__");
}

/**
 * Converts a value as the SDK sent it (the `toJavaScript()` of the request's Struct) to the encoding an analyzer
 * receives: secrets stay wrapped (nested secrets collapse), resource references become the id of a custom resource
 * (the unknown sentinel while it is unknown) or the urn of a component, output values become their value (unknown and
 * secret as such), file and text assets gain the hash the engine computes, internal keys are dropped.
 */
export function toAnalyzerWire(value: unknown): WireValue {
    if (value === null || value === undefined) return null;
    if (typeof value === "string" || typeof value === "boolean") return value;
    if (typeof value === "number") return value;
    if (Array.isArray(value)) return value.map(toAnalyzerWire);
    if (!isObject(value)) return null;
    switch (value[SIG_KEY]) {
        case SECRET_SIG: {
            const inner = toAnalyzerWire(value.value);
            return isSecret(inner) ? inner : secret(inner);
        }
        case RESOURCE_SIG:
            return resourceReference(value);
        case OUTPUT_SIG: {
            const inner = "value" in value ? toAnalyzerWire(value.value) : UNKNOWN;
            return value.secret === true && !isSecret(inner) ? secret(inner) : inner;
        }
        case ASSET_SIG:
            return withAssetHash(value);
        case ARCHIVE_SIG:
            return copyObject(value);
        default:
            return copyObject(value);
    }
}

export function toAnalyzerWireProperties(properties: Record<string, unknown>): Record<string, WireValue> {
    const out: Record<string, WireValue> = {};
    for (const [key, value] of Object.entries(properties)) {
        if (value === undefined || isInternalKey(key)) continue;
        out[key] = toAnalyzerWire(value);
    }
    return out;
}

function copyObject(value: Record<string, unknown>): WireObject {
    const out: WireObject = {};
    for (const [key, inner] of Object.entries(value)) {
        if (inner === undefined || isInternalKey(key)) continue;
        out[key] = toAnalyzerWire(inner);
    }
    return out;
}

/** Without KeepResources the engine marshals a reference as the resource's id, or its urn when it has no id. */
function resourceReference(value: Record<string, unknown>): WireValue {
    if ("id" in value) {
        const id = value.id;
        return typeof id === "string" && id !== "" && !isUnknown(id) ? id : UNKNOWN;
    }
    return typeof value.urn === "string" ? value.urn : UNKNOWN;
}

/** The engine unmarshals requests with ComputeAssetHashes: text and file assets carry the sha256 of their bytes. */
function withAssetHash(value: Record<string, unknown>): WireObject {
    const out = copyObject(value);
    if (typeof out.hash === "string") return out;
    let bytes: Buffer | undefined;
    if (typeof value.text === "string") bytes = Buffer.from(value.text, "utf8");
    else if (typeof value.path === "string") {
        try {
            bytes = fs.readFileSync(value.path);
        } catch {
            bytes = undefined;
        }
    }
    if (bytes !== undefined) out.hash = createHash("sha256").update(bytes).digest("hex");
    return out;
}
