// Plain property values as policies see them: JSON-like data in which a value that is not known yet (during
// `pulumi preview`, an output of a resource that does not exist yet) is the UNKNOWN marker instead of a
// look-alike string. Pure: knows nothing of Pulumi; the core converts the engine's encoding into this one.

/** The marker for a value that is unknown during preview. Compare with `isUnknown`, never by content. */
export interface Unknown {
    readonly __unknown: true;
}

export const UNKNOWN: Unknown = Object.freeze({ __unknown: true as const });

export type Plain = null | boolean | number | string | Unknown | Plain[] | PlainObject;
export interface PlainObject {
    [key: string]: Plain;
}

export function isUnknown(value: unknown): value is Unknown {
    return value === UNKNOWN;
}

export function isPlainObject(value: unknown): value is PlainObject {
    return typeof value === "object" && value !== null && !Array.isArray(value) && value !== UNKNOWN;
}

/** True when the value is, or contains anywhere inside it, an unknown. */
export function containsUnknown(value: unknown): boolean {
    if (value === UNKNOWN) return true;
    if (Array.isArray(value)) return value.some(containsUnknown);
    if (isPlainObject(value)) return Object.values(value).some(containsUnknown);
    return false;
}

/** A value as a list: IAM, tags and many provider inputs accept one element or an array of them. */
export function asList(value: Plain | undefined): Plain[] {
    if (value === undefined || value === null) return [];
    return Array.isArray(value) ? value : [value];
}
