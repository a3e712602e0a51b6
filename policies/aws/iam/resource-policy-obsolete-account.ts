import { resourcePolicy } from "../../core/policy";
import { sharedSettings } from "../../core/settings";
import { grantSources } from "./shared/account-grants";
import { reportObsoleteAccounts } from "./shared/obsolete-accounts";
import { RESOURCE_POLICY_TYPES, resourcePolicyOf } from "./shared/resource-policies";

export default resourcePolicy({
    name: "aws-iam-resource-policy-obsolete-account",
    description:
        "A resource policy (S3 bucket, SQS queue, SNS topic, KMS key, ECR repository, secret, Glacier or Backup vault, Lambda permission) must not grant access to an AWS account listed in none of trustedAccountIds, mspAccountIds and partnerAccountIds; checked only when mspAccountIds is configured, since without it no account can be told obsolete from current.",
    severity: "high",
    recommendations: ["T1", "R6", "R10"],
    area: "identity",
    remediation:
        "Remove the account from the resource policy (or delete the Lambda permission) when the MSP or vendor no longer manages the environment; if the account is current, add it to mspAccountIds, partnerAccountIds or trustedAccountIds.",
    types: RESOURCE_POLICY_TYPES,
    config: sharedSettings("mspAccountIds", "trustedAccountIds", "partnerAccountIds"),
    validate(resource, { config, report, cannotVerify }) {
        if (config.mspAccountIds.length === 0) return;
        const policy = resourcePolicyOf(resource.type, resource.props);
        if (!policy) return;
        if (policy.document.kind === "invalid") {
            report({ message: `The resource policy cannot be read (${policy.document.reason}), so the accounts it grants cannot be checked`, property: policy.property, fix: "Pass a valid IAM policy document: a JSON string or an object with Version and Statement (aws.iam.getPolicyDocument builds one).", advisory: true, severity: "medium" });
        } else if (policy.document.kind === "unknown") {
            cannotVerify({ message: "The resource policy is computed from values not known yet, so whether it grants an account listed nowhere cannot be told", property: policy.property });
        } else {
            reportObsoleteAccounts(grantSources(policy.document), config, policy.property, { report, cannotVerify });
        }
    },
});
