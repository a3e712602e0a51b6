// Wire-encoded values for test inputs, as the engine sends them.
import { UNKNOWN_SENTINEL, wireSecret } from "../../cli/driver/wire";
import type { WireValue } from "../../cli/driver/wire";

/** A value unknown during preview. */
export const unknown: WireValue = UNKNOWN_SENTINEL;

/** A secret value (`pulumi.secret(...)`). */
export function secret(value: WireValue): WireValue {
    return wireSecret(value);
}
