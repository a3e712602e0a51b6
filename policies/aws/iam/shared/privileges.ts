// What a set of labelled policy documents grants, in the words findings use: the IAM engine's privilege report,
// with every statement named by the document it comes from (`statement "Pass" of role policy "deploy"`). The
// documents are those that apply to one principal together, so a grant split across them is found. Pure: the
// policies decide which of these is a violation, which advisory, and what an unknown verdict means.
import { analysePrivileges, EscalationMethod, FindingVerdict, locate, patternCovers, PolicyInput, StatementRef, unknownParts } from "../../../lib/iam";
import type { ManagedAccess } from "./managed-policies";

export interface LabelledDocument {
    /** How messages name the document: `inline policy "ops" (inlinePolicies[0].policy)`, `AWS managed policy AdministratorAccess`. */
    readonly label: string;
    /** Named as a whole, never by statement (an AWS managed policy's stand-in: its statement numbers are not the real ones). */
    readonly whole?: boolean;
    readonly document: PolicyInput;
}

export interface PrivilegeItem {
    /** "yes", or "unknown" when values unknown during preview decide it. */
    readonly verdict: FindingVerdict;
    /** What is granted, and where: `every action on every resource (statement "All" of inline policy "x")`. */
    readonly text: string;
}

export interface EscalationItem extends PrivilegeItem {
    readonly method: EscalationMethod;
    /** The actions that make the method possible (one per requirement), as the catalogue names them. */
    readonly actions: readonly string[];
}

export interface IamWriteItem extends PrivilegeItem {
    readonly actions: readonly string[];
    /** Per granting statement: where it is and which of `actions` it grants. */
    readonly statements: readonly { readonly where: string; readonly actions: readonly string[] }[];
}

export interface PrivilegeSummary {
    /** Every action on every resource. */
    readonly administrator?: PrivilegeItem;
    /** All of IAM on every resource: whoever holds it can grant itself everything else. */
    readonly iamFullAccess?: PrivilegeItem;
    /** Every action but a listed few on every resource (an Allow with NotAction, PowerUserAccess-style). */
    readonly allButActions: readonly PrivilegeItem[];
    readonly escalations: readonly EscalationItem[];
    readonly iamWrite?: IamWriteItem;
    /** Every action of one service on every resource (`s3:*`), IAM's own excluded (see `iamFullAccess`). */
    readonly serviceWildcards: readonly (PrivilegeItem & { readonly pattern: string })[];
}

/** Where a statement is, for messages. */
export function statementWhere(ref: StatementRef, documents: readonly LabelledDocument[]): string {
    const document = documents[ref.document];
    if (!document) return ref.label;
    return document.whole || ref.index === 0 ? document.label : `${ref.label} of ${document.label}`;
}

function whereAll(refs: readonly StatementRef[], documents: readonly LabelledDocument[]): string {
    return [...new Set(refs.map((r) => statementWhere(r, documents)))].join("; ");
}

const MAX_LISTED = 6;

/** `a, b, c and 4 more`. */
export function listSome(items: readonly string[], max = MAX_LISTED): string {
    if (items.length <= max) return items.join(", ");
    return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

/** Analyse the documents together and describe each privileged grant. */
export function summarisePrivileges(documents: readonly LabelledDocument[]): PrivilegeSummary {
    const report = analysePrivileges(documents.map((d) => d.document));
    const where = (refs: readonly StatementRef[]) => whereAll(refs, documents);
    const adminRefs = new Set((report.administrator?.statements ?? []).map((r) => `${r.document}/${r.index}`));

    const iamWildcards = report.serviceWildcards.filter((w) => patternCovers(w.pattern, "iam:*"));
    const iamFull = iamWildcards.find((w) => w.verdict === "yes") ?? iamWildcards[0];

    const escalations = report.escalations.map((finding): EscalationItem => {
        const chosen = finding.parts.map((part) => part.granted.find((g) => g.verdict === "yes") ?? part.granted[0]);
        const text = chosen.map((g) => `${g.action} from ${where(g.statements)}`).join("; ");
        return {
            verdict: finding.verdict,
            method: finding.method,
            actions: chosen.map((g) => g.action),
            text: `${finding.method.id} (${finding.method.title}): ${text}`,
        };
    });

    const write = report.iamWrite;
    const iamWrite: IamWriteItem | undefined = write && {
        verdict: write.verdict,
        actions: write.verdict === "yes" ? write.actions : write.possibleActions,
        statements: write.statements.map((s) => ({ where: statementWhere(s.statement, documents), actions: s.actions })),
        text: iamWriteText(write.verdict === "yes" ? write.actions : write.possibleActions, write.statements.map((s) => statementWhere(s.statement, documents))),
    };

    return {
        ...(report.administrator ? { administrator: { verdict: report.administrator.verdict, text: `every action on every resource (${where(report.administrator.statements)})` } } : {}),
        ...(iamFull ? { iamFullAccess: { verdict: iamFull.verdict, text: `all of IAM (${iamFull.pattern}) on every resource (${where(iamFull.statements)})` } } : {}),
        allButActions: report.notActionGrants
            .filter((g) => !adminRefs.has(`${g.statement.document}/${g.statement.index}`))
            .map((g) => ({ verdict: g.verdict, text: `every action except ${listSome(g.excluded)} on every resource (${where([g.statement])})` })),
        escalations,
        ...(iamWrite ? { iamWrite } : {}),
        serviceWildcards: report.serviceWildcards
            .filter((w) => !iamWildcards.includes(w))
            .map((w) => ({ verdict: w.verdict, pattern: w.pattern, text: `${w.pattern} on every resource (${where(w.statements)})` })),
    };
}

function iamWriteText(actions: readonly string[], wheres: readonly string[]): string {
    return `IAM write ${listSome(actions)} (${[...new Set(wheres)].join("; ")})`;
}

/** The IAM-write item without the given actions (already named by another finding), or undefined when none is left. */
export function iamWriteExcept(item: IamWriteItem | undefined, named: ReadonlySet<string>): IamWriteItem | undefined {
    if (!item) return undefined;
    const left = (actions: readonly string[]) => actions.filter((a) => !named.has(a.toLowerCase()));
    const actions = left(item.actions);
    if (actions.length === 0) return undefined;
    const statements = item.statements.filter((s) => left(s.actions).length > 0);
    return { ...item, actions, statements, text: iamWriteText(actions, statements.map((s) => s.where)) };
}

/** The administrator-style grants: administrator, all of IAM, or every action but a few, each on every resource. */
export function administratorStyle(summary: PrivilegeSummary): PrivilegeItem[] {
    return [summary.administrator, summary.iamFullAccess, ...summary.allButActions].filter((i): i is PrivilegeItem => i !== undefined);
}

/** The worst access the summary certainly shows, in the managed-policy table's terms. */
export function accessOf(summary: PrivilegeSummary): ManagedAccess {
    const yes = (item: PrivilegeItem | undefined) => item?.verdict === "yes";
    if (yes(summary.administrator)) return "administrator";
    if (yes(summary.iamFullAccess)) return "iam-full-access";
    if (summary.allButActions.some(yes)) return "all-but-actions";
    if (summary.escalations.some(yes) || yes(summary.iamWrite) || summary.serviceWildcards.some(yes)) return "privileged";
    return "unprivileged";
}

/** The labels of documents with parts unknown during preview (for "cannot verify" messages). */
export function uncertainDocuments(documents: readonly LabelledDocument[]): string[] {
    return documents.filter((d) => locate(d.document).some((l) => l.wholeDocument || unknownParts(l.statement).length > 0)).map((d) => d.label);
}

/** Several escalation methods in one sentence: the first few in detail (which action comes from where), then the rest by id. */
export function describeEscalations(items: readonly EscalationItem[], detailed = 3): string {
    const head = `${items.length === 1 ? "escalation method" : `${items.length} escalation methods:`} ${items.slice(0, detailed).map((e) => e.text).join("; ")}`;
    const rest = items.slice(detailed).map((e) => e.method.id);
    return rest.length ? `${head}; and ${listSome(rest, 8)}` : head;
}
