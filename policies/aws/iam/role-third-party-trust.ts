import { resourcePolicy } from "../../core/policy";
import { option } from "../../core/options";
import { sharedSettings } from "../../core/settings";
import { analyseTrust, parsePolicyDocument } from "../../lib/iam";
import { AccountStanding } from "./shared/msp-identity";
import { thirdPartyTrustGaps, TrustControl } from "./shared/third-party-trust";

const PROPERTY = "assumeRolePolicy";

/** How a message names an account: by its standing in the settings. */
const NAMED: Record<AccountStanding, (account: string) => string> = {
    msp: (account) => `MSP account ${account}`,
    partner: (account) => `Partner account ${account}`,
    unlisted: (account) => `Account ${account} (not in trustedAccountIds)`,
    trusted: (account) => `Account ${account}`,
};

const CONTROL: Record<TrustControl, { missing: string; fix: (label: string) => string }> = {
    MFA: {
        missing: "without MFA",
        fix: (label) => `Add "Bool": {"aws:MultiFactorAuthPresent": "true"} to the Condition of ${label} (not BoolIfExists, which lets long-term access keys through).`,
    },
    ExternalId: {
        missing: "without an ExternalId",
        fix: (label) => `Add "StringEquals": {"sts:ExternalId": "<a unique value agreed with the third party>"} to the Condition of ${label}.`,
    },
};

export default resourcePolicy({
    name: "aws-iam-role-third-party-trust",
    description:
        "An IAM role that another AWS account can assume (an MSP, a partner, any account outside trustedAccountIds) must require MFA and an sts:ExternalId in every statement that admits that account, and must never trust any principal (\"*\") without a condition restricting it.",
    severity: "high",
    recommendations: ["T2", "R3"],
    area: "identity",
    remediation:
        "In the role's assumeRolePolicy, give every statement that admits another account the conditions \"Bool\": {\"aws:MultiFactorAuthPresent\": \"true\"} and \"StringEquals\": {\"sts:ExternalId\": \"<agreed value>\"}, and replace a Principal \"*\" with the accounts allowed in.",
    types: ["aws:iam/role:Role"],
    config: {
        ...sharedSettings("mspAccountIds", "trustedAccountIds", "partnerAccountIds"),
        requireExternalId: option.boolean(true, "Whether a role that another account can assume must also require an sts:ExternalId condition (false: MFA alone is required)."),
    },
    validate(role, { config, report, cannotVerify }) {
        const trust = analyseTrust(parsePolicyDocument(role.props[PROPERTY]));
        if (trust.kind === "unknown") {
            cannotVerify({ message: "The trust policy is computed from values not known yet, so whether it lets another account in without MFA and an ExternalId cannot be told", property: PROPERTY });
        }
        if (trust.kind === "invalid") {
            // AWS rejects such a document at deployment; until then, say why nothing else is checked.
            report({ message: `The trust policy cannot be read (${trust.reason}), so whom it admits cannot be checked`, property: PROPERTY, fix: "Pass a valid IAM policy document: a JSON string or an object with Version and Statement (aws.iam.getPolicyDocument builds one).", advisory: true, severity: "medium" });
        }
        if (trust.kind !== "trust") return;
        for (const gap of thirdPartyTrustGaps(trust, config, config.requireExternalId)) {
            const label = gap.statement.label;
            if (gap.kind === "unknown-principal") {
                const missing = gap.controls.map((c) => (c === "MFA" ? "MFA" : "an ExternalId")).join(" and ");
                cannotVerify({ message: `${label} admits a principal not known yet (it may be another AWS account) and does not itself require ${missing}`, property: PROPERTY });
            } else if (gap.kind === "anyone") {
                const message = `${label} lets any AWS principal assume the role (Principal ${gap.principal}): ${gap.reason}`;
                const fix = `Name the accounts allowed in the Principal of ${label}, or restrict it with a condition on aws:PrincipalOrgID or aws:PrincipalAccount.`;
                if (gap.verdict === "yes") report({ message, property: PROPERTY, fix, severity: "critical" });
                else cannotVerify({ message, property: PROPERTY });
            } else {
                const who = NAMED[gap.standing](gap.account);
                const control = CONTROL[gap.control];
                if (gap.verdict === "yes") {
                    report({ message: `${who} can assume the role through ${label} ${control.missing}: ${gap.reason}`, property: PROPERTY, fix: control.fix(label) });
                } else {
                    cannotVerify({ message: `Whether ${who} can assume the role through ${label} ${control.missing} depends on values not known yet: ${gap.reason}`, property: PROPERTY });
                }
            }
        }
    },
});
