// The statements of a set of documents, each with the reference messages use for it, and the per-statement
// questions every analysis asks (is it an Allow, a Deny, unconditional?), each three-valued.
import { isUnknown } from "../value";
import { ParsedDocument, PolicyDocument, Statement, StatementRef, statementRef, unknownStatement } from "./document";
import { Tri } from "./tri";

/** A parse result or an already parsed document. Absent and invalid documents contribute nothing (IAM rejects invalid ones). */
export type PolicyInput = ParsedDocument | PolicyDocument;

export interface Located {
    readonly statement: Statement;
    readonly ref: StatementRef;
    /** Set on the stand-in for a wholly unknown document: one statement of which nothing is known. */
    readonly wholeDocument?: true;
}

/** The statements of one or several documents, in order. */
export function locate(inputs: PolicyInput | readonly PolicyInput[]): Located[] {
    const list: readonly PolicyInput[] = Array.isArray(inputs) ? inputs : [inputs as PolicyInput];
    return list.flatMap((input, document): Located[] => {
        if ("statements" in input) return input.statements.map((statement) => ({ statement, ref: statementRef(statement, document) }));
        if (input.kind === "document") return input.document.statements.map((statement) => ({ statement, ref: statementRef(statement, document) }));
        if (input.kind === "unknown") {
            return [{ statement: unknownStatement(0), ref: { document, index: 0, label: `document ${document + 1}` }, wholeDocument: true }];
        }
        return [];
    });
}

export function isAllow(statement: Statement): Tri {
    return isUnknown(statement.effect) ? "unknown" : statement.effect === "Allow" ? "yes" : "no";
}

export function isDeny(statement: Statement): Tri {
    return isUnknown(statement.effect) ? "unknown" : statement.effect === "Deny" ? "yes" : "no";
}

/** A statement without Condition applies to every request it matches. */
export function isUnconditional(statement: Statement): Tri {
    return isUnknown(statement.condition) ? "unknown" : statement.condition.length === 0 ? "yes" : "no";
}
