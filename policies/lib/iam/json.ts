// JSON text to a value, with a precise reason when the text is not JSON. Node's own messages name the position only
// for some errors ("Unexpected token '}', "{"a": }" is not valid JSON" does not), and users fix a policy document
// by position, so a failed parse is re-scanned here to find where and why. The scanner keeps its own stack: deeply
// nested input must not exhaust the call stack.

export type JsonResult = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reason: string };

export function parseJson(text: string): JsonResult {
    try {
        return { ok: true, value: JSON.parse(text) as unknown };
    } catch (error) {
        const found = findSyntaxError(text);
        if (found) {
            const { line, column } = lineAndColumn(text, found.position);
            return { ok: false, reason: `not valid JSON at position ${found.position} (line ${line}, column ${column}): ${found.problem}` };
        }
        return { ok: false, reason: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
}

export interface SyntaxProblem {
    /** Offset in UTF-16 code units, as JSON.parse counts. */
    readonly position: number;
    readonly problem: string;
}

type Expect = "value" | "value-or-close" | "key" | "key-or-close" | "colon" | "comma-or-close" | "end";

/** The first syntax error in `text`, or undefined when it is valid JSON. */
export function findSyntaxError(text: string): SyntaxProblem | undefined {
    const open: string[] = [];
    let expect: Expect = "value";
    let i = 0;
    const fail = (position: number, problem: string): SyntaxProblem => ({ position, problem });
    const afterValue = (): Expect => (open.length ? "comma-or-close" : "end");
    for (;;) {
        while (i < text.length && " \t\n\r".includes(text[i])) i++;
        if (i >= text.length) return expect === "end" ? undefined : fail(i, "unexpected end of input");
        const c = text[i];
        if (expect === "end") return fail(i, `unexpected ${describe(c)} after the end of the document`);
        if (expect === "colon") {
            if (c !== ":") return fail(i, `expected ':' after a property name, found ${describe(c)}`);
            i++;
            expect = "value";
            continue;
        }
        if (expect === "comma-or-close") {
            const close = open[open.length - 1] === "{" ? "}" : "]";
            if (c === ",") {
                i++;
                expect = close === "}" ? "key" : "value";
            } else if (c === close) {
                i++;
                open.pop();
                expect = afterValue();
            } else {
                return fail(i, `expected ',' or '${close}', found ${describe(c)}`);
            }
            continue;
        }
        if ((expect === "key-or-close" && c === "}") || (expect === "value-or-close" && c === "]")) {
            i++;
            open.pop();
            expect = afterValue();
            continue;
        }
        if (expect === "key" || expect === "key-or-close") {
            if (c !== '"') return fail(i, `expected a property name in double quotes, found ${describe(c)}`);
            const end = scanString(text, i);
            if (typeof end !== "number") return end;
            i = end;
            expect = "colon";
            continue;
        }
        // A value.
        if (c === "{" || c === "[") {
            open.push(c);
            i++;
            expect = c === "{" ? "key-or-close" : "value-or-close";
            continue;
        }
        const end = c === '"' ? scanString(text, i) : c === "-" || (c >= "0" && c <= "9") ? scanNumber(text, i) : scanLiteral(text, i);
        if (typeof end !== "number") return end;
        i = end;
        expect = afterValue();
    }
}

function scanString(text: string, start: number): number | SyntaxProblem {
    let i = start + 1;
    while (i < text.length) {
        const c = text[i];
        if (c === '"') return i + 1;
        if (c < " ") return { position: i, problem: "control character inside a string (escape it)" };
        if (c === "\\") {
            const e = text[i + 1];
            if (e === "u") {
                if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return { position: i, problem: "bad \\u escape: four hex digits expected" };
                i += 6;
                continue;
            }
            if (e === undefined || !'"\\/bfnrt'.includes(e)) return { position: i, problem: "bad escape in a string" };
            i += 2;
            continue;
        }
        i++;
    }
    return { position: start, problem: "unterminated string" };
}

function scanNumber(text: string, start: number): number | SyntaxProblem {
    const match = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(start, start + 400));
    if (!match || match[0] === "-") return { position: start, problem: "malformed number" };
    return start + match[0].length;
}

function scanLiteral(text: string, start: number): number | SyntaxProblem {
    for (const word of ["true", "false", "null"]) {
        if (text.startsWith(word, start)) return start + word.length;
    }
    return { position: start, problem: `unexpected ${describe(text[start])}` };
}

function describe(c: string): string {
    return c === "'" ? `"'"` : `'${c}'`;
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
    let line = 1;
    let lineStart = 0;
    for (let i = 0; i < position && i < text.length; i++) {
        if (text[i] === "\n") {
            line++;
            lineStart = i + 1;
        }
    }
    return { line, column: position - lineStart + 1 };
}
