// Policy documents as Pulumi programs really pass them, parsed into one normalized model: a JSON string (any
// whitespace, e.g. `aws.iam.getPolicyDocument(...).json` or `JSON.stringify`), or an object (`inputs.iam.PolicyDocument`
// or a literal) with IAM's capitalised element names, where any part may be UNKNOWN during preview. Element values
// are kept as written (no case folding): the matchers fold case where IAM does, and messages quote the user's text.
import { isPlainObject, isUnknown, PlainObject, Unknown, UNKNOWN } from "../value";
import { parseJson } from "./json";

/** A part of a document that may be unknown during preview. */
export type Maybe<T> = T | Unknown;

export type Effect = "Allow" | "Deny";

/** `Action` (negated: false) or `NotAction` (negated: true), as a list of patterns. */
export interface ActionElement {
    readonly negated: boolean;
    readonly patterns: readonly Maybe<string>[];
}

/** `Resource` or `NotResource`, as a list of ARN patterns. */
export interface ResourceElement {
    readonly negated: boolean;
    readonly patterns: readonly Maybe<string>[];
}

/** One principal: `type` is "AWS", "Service", "Federated", "CanonicalUser", or "*" for the bare `"Principal": "*"`. */
export interface PrincipalEntry {
    readonly type: string;
    readonly value: Maybe<string>;
}

/** `Principal` or `NotPrincipal`. */
export interface PrincipalElement {
    readonly negated: boolean;
    readonly entries: readonly PrincipalEntry[];
}

/**
 * One condition key under one operator, values as strings (`true` → "true", `5` → "5"). A whole operator block that
 * is unknown (`{ Bool: <unknown> }`) is one clause with an unknown key.
 */
export interface ConditionClause {
    readonly operator: string;
    readonly key: Maybe<string>;
    readonly values: Maybe<readonly Maybe<string>[]>;
}

export interface Statement {
    /** Position in the document, 1-based as messages count. */
    readonly index: number;
    /** The Sid when known and non-empty (Terraform-style generators emit `"Sid": ""`). */
    readonly sid?: string;
    readonly effect: Maybe<Effect>;
    readonly action: Maybe<ActionElement>;
    /** Absent in trust policies; identity policies must have one. */
    readonly resource?: Maybe<ResourceElement>;
    /** Absent in identity policies; trust and resource policies must have one. */
    readonly principal?: Maybe<PrincipalElement>;
    /** Empty when the statement has no Condition. */
    readonly condition: Maybe<readonly ConditionClause[]>;
}

export interface PolicyDocument {
    readonly version?: Maybe<string>;
    readonly statements: readonly Statement[];
}

export type ParsedDocument =
    /** No document: undefined, null, or an empty string. */
    | { readonly kind: "absent" }
    /** The whole document is unknown during preview (an unknown string, or an unknown Statement list). */
    | { readonly kind: "unknown" }
    /** Not a policy document IAM would accept; `reason` says where and why. */
    | { readonly kind: "invalid"; readonly reason: string }
    | { readonly kind: "document"; readonly document: PolicyDocument };

/** A statement as messages name it; `document` is the position of its document in the list analysed (0-based). */
export interface StatementRef {
    readonly document: number;
    readonly index: number;
    readonly sid?: string;
    readonly label: string;
}

/** `Statement "AllowAll"` when the statement has a Sid, else `statement 2`. */
export function statementLabel(statement: { readonly index: number; readonly sid?: string }): string {
    return statement.sid !== undefined ? `Statement ${JSON.stringify(statement.sid)}` : `statement ${statement.index}`;
}

export function statementRef(statement: Statement, document = 0): StatementRef {
    const ref = { document, index: statement.index, label: statementLabel(statement) };
    return statement.sid !== undefined ? { ...ref, sid: statement.sid } : ref;
}

/** The elements of a statement that are unknown during preview, by IAM name, for "cannot verify" messages. */
export function unknownParts(statement: Statement): string[] {
    const parts: string[] = [];
    if (isUnknown(statement.effect)) parts.push("Effect");
    if (isUnknown(statement.action)) parts.push("Action");
    else if (statement.action.patterns.some(isUnknown)) parts.push(statement.action.negated ? "NotAction" : "Action");
    if (isUnknown(statement.resource)) parts.push("Resource");
    else if (statement.resource?.patterns.some(isUnknown)) parts.push(statement.resource.negated ? "NotResource" : "Resource");
    if (isUnknown(statement.principal)) parts.push("Principal");
    else if (statement.principal?.entries.some((e) => isUnknown(e.value))) parts.push(statement.principal.negated ? "NotPrincipal" : "Principal");
    if (isUnknown(statement.condition)) parts.push("Condition");
    else if (statement.condition.some((c) => isUnknown(c.key) || isUnknown(c.values) || c.values.some(isUnknown))) parts.push("Condition");
    return parts;
}

/** A statement of which nothing is known (an unknown element of the Statement list). */
export function unknownStatement(index: number): Statement {
    return { index, effect: UNKNOWN, action: UNKNOWN, resource: UNKNOWN, principal: UNKNOWN, condition: UNKNOWN };
}

class Invalid extends Error {}

/** Parse a policy document as a Pulumi property value. Never throws: every input maps to one of the four kinds. */
export function parsePolicyDocument(value: unknown): ParsedDocument {
    try {
        if (value === undefined || value === null) return { kind: "absent" };
        if (isUnknown(value)) return { kind: "unknown" };
        if (typeof value === "string") {
            const text = value.replace(/^\uFEFF/, "");
            if (text.trim() === "") return { kind: "absent" };
            const parsed = parseJson(text);
            if (!parsed.ok) return { kind: "invalid", reason: parsed.reason };
            return fromObject(parsed.value);
        }
        return fromObject(value);
    } catch (error) {
        if (error instanceof Invalid) return { kind: "invalid", reason: error.message };
        return { kind: "invalid", reason: `the document could not be read (${error instanceof Error ? error.message : String(error)})` };
    }
}

function fromObject(value: unknown): ParsedDocument {
    if (!isPlainObject(value)) throw new Invalid(`the document is ${describe(value)}, not a JSON object`);
    const version = own(value, "Version");
    if (version !== undefined && typeof version !== "string" && !isUnknown(version)) throw new Invalid("Version must be a string");
    const list = own(value, "Statement");
    if (list === undefined || list === null) throw new Invalid("the document has no Statement");
    if (isUnknown(list)) return { kind: "unknown" };
    const items = Array.isArray(list) ? list : [list];
    const statements = items.map((item, i) => parseStatement(item, i + 1));
    const document: PolicyDocument = version === undefined ? { statements } : { version: version as Maybe<string>, statements };
    return { kind: "document", document };
}

function parseStatement(item: unknown, index: number): Statement {
    if (isUnknown(item)) return unknownStatement(index);
    if (!isPlainObject(item)) throw new Invalid(`Statement ${index} is ${describe(item)}, not an object`);
    const rawSid = own(item, "Sid");
    if (rawSid !== undefined && rawSid !== null && typeof rawSid !== "string" && !isUnknown(rawSid)) throw new Invalid(`Statement ${index} has a Sid that is not a string`);
    const sid = typeof rawSid === "string" && rawSid !== "" ? rawSid : undefined;
    const name = capitalise(statementLabel({ index, sid }));
    const statement: Statement = {
        index,
        effect: parseEffect(own(item, "Effect"), name),
        action: parsePair(item, "Action", "NotAction", name, true) as Maybe<ActionElement>,
        resource: parsePair(item, "Resource", "NotResource", name, false),
        principal: parsePrincipal(item, name),
        condition: parseCondition(own(item, "Condition"), name),
    };
    return sid === undefined ? statement : { ...statement, sid };
}

function parseEffect(effect: unknown, name: string): Maybe<Effect> {
    if (isUnknown(effect)) return UNKNOWN;
    if (effect === undefined || effect === null) throw new Invalid(`${name} has no Effect`);
    if (effect === "Allow" || effect === "Deny") return effect;
    // The Effect value is case-sensitive in IAM: "allow" is rejected, so it must not pass for an Allow here.
    throw new Invalid(`${name} has Effect ${JSON.stringify(effect)}; IAM accepts only "Allow" or "Deny" (case-sensitive)`);
}

/** Action/NotAction or Resource/NotResource: at most one of the pair; the first pair is required. */
function parsePair(item: PlainObject, plain: string, negatedName: string, name: string, required: boolean): Maybe<ActionElement> | undefined {
    const positive = own(item, plain);
    const negative = own(item, negatedName);
    const hasPositive = positive !== undefined && positive !== null;
    const hasNegative = negative !== undefined && negative !== null;
    if (hasPositive && hasNegative) throw new Invalid(`${name} has both ${plain} and ${negatedName}`);
    if (!hasPositive && !hasNegative) {
        if (required) throw new Invalid(`${name} has neither ${plain} nor ${negatedName}`);
        return undefined;
    }
    const raw = hasPositive ? positive : negative;
    if (isUnknown(raw)) return UNKNOWN;
    return { negated: !hasPositive, patterns: stringList(raw, `${name} ${hasPositive ? plain : negatedName}`) };
}

function parsePrincipal(item: PlainObject, name: string): Maybe<PrincipalElement> | undefined {
    const positive = own(item, "Principal");
    const negative = own(item, "NotPrincipal");
    const hasPositive = positive !== undefined && positive !== null;
    const hasNegative = negative !== undefined && negative !== null;
    if (hasPositive && hasNegative) throw new Invalid(`${name} has both Principal and NotPrincipal`);
    if (!hasPositive && !hasNegative) return undefined;
    const raw = hasPositive ? positive : negative;
    const element = hasPositive ? "Principal" : "NotPrincipal";
    if (isUnknown(raw)) return UNKNOWN;
    // IAM's only string form is "*"; another bare string is read as an AWS principal rather than rejected, so a
    // sloppy document is judged by what it most plausibly means (and admits), never waved through.
    if (typeof raw === "string") return { negated: !hasPositive, entries: [{ type: raw === "*" ? "*" : "AWS", value: raw }] };
    if (!isPlainObject(raw)) throw new Invalid(`${name} ${element} must be "*" or an object such as {"AWS": …}`);
    const entries: PrincipalEntry[] = [];
    for (const [type, values] of Object.entries(raw)) {
        if (isUnknown(values)) entries.push({ type, value: UNKNOWN });
        else for (const value of stringList(values, `${name} ${element} ${type}`)) entries.push({ type, value });
    }
    return { negated: !hasPositive, entries };
}

function parseCondition(raw: unknown, name: string): Maybe<readonly ConditionClause[]> {
    if (raw === undefined || raw === null) return [];
    if (isUnknown(raw)) return UNKNOWN;
    if (!isPlainObject(raw)) throw new Invalid(`${name} Condition must be an object of operators`);
    const clauses: ConditionClause[] = [];
    for (const [operator, block] of Object.entries(raw)) {
        if (isUnknown(block)) {
            clauses.push({ operator, key: UNKNOWN, values: UNKNOWN });
            continue;
        }
        if (!isPlainObject(block)) throw new Invalid(`${name} Condition operator ${operator} must map condition keys to values`);
        for (const [key, values] of Object.entries(block)) {
            clauses.push({ operator, key, values: isUnknown(values) ? UNKNOWN : conditionValues(values, `${name} Condition ${operator} ${key}`) });
        }
    }
    return clauses;
}

function conditionValues(raw: unknown, where: string): Maybe<string>[] {
    const items = Array.isArray(raw) ? raw : [raw];
    return items.map((v) => {
        if (isUnknown(v)) return UNKNOWN;
        if (typeof v === "string") return v;
        if (typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v))) return String(v);
        throw new Invalid(`${where} has ${describe(v)} where a string, number or boolean is expected`);
    });
}

/** A string or a list of strings, any of them possibly unknown. */
function stringList(raw: unknown, where: string): Maybe<string>[] {
    const items = Array.isArray(raw) ? raw : [raw];
    return items.map((v) => {
        if (isUnknown(v) || typeof v === "string") return v;
        throw new Invalid(`${where} must be a string or a list of strings, but has ${describe(v)}`);
    });
}

function own(object: PlainObject, key: string): unknown {
    return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

function describe(value: unknown): string {
    if (value === null) return "null";
    if (Array.isArray(value)) return "a list";
    if (typeof value === "string") return "a string";
    if (typeof value === "object") return "an object";
    return `a ${typeof value}`;
}

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
