// The registry: every policy of the pack, in one plain array. A test checks it against the folders, so a policy
// file that is not listed here (or a listed one without its test and doc) fails the build.
import type { MspPolicy } from "./core/policy";

import awsCloudwatchLogGroupRetention from "./aws/cloudwatch/log-group-retention";
import awsEc2AccessZoneVpcFlowLogs from "./aws/ec2/access-zone-vpc-flow-logs";
import awsIamAccountPasswordPolicy from "./aws/iam/account-password-policy";
import awsIamMspAdminGroupMembership from "./aws/iam/msp-admin-group-membership";
import awsIamMspUserAccessKeys from "./aws/iam/msp-user-access-keys";
import awsIamPolicyLeastPrivilege from "./aws/iam/policy-least-privilege";
import awsIamResourcePolicyObsoleteAccount from "./aws/iam/resource-policy-obsolete-account";
import awsIamRoleMspLeastPrivilege from "./aws/iam/role-msp-least-privilege";
import awsIamRoleMspSessionDuration from "./aws/iam/role-msp-session-duration";
import awsIamRoleObsoleteAccountTrust from "./aws/iam/role-obsolete-account-trust";
import awsIamRoleThirdPartyTrust from "./aws/iam/role-third-party-trust";
import awsIamUserConsoleMfa from "./aws/iam/user-console-mfa";
import awsTagsExemptionValid from "./aws/tags/exemption-valid";
import azureOperationalinsightsWorkspaceRetention from "./azure/operationalinsights/workspace-retention";
import azureTagsExemptionValid from "./azure/tags/exemption-valid";

export const policies: readonly MspPolicy[] = [
    awsCloudwatchLogGroupRetention,
    awsEc2AccessZoneVpcFlowLogs,
    awsIamAccountPasswordPolicy,
    awsIamMspAdminGroupMembership,
    awsIamMspUserAccessKeys,
    awsIamPolicyLeastPrivilege,
    awsIamResourcePolicyObsoleteAccount,
    awsIamRoleMspLeastPrivilege,
    awsIamRoleMspSessionDuration,
    awsIamRoleObsoleteAccountTrust,
    awsIamRoleThirdPartyTrust,
    awsIamUserConsoleMfa,
    awsTagsExemptionValid,
    azureOperationalinsightsWorkspaceRetention,
    azureTagsExemptionValid,
];

let names: ReadonlySet<string> | undefined;
export function policyNames(): ReadonlySet<string> {
    names ??= new Set(policies.map((p) => p.name));
    return names;
}
