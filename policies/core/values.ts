// Unknown- and secret-aware property access. The SDK hands validators a proxy that throws on any unknown value;
// policies instead get a plain copy in which unknowns are the UNKNOWN marker, so no policy touches an unknown by
// accident and each decides, explicitly, what an unknown means for its verdict.
import { Secret } from "@pulumi/policy";
import { Plain, PlainObject, UNKNOWN } from "../lib/value";

// The sentinels the engine uses for values not known during preview (the SDK's proxy module names them; the
// engine itself sends the string one for every type).
const UNKNOWN_SENTINELS: ReadonlySet<string> = new Set([
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "030794c1-ac77-496b-92df-f27374a8bd58",
    "e48ece36-62e2-4504-bad9-02848725956a",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
]);

const GET_TARGET = "__getSpecialProxyTarget";

/** The object behind the SDK's unknown-checking proxy (reading through the proxy would throw on unknowns). */
export function unproxied(value: unknown): unknown {
    if (value === null || typeof value !== "object") return value;
    const target = (value as Record<string, unknown>)[GET_TARGET];
    return target === undefined ? value : target;
}

/** A plain, JSON-like copy of property values, with unknowns as UNKNOWN. Never throws. */
export function toPlain(value: unknown, depth = 0): Plain {
    value = unproxied(value);
    if (value === null || value === undefined) return null;
    if (typeof value === "string") return UNKNOWN_SENTINELS.has(value) ? UNKNOWN : value;
    if (typeof value === "number") return Number.isFinite(value) ? value : null;
    if (typeof value === "boolean") return value;
    // Property bags from the engine are shallow in practice; the limit guards against cycles in hand-made ones.
    if (typeof value !== "object" || depth > 64) return null;
    if (Array.isArray(value)) return value.map((v) => toPlain(v, depth + 1));
    if (value instanceof Promise) return null;
    // Remediation sees secrets as Secret wrappers (the SDK keeps them so a fix can preserve secretness).
    if (value instanceof Secret) return toPlain(value.value, depth + 1);
    const out: PlainObject = {};
    for (const [k, v] of Object.entries(value)) {
        if (typeof v !== "function") out[k] = toPlain(v, depth + 1);
    }
    return out;
}

export function toPlainObject(value: unknown): PlainObject {
    const plain = toPlain(value);
    return plain !== null && typeof plain === "object" && !Array.isArray(plain) && plain !== UNKNOWN ? (plain as PlainObject) : {};
}
