// The shared settings that describe the MSP relationship (PRODUCT.md, "Shared settings"). Each is defined once
// here; every policy that reads one declares it under the same key, so Pulumi validates it per policy.
import { option } from "./options";

const AWS_ACCOUNT_ID = "^[0-9]{12}$";
const GUID = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
const CIDR = "^[0-9a-fA-F:.]+/[0-9]{1,3}$";

export const shared = {
    mspAccountIds: option.strings([], "AWS account ids of the MSPs currently allowed in. Empty: any account outside trustedAccountIds counts as third-party.", { pattern: AWS_ACCOUNT_ID }),
    trustedAccountIds: option.strings([], "The customer's own AWS account ids (same organization).", { pattern: AWS_ACCOUNT_ID }),
    partnerAccountIds: option.strings([], "AWS account ids of other third parties allowed in (SaaS vendors): not obsolete, still third-party.", { pattern: AWS_ACCOUNT_ID }),
    mspTenantIds: option.strings([], "Azure AD tenant ids of the MSPs currently allowed in (Azure Lighthouse managedByTenantId).", { pattern: GUID }),
    mspPrincipalIds: option.strings([], "Object ids of MSP users, groups or service principals in the customer's tenant.", { pattern: GUID }),
    mspIdentityTag: option.string("msp:provider", "Tag key that marks an IAM user, group or role as belonging to an MSP.", { minLength: 1 }),
    mspIamPathPrefix: option.string("/msp/", "IAM path that marks MSP users, groups and roles.", { pattern: "^/" }),
    mspSourceCidrs: option.strings([], "The MSP's management source networks (VPN egress, jump hosts), as CIDR blocks.", { pattern: CIDR }),
    accessZoneTag: option.string("msp:zone=access", "key=value tag that marks MSP-access network resources.", { pattern: "^[^=]+=.*$" }),
    logRetentionDays: option.integer(180, "Minimum retention, in days, for security logs.", { minimum: 1 }),
    backupRetentionDays: option.integer(35, "Minimum retention, in days, for backups.", { minimum: 1 }),
};

export type SharedSettingKey = keyof typeof shared;

/** The subset of shared settings a policy reads, ready to spread into its `config`. */
export function sharedSettings<K extends SharedSettingKey>(...keys: K[]): Pick<typeof shared, K> {
    const picked = {} as Pick<typeof shared, K>;
    for (const key of keys) picked[key] = shared[key];
    return picked;
}
