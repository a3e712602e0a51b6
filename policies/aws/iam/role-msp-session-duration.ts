import { resourcePolicy, ResourceView } from "../../core/policy";
import { option } from "../../core/options";
import { sharedSettings } from "../../core/settings";
import { asInteger } from "../../lib/number";
import { isUnknown } from "../../lib/value";
import { mspRoleEvidence } from "./shared/msp-identity";
import { describeSeconds, ROLE_MAX_SESSION_MAXIMUM, ROLE_MAX_SESSION_MINIMUM, ROLE_MAX_SESSION_WHEN_OMITTED } from "./shared/role-session";

const PROPERTY = "maxSessionDuration";

/** The role's maximum session in seconds (IAM's default when omitted); unknown, or undefined when not a whole number. */
function sessionSeconds(role: ResourceView): number | "unknown" | undefined {
    const raw = role.props[PROPERTY];
    if (isUnknown(raw)) return "unknown";
    return raw === undefined || raw === null ? ROLE_MAX_SESSION_WHEN_OMITTED : asInteger(raw);
}

export default resourcePolicy({
    name: "aws-iam-role-msp-session-duration",
    description: "IAM roles that an MSP uses must keep sessions short: a maximum session duration no longer than the configured limit (one hour by default).",
    severity: "medium",
    recommendations: ["R5"],
    area: "identity",
    remediation: `Set maxSessionDuration on the MSP role to ${ROLE_MAX_SESSION_WHEN_OMITTED} seconds (or the configured limit), or omit it for IAM's default of one hour.`,
    types: ["aws:iam/role:Role"],
    config: {
        ...sharedSettings("mspAccountIds", "trustedAccountIds", "partnerAccountIds", "mspIdentityTag", "mspIamPathPrefix"),
        maxSessionSeconds: option.integer(ROLE_MAX_SESSION_WHEN_OMITTED, "The longest session, in seconds, that an MSP role may allow (IAM accepts 3600 to 43200).", {
            minimum: ROLE_MAX_SESSION_MINIMUM,
            maximum: ROLE_MAX_SESSION_MAXIMUM,
        }),
    },
    validate(role, { config, report, cannotVerify }) {
        const seconds = sessionSeconds(role);
        if (typeof seconds === "number" && seconds <= config.maxSessionSeconds) return;
        const msp = mspRoleEvidence(role.props, config);
        if (msp.verdict === "no") return;
        const limit = describeSeconds(config.maxSessionSeconds);
        const fix = `Set maxSessionDuration to ${config.maxSessionSeconds}.`;
        if (seconds === undefined) {
            if (msp.verdict === "yes") report({ message: `The maximum session duration ${JSON.stringify(role.props[PROPERTY])} is not a whole number of seconds`, property: PROPERTY, fix });
        } else if (seconds === "unknown" || msp.verdict === "unknown") {
            const why = seconds === "unknown" ? "the maximum session duration is computed from values not known yet" : "whether the role is MSP access depends on values not known yet";
            cannotVerify({ message: `Whether this role's sessions may outlast ${limit} cannot be told: ${why}`, property: PROPERTY });
        } else {
            report({ message: `MSP role (${msp.reasons.join(", ")}) allows sessions of ${seconds} seconds, longer than the ${limit} allowed`, property: PROPERTY, fix });
        }
    },
    remediate(role, config) {
        const seconds = sessionSeconds(role);
        if (typeof seconds !== "number" || seconds <= config.maxSessionSeconds || mspRoleEvidence(role.props, config).verdict !== "yes") return undefined;
        return { [PROPERTY]: config.maxSessionSeconds };
    },
});
