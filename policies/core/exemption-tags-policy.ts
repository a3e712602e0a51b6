// The check of exemption tags themselves, one per cloud (policy names are prefixed by cloud). A malformed
// exemption is reported even where no finding would fire, so a typo in a policy name, a missing reason or a lapsed
// date is seen the day it is written, not the day the waived finding comes back.
import { EXEMPT_REASON_TAG, EXEMPT_TAG, EXEMPT_UNTIL_TAG, exemptionProblems, tagPolicyNames } from "./exemptions";
import type { Cloud } from "./metadata";
import { resourcePolicy, ResourcePolicy } from "./policy";
import { readTags, tagValue } from "./tags";
import { isUnknown } from "../lib/value";

const TYPES: Record<Cloud, string> = { aws: "aws:*", azure: "azure-native:*" };

export function exemptionTagsPolicy(cloud: Cloud): ResourcePolicy {
    return resourcePolicy({
        name: `${cloud}-tags-exemption-valid`,
        description: `Exemption tags (${EXEMPT_TAG}) must name existing msp-guard policies, give a reason, and carry an expiry that has not passed.`,
        severity: "medium",
        recommendations: ["R6"],
        area: "governance",
        remediation: `Name existing policies in ${EXEMPT_TAG} (comma-separated), give a reason in ${EXEMPT_REASON_TAG}, and set ${EXEMPT_UNTIL_TAG} to a future ISO date (YYYY-MM-DD), or remove the tags.`,
        types: [TYPES[cloud]],
        validate(resource, { report, cannotVerify }) {
            const tags = readTags(resource.props);
            const names = tagValue(tags, EXEMPT_TAG);
            if (names === undefined) return;
            const reason = tagValue(tags, EXEMPT_REASON_TAG);
            const until = tagValue(tags, EXEMPT_UNTIL_TAG);
            if (isUnknown(names) || isUnknown(reason) || isUnknown(until)) {
                cannotVerify({ message: "The exemption tags are computed from values not known yet", property: "tags" });
                return;
            }
            // Loaded here, not at the top: the registry imports this module.
            const { policyNames } = require("../index") as typeof import("../index");
            const listed = tagPolicyNames(names);
            const unknown = listed.filter((n) => !policyNames().has(n));
            if (listed.length === 0) report({ message: `Tag ${EXEMPT_TAG} names no policy`, property: `tags["${EXEMPT_TAG}"]` });
            if (unknown.length > 0) {
                report({ message: `Tag ${EXEMPT_TAG} names ${unknown.map((n) => `"${n}"`).join(", ")}, which ${unknown.length === 1 ? "is not an msp-guard policy" : "are not msp-guard policies"}`, property: `tags["${EXEMPT_TAG}"]` });
            }
            for (const problem of exemptionProblems(reason, until, Date.now())) {
                report({ message: `The exemption of ${listed.join(", ")} is not applied: ${problem}`, property: "tags" });
            }
        },
    });
}
