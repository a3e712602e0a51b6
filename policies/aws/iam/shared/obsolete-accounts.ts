// Obsolete or unknown grants (AA22-131A T1, R6, R10): an AWS account that a trust or resource policy admits but that
// the settings list nowhere (not trusted, not a current MSP, not a partner). Only decidable when the current MSPs
// are configured: with an empty `mspAccountIds` no account can be told obsolete from current, and nothing is reported.
import type { Finding } from "../../../core/policy";
import { accountGrants, ADMISSION_UNKNOWN, GrantSource, unknownAccountPrincipals } from "./account-grants";
import { AccountLists, accountStanding } from "./msp-identity";

export interface Reporter {
    report(finding: Finding): void;
    cannotVerify(finding: Finding): void;
}

const LISTS = "trustedAccountIds, mspAccountIds or partnerAccountIds";

/** Report each (account, statement) that grants an unlisted account, and each statement whose principal is unknown. */
export function reportObsoleteAccounts(sources: readonly GrantSource[], lists: AccountLists, property: string, reporter: Reporter): void {
    if (lists.mspAccountIds.length === 0) return;
    for (const grant of accountGrants(sources)) {
        if (accountStanding(grant.account, lists) !== "unlisted") continue;
        const spelled = grant.namedBy === grant.account ? "" : ` (as ${grant.namedBy})`;
        const fix = `Remove account ${grant.account} from ${grant.statement.label}; if it is a current MSP, partner or own account, add it to ${LISTS}.`;
        if (grant.verdict === "yes") {
            reporter.report({ message: `${grant.statement.label} grants account ${grant.account}${spelled}, which is not in ${LISTS}: an obsolete or unknown grant`, property, fix });
        } else {
            reporter.cannotVerify({ message: `${grant.statement.label} may grant account ${grant.account}${spelled}, which is not in ${LISTS}: whether it does ${ADMISSION_UNKNOWN}`, property });
        }
    }
    for (const source of unknownAccountPrincipals(sources)) {
        reporter.cannotVerify({ message: `${source.statement.label} admits a principal whose account is not known yet, so whether it is listed in ${LISTS} cannot be told`, property });
    }
}
