import { Finding, stackPolicy, StackResourceView } from "../../core/policy";
import { option } from "../../core/options";
import { sharedSettings } from "../../core/settings";
import { ESCALATION_METHODS, parsePolicyDocument } from "../../lib/iam";
import { documentsOf, Grant, grantedArn, grantIndex, grantTypesFor, POLICY, ROLE } from "./shared/grants";
import { managedPolicyVerdict } from "./shared/managed-policies";
import { mspRoleEvidence } from "./shared/msp-identity";
import { administratorStyle, describeEscalations, iamWriteExcept, listSome, summarisePrivileges, uncertainDocuments } from "./shared/privileges";
import type { ReferenceResolver } from "./shared/references";

/** What an omitted `permissionsBoundary` means: nothing caps the role beyond its own policies. */
const NO_BOUNDARY = undefined;

interface Settings {
    readonly allowedEscalations: readonly string[];
    readonly allowedManagedPolicyArns: readonly string[];
}

interface Judgement {
    /** Violations, keyed "administrator" or by the escalation method ids they name. */
    readonly mandatory: { readonly key: string; readonly finding: Finding }[];
    /** Secondary findings: other IAM write, whole services on every resource, policies msp-guard cannot read. */
    readonly advisory: Finding[];
    /** Violations that values unknown during preview may turn out to be, and the documents concerned. */
    readonly unknown: string[];
    readonly unsure: string[];
}

const ADMIN_FIX =
    'Replace these grants with the actions the MSP needs on named resources: no AdministratorAccess, PowerUserAccess or IAMFullAccess, no Action "*" or "iam:*" on Resource "*", no Allow with NotAction on every resource.';

/** What the role's documents grant together. `who` starts each message: `Role "ops" (MSP access: tag msp:provider)`. */
function judge(who: string, grants: readonly Grant[], settings: Settings): Judgement {
    const allowed = (g: Grant) => settings.allowedManagedPolicyArns.includes(grantedArn(g) ?? "");
    const { documents, unreadable } = documentsOf(grants.filter((g) => !allowed(g)));
    const summary = summarisePrivileges(documents);
    const judgement: Judgement = { mandatory: [], advisory: [], unknown: [], unsure: uncertainDocuments(documents) };

    const admin = administratorStyle(summary);
    const adminYes = admin.filter((i) => i.verdict === "yes");
    if (adminYes.length) {
        judgement.mandatory.push({ key: "administrator", finding: { message: `${who} has administrator-level access: ${adminYes.map((i) => i.text).join("; ")}`, fix: ADMIN_FIX } });
    } else {
        if (admin.length) judgement.unknown.push("administrator access");
        const escalations = summary.escalations.filter((e) => !settings.allowedEscalations.includes(e.method.id));
        const sure = escalations.filter((x) => x.verdict === "yes");
        if (sure.length) {
            judgement.mandatory.push({
                key: sure.map((e) => e.method.id).join(","),
                finding: {
                    message: `${who} can escalate its own privileges by ${describeEscalations(sure)}`,
                    fix: `Remove the actions named from the role's policies (scope iam:PassRole to the roles the MSP must pass, never beside a service's create action), or list the method ids (${listSome(sure.map((e) => `"${e.method.id}"`), 3)}) in allowedEscalations if the MSP needs them and you accept the risk.`,
                },
            });
        }
        const maybe = escalations.filter((x) => x.verdict === "unknown").map((x) => x.method.id);
        if (maybe.length) judgement.unknown.push(`escalation method${maybe.length > 1 ? "s" : ""} ${listSome(maybe, 4)}`);
        // IAM actions already named by an escalation method (reported or allowed) are not repeated.
        const named = new Set(summary.escalations.flatMap((e) => e.actions.map((a) => a.toLowerCase())));
        const write = iamWriteExcept(summary.iamWrite, named);
        if (write?.verdict === "yes") {
            judgement.advisory.push({
                message: `${who} can change IAM: ${write.text}`,
                fix: "Grant IAM write only where the MSP needs it: iam:PassRole on named roles with an iam:PassedToService condition, no tagging or service-linked-role actions unless required.",
            });
        }
        const wildcards = summary.serviceWildcards.filter((w) => w.verdict === "yes");
        if (wildcards.length) {
            judgement.advisory.push({
                message: `${who} is granted whole services on every resource: ${wildcards.map((w) => w.text).join("; ")}`,
                fix: 'List the actions the MSP needs on the resources it manages instead of "service:*" on Resource "*".',
            });
        }
    }
    for (const grant of unreadable) {
        const why = grant.policy.kind === "unreadable" && grant.policy.awsManaged ? "an AWS managed policy missing from msp-guard's table" : "not defined in this stack";
        judgement.advisory.push({
            message: `${who} is granted ${grant.label}, which msp-guard cannot read: it is ${why}`,
            fix: "Review what the policy grants, then list its ARN in allowedManagedPolicyArns, or define the policy in this stack so it can be checked.",
        });
    }
    return judgement;
}

/** What may still be a violation once values are known: unknown parts of the documents, or grants whose role is unknown. */
function uncertainty(who: string, judgement: Judgement, certain: readonly Grant[], possible: readonly Grant[], settings: Settings): string | undefined {
    if (judgement.unknown.length) {
        const unsure = judgement.unsure.length ? `${listSome(judgement.unsure, 3)} ${judgement.unsure.length > 1 ? "are" : "is"} not fully known yet` : "parts of its policies are not known yet";
        return `${who} may have ${judgement.unknown.join(" or ")}: ${unsure}`;
    }
    if (possible.length === 0 || judgement.mandatory.some((m) => m.key === "administrator")) return undefined;
    // Grants whose role is unknown during preview matter only when they would add a violation.
    const known = new Set(judgement.mandatory.map((m) => m.key));
    const added = judge(who, [...certain, ...possible], settings).mandatory.filter((m) => !known.has(m.key));
    if (added.length === 0) return undefined;
    return `${listSome(possible.map((g) => g.label), 3)} may apply to this role (the role ${possible.length > 1 ? "they name is" : "it names is"} not known yet); if so: ${added[0].finding.message}`;
}

const BOUNDARY_FIX = "Set permissionsBoundary to a managed policy that allows only what MSP roles may ever do, so that no later grant can exceed it.";

/** A missing permissions boundary, or one that allows everything and so caps nothing. */
function boundaryFinding(role: StackResourceView, who: string, resolver: ReferenceResolver): string | undefined {
    const boundary = role.props.permissionsBoundary;
    if (boundary === NO_BOUNDARY || boundary === null || boundary === "") return `${who} has no permissions boundary`;
    const reference = resolver.resolve(role, "permissionsBoundary", [POLICY]);
    for (const arn of reference.outside) {
        const verdict = managedPolicyVerdict(arn);
        if (verdict?.access === "administrator") return `${who}: its permissions boundary is AWS managed policy ${verdict.name}, which allows every action and so caps nothing`;
    }
    for (const policy of reference.resources) {
        const summary = summarisePrivileges([{ label: `policy "${policy.name}"`, document: parsePolicyDocument(policy.props.policy) }]);
        if (summary.administrator?.verdict === "yes") return `${who}: its permissions boundary, policy "${policy.name}", allows every action and so caps nothing`;
    }
    return undefined;
}

export default stackPolicy({
    name: "aws-iam-role-msp-least-privilege",
    description: "IAM roles the MSP uses must grant no administrator access and no privilege-escalation method, counting all their policies together, and should have a permissions boundary.",
    severity: "critical",
    recommendations: ["R5", "R12"],
    area: "identity",
    remediation:
        'Give the MSP role only the actions it needs on the resources it manages: detach AdministratorAccess, PowerUserAccess and IAMFullAccess, remove statements granting "*" or "iam:*" on "*", do not combine iam:PassRole with a service\'s create action or grant policy and credential writes, and set permissionsBoundary to a policy that caps the role.',
    types: grantTypesFor("role"),
    config: {
        ...sharedSettings("mspAccountIds", "trustedAccountIds", "partnerAccountIds", "mspIdentityTag", "mspIamPathPrefix"),
        allowedEscalations: option.custom<string[]>([], {
            type: "array",
            description: "Privilege-escalation method ids (as findings name them, e.g. ssm-start-session) that MSP roles may have.",
            items: { type: "string", enum: ESCALATION_METHODS.map((m) => m.id) },
            uniqueItems: true,
        }),
        allowedManagedPolicyArns: option.strings([], "ARNs of managed policies accepted on MSP roles; they are left out of the analysis.", { pattern: "^arn:" }),
        requirePermissionsBoundary: option.boolean(true, "Report MSP roles without a permissions boundary (an advisory finding)."),
    },
    validate(stack, { config, report, cannotVerify }) {
        const index = grantIndex(stack, ["role"]);
        for (const role of stack.ofType(ROLE)) {
            const evidence = mspRoleEvidence(role.props, config);
            if (evidence.verdict === "no") continue;
            const { certain, possible } = index.grantsTo("role", { kind: "resource", resource: role });
            const urn = role.urn;

            if (evidence.verdict === "unknown") {
                // Only worth a note when the role would be in violation if it is MSP access.
                const first = judge(`Role "${role.name}"`, [...certain, ...possible], config).mandatory[0];
                if (first) cannotVerify({ urn, message: `Whether role "${role.name}" is MSP access depends on its tags, path or trust policy, not known yet; if it is: ${first.finding.message}` });
                continue;
            }

            const who = `Role "${role.name}" (MSP access: ${evidence.reasons.join(", ")})`;
            const judgement = judge(who, certain, config);
            for (const { finding } of judgement.mandatory) report({ ...finding, urn });
            for (const finding of judgement.advisory) report({ ...finding, urn, advisory: true, severity: "medium" });
            const unsure = uncertainty(who, judgement, certain, possible, config);
            if (unsure) cannotVerify({ urn, message: unsure });
            const boundary = config.requirePermissionsBoundary ? boundaryFinding(role, who, index.resolver) : undefined;
            if (boundary) report({ urn, advisory: true, severity: "medium", property: "permissionsBoundary", message: boundary, fix: BOUNDARY_FIX });
        }
    },
});
