// Whether an IAM user (or group) is the MSP's: its tag or IAM path marks it (PRODUCT.md, "Shared settings"). Users
// have no trust policy, so only the marking settings matter; this spares user policies the account lists that
// `markedAsMsp` takes for roles' sake.
import { markedAsMsp, MspEvidence, MspIdentitySettings } from "./msp-identity";
import type { PlainObject } from "../../../lib/value";

export type MarkingSettings = Pick<MspIdentitySettings, "mspIdentityTag" | "mspIamPathPrefix">;

export function mspUserEvidence(props: PlainObject, settings: MarkingSettings): MspEvidence {
    return markedAsMsp(props, { ...settings, mspAccountIds: [], trustedAccountIds: [], partnerAccountIds: [] });
}
