import { resourcePolicy } from "../../core/policy";
import { sharedSettings } from "../../core/settings";
import { asInteger } from "../../lib/number";
import { CLOUDWATCH_RETENTION_WHEN_OMITTED, smallestCloudWatchRetention } from "../../lib/retention/cloudwatch-logs";
import { isUnknown } from "../../lib/value";

export default resourcePolicy({
    name: "aws-cloudwatch-log-group-retention",
    description: "CloudWatch log groups must keep events at least as long as the security-log minimum (six months by default).",
    severity: "medium",
    recommendations: ["R2"],
    area: "logging",
    remediation: "Set retentionInDays to 180 or more (an accepted value such as 180, 365 or 731), or omit it to keep events forever.",
    types: ["aws:cloudwatch/logGroup:LogGroup"],
    config: sharedSettings("logRetentionDays"),
    validate(group, { config, report, cannotVerify }) {
        const raw = group.props.retentionInDays;
        if (isUnknown(raw)) {
            cannotVerify({ message: "The retention period is computed from values not known yet", property: "retentionInDays" });
            return;
        }
        const days = raw === undefined || raw === null ? CLOUDWATCH_RETENTION_WHEN_OMITTED : asInteger(raw);
        if (days === undefined) {
            report({ message: `The retention period ${JSON.stringify(raw)} is not a whole number of days`, property: "retentionInDays" });
        } else if (days !== 0 && days < config.logRetentionDays) {
            report({
                message: `Log group keeps events for ${days} days, fewer than the ${config.logRetentionDays} required`,
                property: "retentionInDays",
                fix: `Set retentionInDays to ${smallestCloudWatchRetention(config.logRetentionDays)} or more.`,
            });
        }
    },
    remediate(group, config) {
        const days = asInteger(group.props.retentionInDays);
        if (days === undefined || days === 0 || days >= config.logRetentionDays) return undefined;
        return { retentionInDays: smallestCloudWatchRetention(config.logRetentionDays) };
    },
});
