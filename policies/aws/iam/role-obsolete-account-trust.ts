import { resourcePolicy } from "../../core/policy";
import { sharedSettings } from "../../core/settings";
import { analyseTrust, parsePolicyDocument } from "../../lib/iam";
import { reportObsoleteAccounts } from "./shared/obsolete-accounts";

const PROPERTY = "assumeRolePolicy";

export default resourcePolicy({
    name: "aws-iam-role-obsolete-account-trust",
    description:
        "An IAM role's trust policy must not admit an AWS account listed in none of trustedAccountIds, mspAccountIds and partnerAccountIds (an obsolete or unknown grant); checked only when mspAccountIds is configured, since without it no account can be told obsolete from current.",
    severity: "high",
    recommendations: ["T1", "R6", "R10"],
    area: "identity",
    remediation:
        "Remove the account from the role's assumeRolePolicy (or delete the role) when the MSP or vendor no longer manages the environment; if the account is current, add it to mspAccountIds, partnerAccountIds or trustedAccountIds.",
    types: ["aws:iam/role:Role"],
    config: sharedSettings("mspAccountIds", "trustedAccountIds", "partnerAccountIds"),
    validate(role, { config, report, cannotVerify }) {
        if (config.mspAccountIds.length === 0) return;
        const trust = analyseTrust(parsePolicyDocument(role.props[PROPERTY]));
        if (trust.kind === "unknown") {
            cannotVerify({ message: "The trust policy is computed from values not known yet, so whether it admits an account listed nowhere cannot be told", property: PROPERTY });
        }
        if (trust.kind === "trust") reportObsoleteAccounts(trust.admissions, config, PROPERTY, { report, cannotVerify });
    },
});
