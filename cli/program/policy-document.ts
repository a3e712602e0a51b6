// aws.iam.getPolicyDocument offline: the same JSON the provider renders. It follows terraform-provider-aws's
// aws_iam_policy_document data source (internal/service/iam/policy_document_data_source.go) and its policy model
// (policy_model.go):
// - statement fields in the order Sid, Effect, Action, NotAction, Resource, NotResource, Principal, NotPrincipal,
//   Condition; Sid and Effect omitted when empty; Effect defaults to "Allow", Version to "2012-10-17";
// - actions, resources and principal identifiers are sets: deduplicated, a single value rendered as a string,
//   several in reverse lexical order; condition values keep their order, a single value rendered as a string;
// - principals and conditions are Go maps (keys sorted); a lone principal {type "*", identifiers ["*"]} is "*";
// - "&{" in resources, identifiers and condition values becomes "${" (policy variables);
// - source documents are merged first (duplicate Sids rejected), then this document, then override documents
//   (a statement with the Sid of an earlier one replaces it);
// - `json` is json.MarshalIndent with two spaces, `minifiedJson` is json.Marshal, `id` the crc32 of `json`.

import { crc32, fromJson, goMap, GoJson, GoObject, marshal, marshalIndent } from "./go-json";

type Values = string | string[];

interface Principal {
    type: string;
    identifiers: Values;
}

interface Condition {
    test: string;
    variable: string;
    values: Values;
}

interface Statement {
    sid: string;
    effect: string;
    actions?: GoJson;
    notActions?: GoJson;
    resources?: GoJson;
    notResources?: GoJson;
    principals: Principal[];
    notPrincipals: Principal[];
    conditions: Condition[];
}

interface PolicyDoc {
    version: string;
    id: string;
    statements: Statement[];
}

export class PolicyDocumentError extends Error {}

const DEFAULT_VERSION = "2012-10-17";
const DEFAULT_EFFECT = "Allow";

/** The result of `aws:iam/getPolicyDocument:getPolicyDocument` for the invoke's arguments. */
export function renderPolicyDocument(args: Record<string, unknown>): Record<string, unknown> {
    const version = typeof args.version === "string" && args.version !== "" ? args.version : DEFAULT_VERSION;
    const merged: PolicyDoc = { version: "", id: "", statements: [] };

    const sources = stringList(args.sourcePolicyDocuments);
    const seenSids = new Set<string>();
    sources.forEach((source, index) => {
        const doc = parseDocument(source, `merging source document ${index}`);
        doc.statements.forEach((statement, statementIndex) => {
            if (statement.sid === "") return;
            if (seenSids.has(statement.sid)) {
                throw new PolicyDocumentError(
                    `writing IAM Policy Document: merging source document ${index}: duplicate Sid (${statement.sid}) in ` +
                        `source_policy_documents (statement ${statementIndex}). Remove the Sid or ensure Sids are unique.`,
                );
            }
            seenSids.add(statement.sid);
        });
        merge(merged, doc);
    });

    const doc: PolicyDoc = { version, id: typeof args.policyId === "string" ? args.policyId : "", statements: [] };
    const sids = new Set<string>();
    for (const raw of objectList(args.statements)) {
        const statement = configStatement(raw, version);
        if (statement.sid !== "") {
            if (sids.has(statement.sid)) {
                throw new PolicyDocumentError(
                    `writing IAM Policy Document: duplicate Sid (${statement.sid}). Remove the Sid or ensure the Sid is unique.`,
                );
            }
            sids.add(statement.sid);
        }
        doc.statements.push(statement);
    }
    merge(merged, doc);

    stringList(args.overridePolicyDocuments).forEach((override, index) => {
        merge(merged, parseDocument(override, `merging override document ${index}`));
    });

    const json = marshalIndent(docToGo(merged), "  ");
    const minifiedJson = marshal(docToGo(merged));
    const result: Record<string, unknown> = {
        ...args,
        id: String(crc32(json)),
        json,
        minifiedJson,
        version,
        statements: objectList(args.statements).map((s) => ({ ...s, effect: stringOr(s.effect, DEFAULT_EFFECT) })),
    };
    return result;
}

function configStatement(raw: Record<string, unknown>, version: string): Statement {
    const statement: Statement = {
        sid: stringOr(raw.sid, ""),
        effect: stringOr(raw.effect, DEFAULT_EFFECT),
        principals: [],
        notPrincipals: [],
        conditions: [],
    };
    const actions = setValues(raw.actions);
    if (actions !== undefined) statement.actions = actions;
    const notActions = setValues(raw.notActions);
    if (notActions !== undefined) statement.notActions = notActions;
    const resources = setValues(raw.resources);
    if (resources !== undefined) statement.resources = replaceVars(resources, version);
    const notResources = setValues(raw.notResources);
    if (notResources !== undefined) statement.notResources = replaceVars(notResources, version);
    statement.principals = configPrincipals(raw.principals, version);
    statement.notPrincipals = configPrincipals(raw.notPrincipals, version);
    for (const c of objectList(raw.conditions)) {
        const values = replaceVars(stringList(c.values), version);
        statement.conditions.push({
            test: stringOr(c.test, ""),
            variable: stringOr(c.variable, ""),
            values: values.length === 1 ? values[0] : values,
        });
    }
    return statement;
}

function configPrincipals(raw: unknown, version: string): Principal[] {
    const out: Principal[] = [];
    for (const p of objectList(raw)) {
        const identifiers = setValues(p.identifiers) ?? [];
        out.push({ type: stringOr(p.type, ""), identifiers: replaceVars(identifiers, version) });
    }
    return out;
}

/** A Terraform string set: deduplicated; one value as a string, several sorted in reverse; none as undefined. */
function setValues(raw: unknown): Values | undefined {
    const unique = [...new Set(stringList(raw))];
    if (unique.length === 0) return undefined;
    if (unique.length === 1) return unique[0];
    return unique.sort(compareStrings).reverse();
}

function replaceVars<T extends Values>(values: T, version: string): T {
    const replace = (v: string): string => {
        if (version === "2008-10-17" && v.includes("&{")) {
            throw new PolicyDocumentError(
                `found &{ sequence in (${v}), which is not supported in document version 2008-10-17`,
            );
        }
        return v.split("&{").join("${");
    };
    return (typeof values === "string" ? replace(values) : values.map(replace)) as T;
}

function merge(into: PolicyDoc, doc: PolicyDoc): void {
    if (doc.id !== "") into.id = doc.id;
    if (doc.version > into.version) into.version = doc.version;
    for (const statement of doc.statements) {
        const existing = statement.sid === "" ? -1 : into.statements.findIndex((s) => s.sid === statement.sid);
        if (existing >= 0) into.statements[existing] = statement;
        else into.statements.push(statement);
    }
}

// ---- Decoding a JSON policy document the way Go's encoding/json fills the provider's model ----

function parseDocument(text: string, context: string): PolicyDoc {
    const fail = (message: string): never => {
        throw new PolicyDocumentError(`writing IAM Policy Document: ${context}: ${message}`);
    };
    let raw: unknown;
    try {
        raw = JSON.parse(text);
    } catch (e) {
        return fail(e instanceof Error ? e.message : String(e));
    }
    if (raw === null) return { version: "", id: "", statements: [] };
    if (!isRecord(raw)) return fail("json: cannot unmarshal non-object into Go value of type iam.IAMPolicyDoc");
    const doc: PolicyDoc = { version: "", id: "", statements: [] };
    const version = field(raw, "Version");
    if (version !== undefined && version !== null) {
        if (typeof version !== "string") fail("json: cannot unmarshal non-string into Go struct field Version");
        doc.version = version as string;
    }
    const id = field(raw, "Id");
    if (id !== undefined && id !== null) {
        if (typeof id !== "string") fail("json: cannot unmarshal non-string into Go struct field Id");
        doc.id = id as string;
    }
    const statements = field(raw, "Statement");
    if (statements !== undefined && statements !== null) {
        if (!Array.isArray(statements)) {
            fail("json: cannot unmarshal object into Go struct field IAMPolicyDoc.Statement of type []*iam.IAMPolicyStatement");
        }
        for (const s of statements as unknown[]) {
            if (s === null) continue;
            if (!isRecord(s)) return fail("json: cannot unmarshal non-object into Go struct field IAMPolicyDoc.Statement");
            doc.statements.push(parseStatement(s, fail));
        }
    }
    return doc;
}

function parseStatement(raw: Record<string, unknown>, fail: (message: string) => never): Statement {
    const text = (name: string): string => {
        const v = field(raw, name);
        if (v === undefined || v === null) return "";
        if (typeof v !== "string") return fail(`json: cannot unmarshal non-string into Go struct field ${name}`);
        return v;
    };
    const statement: Statement = {
        sid: text("Sid"),
        effect: text("Effect"),
        principals: parsePrincipals(field(raw, "Principal"), fail),
        notPrincipals: parsePrincipals(field(raw, "NotPrincipal"), fail),
        conditions: parseConditions(field(raw, "Condition"), fail),
    };
    for (const [key, name] of [
        ["actions", "Action"],
        ["notActions", "NotAction"],
        ["resources", "Resource"],
        ["notResources", "NotResource"],
    ] as const) {
        const v = field(raw, name);
        if (v !== undefined && v !== null) statement[key] = fromJson(v);
    }
    return statement;
}

function parsePrincipals(raw: unknown, fail: (message: string) => never): Principal[] {
    if (raw === undefined || raw === null) return [];
    if (typeof raw === "string") return [{ type: "*", identifiers: ["*"] }];
    if (!isRecord(raw)) return fail(`Unsupported data type ${goTypeName(raw)} for IAMPolicyStatementPrincipalSet`);
    const out: Principal[] = [];
    for (const [type, value] of Object.entries(raw)) {
        if (typeof value === "string") out.push({ type, identifiers: value });
        else if (Array.isArray(value)) {
            const values = value.map((v, i) =>
                typeof v === "string"
                    ? v
                    : fail(
                          `Unsupported element type ${goTypeName(v)} for IAMPolicyStatementPrincipalSet.Identifiers[${i}] ` +
                              `(principal type "${type}"): must be string`,
                      ),
            );
            out.push({ type, identifiers: values.sort(compareStrings) });
        } else {
            return fail(`Unsupported data type ${goTypeName(value)} for IAMPolicyStatementPrincipalSet.Identifiers`);
        }
    }
    return out;
}

function parseConditions(raw: unknown, fail: (message: string) => never): Condition[] {
    if (raw === undefined || raw === null) return [];
    if (!isRecord(raw)) return fail("json: cannot unmarshal non-object into Go value of type map[string]map[string]interface {}");
    const out: Condition[] = [];
    for (const [test, variables] of Object.entries(raw)) {
        if (variables === null) continue;
        if (!isRecord(variables)) {
            return fail("json: cannot unmarshal non-object into Go value of type map[string]interface {}");
        }
        for (const [variable, values] of Object.entries(variables)) {
            if (typeof values === "string") out.push({ test, variable, values: [values] });
            else if (typeof values === "boolean") out.push({ test, variable, values: String(values) });
            else if (Array.isArray(values)) {
                out.push({
                    test,
                    variable,
                    values: values.map((v) => (typeof v === "string" ? v : fail(`interface conversion: interface {} is ${goTypeName(v)}, not string`))),
                });
            }
            // Go silently drops numbers and objects here.
        }
    }
    return out;
}

/** encoding/json matches struct fields case-insensitively, the last matching key winning. */
function field(raw: Record<string, unknown>, name: string): unknown {
    let found: unknown = undefined;
    for (const [key, value] of Object.entries(raw)) if (key.toLowerCase() === name.toLowerCase()) found = value;
    return found;
}

// ---- Encoding ----

function docToGo(doc: PolicyDoc): GoObject {
    const out: GoObject = new Map();
    if (doc.version !== "") out.set("Version", doc.version);
    if (doc.id !== "") out.set("Id", doc.id);
    if (doc.statements.length > 0) out.set("Statement", doc.statements.map(statementToGo));
    return out;
}

function statementToGo(s: Statement): GoObject {
    const out: GoObject = new Map();
    if (s.sid !== "") out.set("Sid", s.sid);
    if (s.effect !== "") out.set("Effect", s.effect);
    if (s.actions !== undefined) out.set("Action", s.actions);
    if (s.notActions !== undefined) out.set("NotAction", s.notActions);
    if (s.resources !== undefined) out.set("Resource", s.resources);
    if (s.notResources !== undefined) out.set("NotResource", s.notResources);
    if (s.principals.length > 0) out.set("Principal", principalsToGo(s.principals));
    if (s.notPrincipals.length > 0) out.set("NotPrincipal", principalsToGo(s.notPrincipals));
    if (s.conditions.length > 0) out.set("Condition", conditionsToGo(s.conditions));
    return out;
}

function principalsToGo(principals: Principal[]): GoJson {
    if (principals.length === 1 && principals[0].type === "*") {
        const ids = principals[0].identifiers;
        if (ids === "*" || (Array.isArray(ids) && ids.length === 1 && ids[0] === "*")) return "*";
    }
    const raw = new Map<string, Values>();
    for (const p of principals) {
        const existing = raw.get(p.type);
        if (Array.isArray(p.identifiers)) {
            const sorted = [...p.identifiers].sort(compareStrings).reverse();
            const base = existing === undefined ? [] : typeof existing === "string" ? [existing] : existing;
            raw.set(p.type, [...base, ...sorted]);
        } else if (existing === undefined) {
            raw.set(p.type, p.identifiers);
        } else {
            raw.set(p.type, typeof existing === "string" ? [existing, p.identifiers] : [...existing, p.identifiers]);
        }
    }
    return goMap(raw.entries());
}

function conditionsToGo(conditions: Condition[]): GoJson {
    const raw = new Map<string, Map<string, string[]>>();
    for (const c of conditions) {
        const byVariable = raw.get(c.test) ?? new Map<string, string[]>();
        raw.set(c.test, byVariable);
        const values = byVariable.get(c.variable) ?? [];
        byVariable.set(c.variable, values.concat(c.values));
    }
    return goMap(
        [...raw.entries()].map(([test, variables]): [string, GoJson] => [
            test,
            goMap([...variables.entries()].map(([v, values]): [string, GoJson] => [v, values.length === 1 ? values[0] : values])),
        ]),
    );
}

// ---- Helpers ----

function compareStrings(a: string, b: string): number {
    const x = Buffer.from(a, "utf8");
    const y = Buffer.from(b, "utf8");
    return Buffer.compare(x, y);
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

function stringOr(value: unknown, fallback: string): string {
    return typeof value === "string" && value !== "" ? value : fallback;
}

function stringList(value: unknown): string[] {
    if (!Array.isArray(value)) return [];
    return value.filter((v): v is string => typeof v === "string");
}

function objectList(value: unknown): Record<string, unknown>[] {
    if (!Array.isArray(value)) return [];
    return value.filter(isRecord);
}

function goTypeName(value: unknown): string {
    if (typeof value === "number") return "float64";
    if (typeof value === "boolean") return "bool";
    if (typeof value === "string") return "string";
    if (Array.isArray(value)) return "[]interface {}";
    if (value === null) return "<nil>";
    return "map[string]interface {}";
}
