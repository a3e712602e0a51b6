import { resourcePolicy } from "../../core/policy";
import { option } from "../../core/options";
import { PASSWORD_AGE_RANGE, PASSWORD_LENGTH_RANGE, PASSWORD_REUSE_RANGE, passwordPolicyGaps } from "./shared/password-policy";

/** The default requirements, after common guidance for IAM password policies (CIS AWS Foundations). */
const LENGTH = 14;
const REUSE = 24;
const AGE_DAYS = 90;

export default resourcePolicy({
    name: "aws-iam-account-password-policy",
    description:
        `The IAM account password policy must resist brute force and password spraying: long passwords (${LENGTH} characters by default), no reuse of the last ${REUSE}, expiry within ${AGE_DAYS} days, and lowercase, uppercase, digits and symbols required.`,
    severity: "medium",
    recommendations: ["R1"],
    area: "identity",
    remediation:
        `Set minimumPasswordLength to ${LENGTH} or more, passwordReusePrevention to ${REUSE}, maxPasswordAge to ${AGE_DAYS} or less, and requireLowercaseCharacters, requireUppercaseCharacters, requireNumbers and requireSymbols to true.`,
    types: ["aws:iam/accountPasswordPolicy:AccountPasswordPolicy"],
    config: {
        minimumPasswordLength: option.integer(LENGTH, "The shortest password length to require.", PASSWORD_LENGTH_RANGE),
        passwordReusePrevention: option.integer(REUSE, "How many earlier passwords must not be reused (0: not checked).", { minimum: 0, maximum: PASSWORD_REUSE_RANGE.maximum }),
        maxPasswordAgeDays: option.integer(AGE_DAYS, "The longest a password may stay valid, in days (0: expiry is not checked).", { minimum: 0, maximum: PASSWORD_AGE_RANGE.maximum }),
        requireCharacterClasses: option.boolean(true, "Whether lowercase, uppercase, digit and symbol characters must all be required."),
    },
    validate(policy, { config, report, cannotVerify }) {
        for (const gap of passwordPolicyGaps(policy.props, config)) {
            const finding = { message: gap.message, property: gap.property };
            if (gap.kind === "unknown") cannotVerify(finding);
            else report(gap.fix === undefined ? finding : { ...finding, fix: `Set ${gap.property} to ${gap.fix}.` });
        }
    },
    remediate(policy, config) {
        const changes: Record<string, number | boolean> = {};
        for (const gap of passwordPolicyGaps(policy.props, config)) if (gap.kind === "short" && gap.fix !== undefined) changes[gap.property] = gap.fix;
        return Object.keys(changes).length > 0 ? changes : undefined;
    },
});
