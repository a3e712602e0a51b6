import { stackPolicy } from "../../core/policy";
import { sharedSettings } from "../../core/settings";
import { documentsOf, Grant, grantIndex, grantTypesFor, Target, USER } from "./shared/grants";
import { groupsIndex, MEMBERSHIP_TYPES, memberships } from "./shared/memberships";
import { markedAsMsp } from "./shared/msp-identity";
import { administratorStyle, listSome, PrivilegeItem, summarisePrivileges } from "./shared/privileges";

/** Administrator-style grants, escalation methods and IAM write among a group's grants (certain or possible). */
function privileged(grants: readonly Grant[]): PrivilegeItem[] {
    const summary = summarisePrivileges(documentsOf(grants).documents);
    const admin = administratorStyle(summary);
    // Administrator access includes every escalation method and all IAM write: naming them too would bury it.
    if (admin.some((i) => i.verdict === "yes")) return admin;
    return [...admin, ...summary.escalations, ...(summary.iamWrite ? [summary.iamWrite] : [])];
}

function groupLabel(group: Target): string {
    return group.kind === "resource" ? `group "${group.resource.name}"` : group.kind === "name" ? `group "${group.name}"` : "a group not known yet";
}

export default stackPolicy({
    name: "aws-iam-msp-admin-group-membership",
    description: "IAM users marked as the MSP's must not belong to a group whose policies grant administrator access, IAM write or a privilege-escalation method.",
    severity: "critical",
    recommendations: ["R12", "R5"],
    area: "identity",
    remediation:
        "Take the MSP user out of the privileged group (its GroupMembership or UserGroupMembership), and give the MSP a group or role of its own with only the actions it needs; MSP staff should reach the customer through a role they assume, not as members of internal administrator groups.",
    types: [...new Set([USER, ...MEMBERSHIP_TYPES, ...grantTypesFor("group")])],
    config: sharedSettings("mspIdentityTag", "mspIamPathPrefix"),
    validate(stack, { config, report, cannotVerify }) {
        const index = grantIndex(stack, ["group"]);
        const all = memberships(stack, index.resolver);
        if (all.length === 0) return;
        const groupsOf = groupsIndex(all);
        for (const user of stack.ofType(USER)) {
            const evidence = markedAsMsp(user.props, config);
            if (evidence.verdict === "no") continue;
            for (const { membership, group, link } of groupsOf({ kind: "resource", resource: user })) {
                const joins = `joins ${groupLabel(group)} through ${membership.via.type.slice(membership.via.type.lastIndexOf(":") + 1)} "${membership.via.name}"`;
                if (group.kind === "unknown") {
                    if (evidence.verdict === "yes" && link === "yes") cannotVerify({ urn: user.urn, message: `MSP user "${user.name}" ${joins}, whose policies cannot be checked until the group is known`, property: membership.groupProperty });
                    continue;
                }
                const { certain, possible } = index.grantsTo("group", group);
                const sure = privileged(certain).filter((i) => i.verdict === "yes");
                if (evidence.verdict === "yes" && link === "yes" && sure.length) {
                    report({ urn: user.urn, message: `MSP user "${user.name}" (${evidence.reasons.join(", ")}) ${joins}, whose policies grant ${listSome(sure.map((i) => i.text), 3)}` });
                    continue;
                }
                const maybe = privileged([...certain, ...possible]);
                if (maybe.length === 0) continue;
                const unsure = [
                    evidence.verdict === "unknown" ? "whether the user is the MSP's (its tags or path)" : "",
                    link === "unknown" ? "whether the membership names this user" : "",
                    sure.length === 0 ? "what the group's policies grant" : "",
                ].filter((s) => s !== "");
                cannotVerify({ urn: user.urn, message: `User "${user.name}" ${joins}, whose policies may grant ${listSome(maybe.map((i) => i.text), 2)}; ${unsure.join(" and ")} is not known yet` });
            }
        }
    },
});
