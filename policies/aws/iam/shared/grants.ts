// Which resources of a stack grant an IAM principal (role, user, group) which policy documents: inline policies (a
// role's `inlinePolicies`, RolePolicy, UserPolicy, GroupPolicy) and managed policies attached by the role's
// `managedPolicyArns`, by the attachment resources, or by the `…PolicyAttachmentsExclusive` resources (which attach
// the policies they list and detach the others). A managed policy is a customer `aws:iam/policy:Policy` of the
// stack (followed through the attachment's property dependency during preview, or its known ARN), an AWS managed
// policy from the verdict table, or neither: then it cannot be read, and the grant says so.
import type { StackResourceView, StackView } from "../../../core/policy";
import { parsePolicyDocument, ParsedDocument } from "../../../lib/iam";
import { asList, isPlainObject, isUnknown } from "../../../lib/value";
import { managedPolicyDocument, managedPolicyVerdict, ManagedPolicyVerdict, parseAwsManagedPolicyArn } from "./managed-policies";
import type { LabelledDocument } from "./privileges";
import { Reference, referenceResolver, ReferenceResolver } from "./references";

export type PrincipalKind = "role" | "user" | "group";

export const ROLE = "aws:iam/role:Role";
export const USER = "aws:iam/user:User";
export const GROUP = "aws:iam/group:Group";
export const POLICY = "aws:iam/policy:Policy";
export const ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
export const USER_POLICY = "aws:iam/userPolicy:UserPolicy";
export const GROUP_POLICY = "aws:iam/groupPolicy:GroupPolicy";
export const ROLE_POLICY_ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";
export const USER_POLICY_ATTACHMENT = "aws:iam/userPolicyAttachment:UserPolicyAttachment";
export const GROUP_POLICY_ATTACHMENT = "aws:iam/groupPolicyAttachment:GroupPolicyAttachment";
export const POLICY_ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";
export const ROLE_POLICY_ATTACHMENTS_EXCLUSIVE = "aws:iam/rolePolicyAttachmentsExclusive:RolePolicyAttachmentsExclusive";
export const USER_POLICY_ATTACHMENTS_EXCLUSIVE = "aws:iam/userPolicyAttachmentsExclusive:UserPolicyAttachmentsExclusive";
export const GROUP_POLICY_ATTACHMENTS_EXCLUSIVE = "aws:iam/groupPolicyAttachmentsExclusive:GroupPolicyAttachmentsExclusive";

export const PRINCIPAL_TYPES: Readonly<Record<PrincipalKind, string>> = { role: ROLE, user: USER, group: GROUP };

/** Resources that hold an inline document for the principal their `principal` property names. */
const INLINE: readonly { type: string; kind: PrincipalKind; principal: string }[] = [
    { type: ROLE_POLICY, kind: "role", principal: "role" },
    { type: USER_POLICY, kind: "user", principal: "user" },
    { type: GROUP_POLICY, kind: "group", principal: "group" },
];

/** Resources that attach the managed policies their `arns` property names to the principals `principal` names. */
const ATTACHMENTS: readonly { type: string; kind: PrincipalKind; principal: string; arns: string }[] = [
    { type: ROLE_POLICY_ATTACHMENT, kind: "role", principal: "role", arns: "policyArn" },
    { type: USER_POLICY_ATTACHMENT, kind: "user", principal: "user", arns: "policyArn" },
    { type: GROUP_POLICY_ATTACHMENT, kind: "group", principal: "group", arns: "policyArn" },
    { type: POLICY_ATTACHMENT, kind: "role", principal: "roles", arns: "policyArn" },
    { type: POLICY_ATTACHMENT, kind: "user", principal: "users", arns: "policyArn" },
    { type: POLICY_ATTACHMENT, kind: "group", principal: "groups", arns: "policyArn" },
    { type: ROLE_POLICY_ATTACHMENTS_EXCLUSIVE, kind: "role", principal: "roleName", arns: "policyArns" },
    { type: USER_POLICY_ATTACHMENTS_EXCLUSIVE, kind: "user", principal: "userName", arns: "policyArns" },
    { type: GROUP_POLICY_ATTACHMENTS_EXCLUSIVE, kind: "group", principal: "groupName", arns: "policyArns" },
];

/** Every type token this module reads. */
export const GRANT_TYPES: readonly string[] = [ROLE, USER, GROUP, POLICY, ...new Set([...INLINE, ...ATTACHMENTS].map((l) => l.type))];

/** The types that grant documents to one kind of principal (for a policy's `types`). */
export function grantTypesFor(kind: PrincipalKind): string[] {
    return [...new Set([PRINCIPAL_TYPES[kind], POLICY, ...INLINE.filter((l) => l.kind === kind).map((l) => l.type), ...ATTACHMENTS.filter((l) => l.kind === kind).map((l) => l.type)])];
}

/** What a grant gives, as far as the stack tells. */
export type GrantedPolicy =
    /** An inline document, or the document of a customer managed policy defined in the stack (`policy`). */
    | { readonly kind: "document"; readonly document: ParsedDocument; readonly policy?: StackResourceView }
    /** An AWS managed policy msp-guard knows. */
    | { readonly kind: "managed"; readonly arn: string; readonly verdict: ManagedPolicyVerdict }
    /** A known ARN whose document is not in the stack: an AWS managed policy missing from the table, or a policy made elsewhere. */
    | { readonly kind: "unreadable"; readonly arn: string; readonly awsManaged: boolean }
    /** A policy ARN unknown during preview, with no dependency on a policy of the stack. */
    | { readonly kind: "unknown" };

export interface Grant {
    /** The resource that holds the document or makes the attachment; findings about the grant point at it. */
    readonly via: StackResourceView;
    /** The property of `via` that holds the document or names the policy: `inlinePolicies[0].policy`, `policyArn`. */
    readonly property: string;
    /** For messages: `inline policy "ops" of role "ops" (inlinePolicies[0].policy)`, `AWS managed policy …`. */
    readonly label: string;
    readonly policy: GrantedPolicy;
}

/** A principal as a grant or membership names it: a resource of the stack, a known name, or unknown. */
export type Target =
    | { readonly kind: "resource"; readonly resource: StackResourceView }
    | { readonly kind: "name"; readonly name: string }
    | { readonly kind: "unknown" };

export interface GrantRecord {
    readonly grant: Grant;
    readonly principalKind: PrincipalKind;
    /** Whom the grant applies to. */
    readonly targets: readonly Target[];
}

export interface GrantIndex {
    /** Grants that certainly apply to the principal, and those that may (their target is unknown during preview). */
    grantsTo(kind: PrincipalKind, principal: Target): { readonly certain: readonly Grant[]; readonly possible: readonly Grant[] };
    /** Every grant record of the stack (for reverse questions: who holds this policy?). */
    readonly records: readonly GrantRecord[];
    readonly resolver: ReferenceResolver;
}

function quoted(resource: StackResourceView): string {
    return `"${resource.name}"`;
}

/** Targets of a reference: the resources it names, the names outside the stack, and an unknown when there is one. */
export function targetsOf(reference: Reference): Target[] {
    return [
        ...reference.resources.map((resource): Target => ({ kind: "resource", resource })),
        ...reference.outside.map((name): Target => ({ kind: "name", name })),
        ...(reference.unknown ? [{ kind: "unknown" } as const] : []),
    ];
}

/** The managed policies an ARN property names, each as a grant of `via`. */
function managedGrants(resolver: ReferenceResolver, via: StackResourceView, property: string, what: string): Grant[] {
    const reference = resolver.resolve(via, property, [POLICY]);
    const grants: Grant[] = reference.resources.map((policy) => ({
        via,
        property,
        label: `policy ${quoted(policy)} attached by ${what}`,
        policy: { kind: "document", document: parsePolicyDocument(policy.props.policy), policy },
    }));
    for (const arn of reference.outside) {
        const verdict = managedPolicyVerdict(arn);
        const awsManaged = parseAwsManagedPolicyArn(arn) !== undefined;
        const name = verdict ? `AWS managed policy ${verdict.name}` : awsManaged ? `AWS managed policy ${arn}` : `policy ${arn}`;
        grants.push({ via, property, label: `${name} attached by ${what}`, policy: verdict ? { kind: "managed", arn, verdict } : { kind: "unreadable", arn, awsManaged } });
    }
    if (reference.unknown) grants.push({ via, property, label: `a policy attached by ${what}`, policy: { kind: "unknown" } });
    return grants;
}

/** A role's own `inlinePolicies` and `managedPolicyArns`. */
function roleOwnGrants(resolver: ReferenceResolver, role: StackResourceView): Grant[] {
    const grants: Grant[] = [];
    const inline = role.props.inlinePolicies;
    if (isUnknown(inline)) {
        grants.push({ via: role, property: "inlinePolicies", label: `the inline policies of role ${quoted(role)} (inlinePolicies)`, policy: { kind: "document", document: { kind: "unknown" } } });
    } else {
        asList(inline).forEach((entry, i) => {
            const property = `inlinePolicies[${i}].policy`;
            if (isUnknown(entry)) {
                grants.push({ via: role, property, label: `inline policy ${i + 1} of role ${quoted(role)} (${property})`, policy: { kind: "document", document: { kind: "unknown" } } });
                return;
            }
            if (!isPlainObject(entry)) return;
            const name = typeof entry.name === "string" && entry.name !== "" ? `inline policy "${entry.name}"` : `inline policy ${i + 1}`;
            const document = parsePolicyDocument(entry.policy);
            if (document.kind !== "absent") grants.push({ via: role, property, label: `${name} of role ${quoted(role)} (${property})`, policy: { kind: "document", document } });
        });
    }
    grants.push(...managedGrants(resolver, role, "managedPolicyArns", `role ${quoted(role)} (managedPolicyArns)`));
    return grants;
}

function typeName(type: string): string {
    return type.slice(type.lastIndexOf(":") + 1);
}

/** Every grant the stack makes to the given kinds of principal, with whom each applies to. */
export function grantIndex(stack: StackView, kinds: readonly PrincipalKind[] = ["role", "user", "group"]): GrantIndex {
    const resolver = referenceResolver(stack);
    const records: GrantRecord[] = [];
    if (kinds.includes("role")) {
        for (const role of stack.ofType(ROLE)) {
            for (const grant of roleOwnGrants(resolver, role)) records.push({ grant, principalKind: "role", targets: [{ kind: "resource", resource: role }] });
        }
    }
    for (const link of INLINE.filter((l) => kinds.includes(l.kind))) {
        for (const via of stack.ofType(link.type)) {
            const document = parsePolicyDocument(via.props.policy);
            if (document.kind === "absent") continue;
            const grant: Grant = { via, property: "policy", label: `${typeName(link.type)} ${quoted(via)} (policy)`, policy: { kind: "document", document } };
            records.push({ grant, principalKind: link.kind, targets: targetsOf(resolver.resolve(via, link.principal, [PRINCIPAL_TYPES[link.kind]])) });
        }
    }
    for (const link of ATTACHMENTS.filter((l) => kinds.includes(l.kind))) {
        for (const via of stack.ofType(link.type)) {
            const targets = targetsOf(resolver.resolve(via, link.principal, [PRINCIPAL_TYPES[link.kind]]));
            if (targets.length === 0) continue;
            for (const grant of managedGrants(resolver, via, link.arns, `${typeName(link.type)} ${quoted(via)} (${link.arns})`)) {
                records.push({ grant, principalKind: link.kind, targets });
            }
        }
    }

    const byUrn = new Map<string, GrantRecord[]>();
    const byName = new Map<string, GrantRecord[]>();
    const unknownTarget = new Map<PrincipalKind, GrantRecord[]>();
    const push = <K>(map: Map<K, GrantRecord[]>, key: K, record: GrantRecord) => {
        const list = map.get(key) ?? [];
        if (!list.includes(record)) list.push(record);
        map.set(key, list);
    };
    for (const record of records) {
        for (const target of record.targets) {
            if (target.kind === "resource") push(byUrn, target.resource.urn, record);
            else if (target.kind === "name") push(byName, `${record.principalKind}:${target.name}`, record);
            else push(unknownTarget, record.principalKind, record);
        }
    }

    return {
        records,
        resolver,
        grantsTo(kind, principal) {
            if (principal.kind === "unknown") return { certain: [], possible: [] };
            const certain = principal.kind === "resource" ? byUrn.get(principal.resource.urn) ?? [] : byName.get(`${kind}:${principal.name}`) ?? [];
            const possible = (unknownTarget.get(kind) ?? []).filter((r) => !certain.includes(r));
            return { certain: dedupe(certain.map((r) => r.grant)), possible: dedupe(possible.map((r) => r.grant)) };
        },
    };
}

/** One grant per policy: the same customer policy or ARN attached twice (an attachment and an exclusive list) counts once. */
function dedupe(grants: readonly Grant[]): Grant[] {
    const seen = new Set<string>();
    return grants.filter((g) => {
        const key =
            g.policy.kind === "document" && g.policy.policy ? `policy:${g.policy.policy.urn}`
            : g.policy.kind === "managed" || g.policy.kind === "unreadable" ? `arn:${g.policy.arn}`
            : `${g.via.urn}#${g.property}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}

export interface GrantDocuments {
    /** The readable documents, labelled for messages (an AWS managed policy as its table stand-in, named whole). */
    readonly documents: readonly LabelledDocument[];
    /** Grants whose policy cannot be read: a known ARN that is neither in the stack nor in the managed-policy table. */
    readonly unreadable: readonly Grant[];
}

/** The documents of a set of grants, for `summarisePrivileges` or `enforcesMfa`. An unknown policy is an unknown document. */
export function documentsOf(grants: readonly Grant[]): GrantDocuments {
    const documents: LabelledDocument[] = [];
    const unreadable: Grant[] = [];
    for (const grant of grants) {
        const policy = grant.policy;
        if (policy.kind === "document") documents.push({ label: grant.label, document: policy.document });
        else if (policy.kind === "managed") documents.push({ label: grant.label, whole: true, document: managedPolicyDocument(policy.verdict) });
        else if (policy.kind === "unknown") documents.push({ label: grant.label, document: { kind: "unknown" } });
        else unreadable.push(grant);
    }
    return { documents, unreadable };
}

/** The known ARN of the policy a grant gives (a customer policy's `arn` output when known), for allow-lists. */
export function grantedArn(grant: Grant): string | undefined {
    const policy = grant.policy;
    if (policy.kind === "managed" || policy.kind === "unreadable") return policy.arn;
    if (policy.kind === "document" && policy.policy) {
        const arn = policy.policy.props.arn;
        return typeof arn === "string" ? arn : undefined;
    }
    return undefined;
}
