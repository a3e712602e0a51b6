import { Finding, stackPolicy, StackResourceView, StackView } from "../../core/policy";
import { option } from "../../core/options";
import { sharedSettings } from "../../core/settings";
import { parsePolicyDocument } from "../../lib/iam";
import { GRANT_TYPES, GrantIndex, grantIndex, GrantRecord, POLICY, PrincipalKind, ROLE, Target, USER } from "./shared/grants";
import { managedPolicyDocument } from "./shared/managed-policies";
import { MspIdentitySettings, mspRoleEvidence } from "./shared/msp-identity";
import { describeEscalations, LabelledDocument, listSome, summarisePrivileges } from "./shared/privileges";

/** Who holds a document: a configured break-glass role, an MSP role (aws-iam-role-msp-least-privilege's), anyone else, or unknown. */
type Holding = "break-glass" | "msp" | "other" | "unknown";

interface Holder {
    readonly holding: Holding;
    /** `role "ops"`, `user "alice"`, `a role not known yet`. */
    readonly label: string;
}

/** One document of the stack, with where it lives and who holds it. */
interface Unit {
    readonly urn: string;
    readonly document: LabelledDocument;
    readonly holders: readonly Holder[];
}

interface Settings extends MspIdentitySettings {
    readonly breakGlassRoleNames: readonly string[];
}

function holderOf(kind: PrincipalKind, target: Target, settings: Settings, isMsp: (role: StackResourceView) => boolean): Holder {
    if (target.kind === "unknown") return { holding: "unknown", label: `a ${kind} not known yet` };
    const name = target.kind === "name" ? target.name : target.resource.name;
    const label = `${kind} "${name}"`;
    if (kind !== "role") return { holding: "other", label };
    if (target.kind === "name") return { holding: settings.breakGlassRoleNames.includes(name) ? "break-glass" : "other", label };
    const physical = target.resource.props.name;
    if (settings.breakGlassRoleNames.includes(name) || (typeof physical === "string" && settings.breakGlassRoleNames.includes(physical))) return { holding: "break-glass", label };
    return { holding: isMsp(target.resource) ? "msp" : "other", label };
}

/** Customer policies used as a permissions boundary: a boundary caps, it grants nothing. */
function boundaries(stack: StackView, index: GrantIndex): Set<string> {
    const urns = new Set<string>();
    for (const principal of [...stack.ofType(ROLE), ...stack.ofType(USER)]) {
        for (const policy of index.resolver.resolve(principal, "permissionsBoundary", [POLICY]).resources) urns.add(policy.urn);
    }
    return urns;
}

/** Every document of the stack: customer policies, inline policies, and attached AWS managed policies msp-guard knows. */
function units(stack: StackView, index: GrantIndex, settings: Settings): Unit[] {
    // Each role's MSP evidence once (it parses the trust policy), and each policy's attachments by its urn.
    const msp = new Map<string, boolean>();
    const isMsp = (role: StackResourceView) => {
        let verdict = msp.get(role.urn);
        if (verdict === undefined) msp.set(role.urn, (verdict = mspRoleEvidence(role.props, settings).verdict === "yes"));
        return verdict;
    };
    const holdersOf = (records: readonly GrantRecord[]) => records.flatMap((r) => r.targets.map((t) => holderOf(r.principalKind, t, settings, isMsp)));
    const attachmentsOf = new Map<string, GrantRecord[]>();
    for (const record of index.records) {
        const policy = record.grant.policy;
        if (policy.kind !== "document" || !policy.policy) continue;
        const list = attachmentsOf.get(policy.policy.urn) ?? [];
        list.push(record);
        attachmentsOf.set(policy.policy.urn, list);
    }
    const boundaryOnly = boundaries(stack, index);
    const out: Unit[] = [];
    for (const policy of stack.ofType(POLICY)) {
        const records = attachmentsOf.get(policy.urn) ?? [];
        if (records.length === 0 && boundaryOnly.has(policy.urn)) continue;
        out.push({ urn: policy.urn, document: { label: `policy "${policy.name}" (policy)`, document: parsePolicyDocument(policy.props.policy) }, holders: holdersOf(records) });
    }
    for (const record of index.records) {
        const { grant } = record;
        if (grant.policy.kind === "document" && !grant.policy.policy) {
            out.push({ urn: grant.via.urn, document: { label: grant.label, document: grant.policy.document }, holders: holdersOf([record]) });
        } else if (grant.policy.kind === "managed") {
            out.push({ urn: grant.via.urn, document: { label: grant.label, whole: true, document: managedPolicyDocument(grant.policy.verdict) }, holders: holdersOf([record]) });
        }
    }
    return out;
}

interface Reporter {
    report(finding: Finding): void;
    cannotVerify(finding: Finding): void;
}

function judge(unit: Unit, { report, cannotVerify }: Reporter): void {
    const { holders, urn } = unit;
    const parsed = unit.document.document;
    if ("kind" in parsed && parsed.kind === "invalid") {
        // Reported here for every holder, MSP roles included: no other policy can say what the document grants.
        report({ urn, message: `${unit.document.label} cannot be read (${parsed.reason}), so what it grants cannot be checked`, fix: "Pass a valid IAM policy document: a JSON string or an object with Version and Statement (aws.iam.getPolicyDocument builds one).", advisory: true, severity: "medium" });
        return;
    }
    // Break-glass roles are meant to hold these grants; MSP roles are judged, all their policies together, by
    // aws-iam-role-msp-least-privilege, which reports on the role.
    if (holders.length > 0 && holders.every((h) => h.holding === "break-glass" || h.holding === "msp")) return;
    const summary = summarisePrivileges([unit.document]);
    const heldBy = holders.length ? `held by ${listSome([...new Set(holders.map((h) => h.label))], 4)}` : "attached to no role, user or group in this stack";
    const admin = summary.administrator;
    if (admin) {
        const violating = holders.length === 0 || holders.some((h) => h.holding === "other");
        const mayViolate = violating || holders.some((h) => h.holding === "unknown");
        if (admin.verdict === "yes" && violating) {
            report({ urn, message: `Full administrator access, ${admin.text}, is ${heldBy}` });
        } else if (admin.verdict === "yes") {
            cannotVerify({ urn, message: `Full administrator access, ${admin.text}, is ${heldBy}; whether a break-glass role is its only holder is not known yet` });
        } else if (mayViolate) {
            cannotVerify({ urn, message: `Full administrator access may be granted, ${admin.text}, ${heldBy}; parts of the document are not known yet` });
        }
        if (admin.verdict === "yes") return;
    }
    const advise = (message: string, fix: string) => report({ urn, message, fix, advisory: true, severity: "medium" });
    const wide = [summary.iamFullAccess, ...summary.allButActions].filter((i) => i?.verdict === "yes");
    if (wide.length) {
        advise(`Grants ${wide.map((i) => i?.text).join("; ")}, ${heldBy}`, 'Grant the actions needed on named resources instead of "iam:*" or NotAction on Resource "*".');
        return;
    }
    const wildcards = summary.serviceWildcards.filter((w) => w.verdict === "yes");
    if (wildcards.length) advise(`Grants whole services on every resource: ${wildcards.map((w) => w.text).join("; ")}, ${heldBy}`, 'List the actions needed on the resources concerned instead of "service:*" on Resource "*".');
    const escalations = summary.escalations.filter((x) => x.verdict === "yes");
    if (escalations.length) {
        advise(`Opens ${describeEscalations(escalations)}, ${heldBy}`, "Remove the actions named from the document, or limit them to resources that cannot lead to more privilege.");
    }
}

export default stackPolicy({
    name: "aws-iam-policy-least-privilege",
    description: "IAM policy documents must not grant full administrator access to anything but a configured break-glass role, and should grant no wildcard actions on every resource and no privilege-escalation method.",
    severity: "high",
    recommendations: ["R5"],
    area: "identity",
    remediation:
        'Grant the actions each principal needs on the resources it uses: no Action "*" on Resource "*" outside a break-glass role listed in breakGlassRoleNames, no "service:*" or NotAction on every resource, and no escalation path such as iam:PassRole beside a service\'s create action or policy and credential writes.',
    types: GRANT_TYPES,
    config: {
        ...sharedSettings("mspAccountIds", "trustedAccountIds", "partnerAccountIds", "mspIdentityTag", "mspIamPathPrefix"),
        breakGlassRoleNames: option.strings([], "Names of break-glass roles that may hold full administrator access (the role's name, or its Pulumi resource name when the name is generated)."),
    },
    validate(stack, context) {
        const index = grantIndex(stack);
        for (const unit of units(stack, index, context.config)) judge(unit, context);
    },
});
