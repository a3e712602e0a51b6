// `msp-guard config init`: a complete `--policy-pack-config` file from a few flags. Every policy gets its
// enforcement level and every shared setting it declares, so nobody repeats a key per policy by hand.
import type { MspPolicy } from "../../policies/core/policy";
import { shared, SharedSettingKey } from "../../policies/core/settings";

export type SharedValues = Partial<Record<SharedSettingKey, unknown>>;

export function buildPolicyPackConfig(policies: readonly MspPolicy[], values: SharedValues, level?: string): Record<string, Record<string, unknown>> {
    const config: Record<string, Record<string, unknown>> = {};
    for (const policy of [...policies].sort((a, b) => a.name.localeCompare(b.name))) {
        const entry: Record<string, unknown> = { enforcementLevel: policy.deprecated ? "disabled" : (level ?? policy.enforcementLevel) };
        for (const key of Object.keys(policy.options)) {
            if (key in shared) entry[key] = values[key as SharedSettingKey] ?? policy.options[key].default;
        }
        config[policy.name] = entry;
    }
    return config;
}
