// Reading numbers as programs really pass them: a number, or a string of digits (config values, YAML programs).
import type { Plain } from "./value";

/** A whole number from a number or a decimal string; undefined for anything else. */
export function asInteger(value: Plain | undefined): number | undefined {
    if (typeof value === "number") return Number.isInteger(value) ? value : undefined;
    if (typeof value === "string" && /^\s*-?\d+\s*$/.test(value)) return Number.parseInt(value, 10);
    return undefined;
}
