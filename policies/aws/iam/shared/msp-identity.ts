// Who is the MSP (PRODUCT.md, "Shared settings"): an IAM role is MSP access when its trust policy admits an account
// outside `trustedAccountIds` (or one in `mspAccountIds`), or when it carries the MSP tag or path; an IAM user or
// group is the MSP's when it carries the tag or path. Shared by the AWS identity policies so they agree.
import { readTags, tagValue } from "../../../core/tags";
import { admittedAccounts, parsePolicyDocument } from "../../../lib/iam";
import { isUnknown, PlainObject } from "../../../lib/value";

/** The account lists of the shared settings: who is the customer, who the MSPs, who the partners. */
export interface AccountLists {
    readonly mspAccountIds: readonly string[];
    readonly trustedAccountIds: readonly string[];
    readonly partnerAccountIds: readonly string[];
}

export interface MspIdentitySettings extends AccountLists {
    readonly mspIdentityTag: string;
    readonly mspIamPathPrefix: string;
}

/** How an AWS account stands with the customer. */
export type AccountStanding = "trusted" | "msp" | "partner" | "unlisted";

/** An account listed as an MSP is one, even when also listed as trusted: the MSP list is the more specific statement. */
export function accountStanding(account: string, settings: AccountLists): AccountStanding {
    if (settings.mspAccountIds.includes(account)) return "msp";
    if (settings.trustedAccountIds.includes(account)) return "trusted";
    if (settings.partnerAccountIds.includes(account)) return "partner";
    return "unlisted";
}

/** Third-party access: any account that is not the customer's own (MSPs and partners included). */
export function isThirdParty(account: string, settings: AccountLists): boolean {
    return accountStanding(account, settings) !== "trusted";
}

export interface MspEvidence {
    readonly verdict: "yes" | "no" | "unknown";
    /** Why it is (or may be) MSP access, for messages: `tag msp:provider=acme`, `trusts account 111122223333`. */
    readonly reasons: readonly string[];
}

/** The settings that mark an identity as the MSP's, whatever it trusts. */
export type MarkingSettings = Pick<MspIdentitySettings, "mspIdentityTag" | "mspIamPathPrefix">;

/** Whether the tag or the IAM path marks an identity (user, group or role) as the MSP's. */
export function markedAsMsp(props: PlainObject, settings: MarkingSettings): MspEvidence {
    const reasons: string[] = [];
    let unknown = false;
    const tags = readTags(props);
    const tag = tagValue(tags, settings.mspIdentityTag);
    if (tag !== undefined && isUnknown(tag)) unknown = true;
    else if (tag !== undefined) reasons.push(`tag ${settings.mspIdentityTag}`);
    else if (tags.unknown) unknown = true;
    const path = props.path;
    if (isUnknown(path)) unknown = true;
    else if (typeof path === "string" && path.startsWith(settings.mspIamPathPrefix)) reasons.push(`path ${path}`);
    return { verdict: reasons.length > 0 ? "yes" : unknown ? "unknown" : "no", reasons };
}

/** Whether a role (its `assumeRolePolicy`, tags and path) is MSP access. */
export function mspRoleEvidence(role: PlainObject, settings: MspIdentitySettings): MspEvidence {
    const marked = markedAsMsp(role, settings);
    const reasons = [...marked.reasons];
    let unknown = marked.verdict === "unknown";
    const trust = parsePolicyDocument(role.assumeRolePolicy);
    if (trust.kind === "unknown") unknown = true;
    if (trust.kind === "document") {
        for (const { account } of admittedAccounts(trust)) {
            if (isThirdParty(account, settings)) reasons.push(`trusts account ${account}`);
        }
    }
    return { verdict: reasons.length > 0 ? "yes" : unknown ? "unknown" : "no", reasons };
}
