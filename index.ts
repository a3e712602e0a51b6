// The pack's entry point, started by the Pulumi CLI's policy-pack runner (`pulumi preview --policy-pack`,
// `pulumi policy publish`). The only file with a side effect at import: it serves the pack.
import { readFileSync } from "fs";
import { join } from "path";
import { PolicyPack } from "@pulumi/policy";
import { packArgs, PACK_NAME } from "./policies/core/pack";
import { installSecretTracking } from "./policies/core/secrets";
import { policies } from "./policies";

function readme(): string | undefined {
    try {
        return readFileSync(join(__dirname, "..", "README.md"), "utf8");
    } catch {
        return undefined;
    }
}

// Before serving, so that every message can be scrubbed of secret values (see policies/core/secrets.ts).
installSecretTracking();
new PolicyPack(PACK_NAME, packArgs(policies, readme()));
