import { stackPolicy } from "../../core/policy";
import { sharedSettings } from "../../core/settings";
import { isUnknown } from "../../lib/value";
import { referenceResolver } from "./shared/references";
import { targetsOf, USER } from "./shared/grants";
import { markedAsMsp } from "./shared/msp-identity";

const ACCESS_KEY = "aws:iam/accessKey:AccessKey";

/** An access key's `status` when omitted: IAM creates keys active. An inactive key cannot sign requests. */
const STATUS_WHEN_OMITTED = "Active";
const INACTIVE = "Inactive";

export default stackPolicy({
    name: "aws-iam-msp-user-access-keys",
    description: "IAM users marked as the MSP's must have no long-lived access keys.",
    severity: "high",
    recommendations: ["T1", "R6"],
    area: "identity",
    remediation:
        "Remove the aws.iam.AccessKey of the MSP user: MSP staff and tools should assume a role (with MFA and an ExternalId) for short-lived credentials; a key that must stay for a while can be set to status \"Inactive\" until it is deleted.",
    types: [ACCESS_KEY, USER],
    config: sharedSettings("mspIdentityTag", "mspIamPathPrefix"),
    validate(stack, { config, report, cannotVerify }) {
        const keys = stack.ofType(ACCESS_KEY);
        if (keys.length === 0) return;
        const resolver = referenceResolver(stack);
        let mspUsers: boolean | undefined;
        const anyMspUser = () => (mspUsers ??= stack.ofType(USER).some((u) => markedAsMsp(u.props, config).verdict !== "no"));
        for (const key of keys) {
            const status = key.props.status ?? STATUS_WHEN_OMITTED;
            if (status === INACTIVE) continue;
            for (const user of targetsOf(resolver.resolve(key, "user", [USER]))) {
                if (user.kind === "name") continue; // a user made elsewhere: whether it is the MSP's cannot be seen here
                if (user.kind === "unknown") {
                    if (anyMspUser()) cannotVerify({ urn: key.urn, property: "user", message: `The user of access key "${key.name}" is not known yet, so whether it belongs to an MSP user cannot be checked` });
                    continue;
                }
                const evidence = markedAsMsp(user.resource.props, config);
                if (evidence.verdict === "no") continue;
                // Findings point at the user, so that its exemption tags apply.
                const urn = user.resource.urn;
                const what = `access key "${key.name}" of user "${user.resource.name}"`;
                if (evidence.verdict === "unknown") {
                    cannotVerify({ urn, message: `Whether the user of ${what} is the MSP's depends on its tags or path, not known yet` });
                } else if (isUnknown(status)) {
                    cannotVerify({ urn, property: "status", message: `MSP user "${user.resource.name}" (${evidence.reasons.join(", ")}) has ${what}, whose status is not known yet` });
                } else {
                    report({ urn, message: `MSP user "${user.resource.name}" (${evidence.reasons.join(", ")}) has a long-lived ${what} (status ${JSON.stringify(status)})` });
                }
            }
        }
    },
});
