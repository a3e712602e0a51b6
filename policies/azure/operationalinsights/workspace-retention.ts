import { resourcePolicy } from "../../core/policy";
import { sharedSettings } from "../../core/settings";
import { asInteger } from "../../lib/number";
import {
    LOG_ANALYTICS_FREE_SKU_RETENTION_DAYS,
    LOG_ANALYTICS_MAX_RETENTION_DAYS,
    LOG_ANALYTICS_RETENTION_WHEN_OMITTED,
} from "../../lib/retention/log-analytics";
import { isPlainObject, isUnknown } from "../../lib/value";

export default resourcePolicy({
    name: "azure-operationalinsights-workspace-retention",
    description: "Log Analytics workspaces that collect security logs must retain data at least as long as the security-log minimum (six months by default).",
    severity: "medium",
    recommendations: ["R2"],
    area: "logging",
    remediation: "Set retentionInDays to 180 or more (up to 730) on a paid SKU such as PerGB2018.",
    types: [
        "azure-native:operationalinsights:Workspace",
        // azure-native v2 also offered explicit API-version modules; v3 keeps them as aliases.
        "azure-native:operationalinsights/v20200801:Workspace",
        "azure-native:operationalinsights/v20210601:Workspace",
        "azure-native:operationalinsights/v20221001:Workspace",
        "azure-native:operationalinsights/v20230901:Workspace",
        "azure-native:operationalinsights/v20250201:Workspace",
    ],
    config: sharedSettings("logRetentionDays"),
    validate(workspace, { config, report, cannotVerify }) {
        const { retentionInDays: raw, sku } = workspace.props;
        const skuName = isPlainObject(sku) ? sku.name : undefined;
        if (isUnknown(raw) || isUnknown(sku) || isUnknown(skuName)) {
            cannotVerify({ message: "The retention period or SKU is computed from values not known yet", property: "retentionInDays" });
            return;
        }
        if (typeof skuName === "string" && skuName.toLowerCase() === "free") {
            report({
                message: `The Free SKU keeps data only ${LOG_ANALYTICS_FREE_SKU_RETENTION_DAYS} days, fewer than the ${config.logRetentionDays} required`,
                property: "sku.name",
                fix: `Use the PerGB2018 SKU and set retentionInDays to ${config.logRetentionDays} or more.`,
            });
            return;
        }
        const days = raw === undefined || raw === null ? LOG_ANALYTICS_RETENTION_WHEN_OMITTED : asInteger(raw);
        if (days === undefined) {
            report({ message: `The retention period ${JSON.stringify(raw)} is not a whole number of days`, property: "retentionInDays" });
        } else if (days < config.logRetentionDays) {
            const omitted = raw === undefined || raw === null ? " (the default when retentionInDays is omitted)" : "";
            report({
                message: `Workspace retains data for ${days} days${omitted}, fewer than the ${config.logRetentionDays} required`,
                property: "retentionInDays",
                fix: `Set retentionInDays to ${Math.min(config.logRetentionDays, LOG_ANALYTICS_MAX_RETENTION_DAYS)} or more; beyond ${LOG_ANALYTICS_MAX_RETENTION_DAYS} days, add long-term retention on the tables.`,
            });
        }
    },
    remediate(workspace, config) {
        const { retentionInDays: raw, sku } = workspace.props;
        if (isPlainObject(sku) && typeof sku.name === "string" && sku.name.toLowerCase() === "free") return undefined;
        const days = raw === undefined || raw === null ? LOG_ANALYTICS_RETENTION_WHEN_OMITTED : asInteger(raw);
        if (days === undefined || days >= config.logRetentionDays) return undefined;
        return { retentionInDays: Math.min(config.logRetentionDays, LOG_ANALYTICS_MAX_RETENTION_DAYS) };
    },
});
