// The registry: every policy of the pack, in one plain array. A test checks it against the folders, so a policy
// file that is not listed here (or a listed one without its test and doc) fails the build.
import type { MspPolicy } from "./core/policy";

import awsCloudwatchLogGroupRetention from "./aws/cloudwatch/log-group-retention";
import awsEc2AccessZoneVpcFlowLogs from "./aws/ec2/access-zone-vpc-flow-logs";
import awsTagsExemptionValid from "./aws/tags/exemption-valid";
import azureOperationalinsightsWorkspaceRetention from "./azure/operationalinsights/workspace-retention";
import azureTagsExemptionValid from "./azure/tags/exemption-valid";

export const policies: readonly MspPolicy[] = [
    awsCloudwatchLogGroupRetention,
    awsEc2AccessZoneVpcFlowLogs,
    awsTagsExemptionValid,
    azureOperationalinsightsWorkspaceRetention,
    azureTagsExemptionValid,
];

let names: ReadonlySet<string> | undefined;
export function policyNames(): ReadonlySet<string> {
    names ??= new Set(policies.map((p) => p.name));
    return names;
}
