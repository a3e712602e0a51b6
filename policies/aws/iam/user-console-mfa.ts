import { stackPolicy } from "../../core/policy";
import { documentsOf, Grant, GrantIndex, grantIndex, grantTypesFor, Target, targetsOf, USER } from "./shared/grants";
import { GroupLink, groupsIndex, MEMBERSHIP_TYPES, memberships } from "./shared/memberships";
import { enforcesMfa } from "./shared/mfa-enforcement";
import { listSome, statementWhere } from "./shared/privileges";

const LOGIN_PROFILE = "aws:iam/userLoginProfile:UserLoginProfile";

interface Coverage {
    /** Grants that certainly apply to the user: its own, and those of groups it certainly joins. */
    readonly certain: readonly Grant[];
    /** Grants that may apply: their principal, or the membership's user, is unknown during preview. */
    readonly possible: readonly Grant[];
    /** Memberships whose group is unknown during preview: its policies cannot be found. */
    readonly unknownGroups: readonly string[];
}

/** Every policy that applies to the user: its own, and its groups' through the stack's memberships. */
function coverage(user: Target, index: GrantIndex, groupsOf: (user: Target) => GroupLink[]): Coverage {
    const own = index.grantsTo("user", user);
    const certain: Grant[] = [...own.certain];
    const possible: Grant[] = [...own.possible];
    const unknownGroups: string[] = [];
    for (const { membership, group, link } of groupsOf(user)) {
        if (group.kind === "unknown") {
            unknownGroups.push(`the group named by "${membership.via.name}"`);
            continue;
        }
        const ofGroup = index.grantsTo("group", group);
        (link === "yes" ? certain : possible).push(...ofGroup.certain);
        possible.push(...ofGroup.possible);
    }
    return { certain, possible, unknownGroups };
}

export default stackPolicy({
    name: "aws-iam-user-console-mfa",
    description: "Every IAM user with a console password must be covered by a policy that denies all access without MFA.",
    severity: "high",
    recommendations: ["T2", "R3"],
    area: "identity",
    remediation:
        'Attach to the user, or to a group it belongs to, a policy with a Deny of every action (or of every action but the MFA self-service ones, with NotAction) on Resource "*" under the condition BoolIfExists aws:MultiFactorAuthPresent "false"; better still, give people console access through IAM Identity Center with MFA instead of IAM passwords.',
    types: [...new Set([LOGIN_PROFILE, ...MEMBERSHIP_TYPES, ...grantTypesFor("user"), ...grantTypesFor("group")])],
    validate(stack, { report, cannotVerify }) {
        const profiles = stack.ofType(LOGIN_PROFILE);
        if (profiles.length === 0) return;
        const index = grantIndex(stack, ["user", "group"]);
        const groupsOf = groupsIndex(memberships(stack, index.resolver));
        for (const profile of profiles) {
            for (const user of targetsOf(index.resolver.resolve(profile, "user", [USER]))) {
                // Findings point at the user when the stack defines it, so that its exemption tags apply.
                const urn = user.kind === "resource" ? user.resource.urn : profile.urn;
                if (user.kind === "unknown") {
                    cannotVerify({ urn, property: "user", message: `The user of login profile "${profile.name}" is not known yet, so its MFA policies cannot be checked` });
                    continue;
                }
                const name = user.kind === "resource" ? user.resource.name : user.name;
                const { certain, possible, unknownGroups } = coverage(user, index, groupsOf);
                const sure = documentsOf(certain);
                if (enforcesMfa(sure.documents.map((d) => d.document)).verdict === "yes") continue;
                const who = `User "${name}" has a console password (login profile "${profile.name}")`;
                const every = documentsOf([...certain, ...possible]);
                const mfa = enforcesMfa(every.documents.map((d) => d.document));
                if (mfa.verdict !== "no" || unknownGroups.length) {
                    const where = mfa.statement ? statementWhere(mfa.statement, every.documents) : listSome(unknownGroups, 2);
                    cannotVerify({ urn, message: `${who}; whether a policy denies it access without MFA depends on ${where}, not known yet` });
                    continue;
                }
                const outside = sure.unreadable.filter((g) => g.policy.kind === "unreadable" && !g.policy.awsManaged);
                if (outside.length) {
                    report({
                        urn,
                        advisory: true,
                        message: `${who} and no policy in this stack denies it access without MFA; ${listSome(outside.map((g) => g.label), 2)} ${outside.length > 1 ? "are" : "is"} defined outside this stack and may`,
                        fix: "Make sure the policy outside this stack denies every action without MFA, or attach one in this stack so msp-guard can check it.",
                    });
                } else {
                    report({ urn, message: `${who}, but no policy of the user or of its groups denies access without MFA: ${mfa.reason}` });
                }
            }
        }
    },
});
