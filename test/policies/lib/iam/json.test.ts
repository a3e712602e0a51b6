import fc from "fast-check";
import { findSyntaxError, parseJson } from "../../../../policies/lib/iam/json";

describe("parseJson", () => {
    test("valid JSON parses to its value", () => {
        expect(parseJson(' {"a": [1, true, null]} ')).toEqual({ ok: true, value: { a: [1, true, null] } });
    });

    const invalid: [string, string, string][] = [
        ["a missing value names the position of the brace", '{"Statement": }', "not valid JSON at position 14 (line 1, column 15): unexpected '}'"],
        ["a trailing comma in an object", '{"a": 1,}', "not valid JSON at position 8 (line 1, column 9): expected a property name in double quotes, found '}'"],
        ["a missing comma in a list", '["a" "b"]', "not valid JSON at position 5 (line 1, column 6): expected ',' or ']', found '\"'"],
        ["single quotes are not JSON", "{'a': 1}", `not valid JSON at position 1 (line 1, column 2): expected a property name in double quotes, found "'"`],
        ["truncated input", '{"Version": "2012-10-17"', "not valid JSON at position 24 (line 1, column 25): unexpected end of input"],
        ["text after the document", '{"a": 1} x', "not valid JSON at position 9 (line 1, column 10): unexpected 'x' after the end of the document"],
        ["lines and columns count newlines", '{\n  "a": 1,\n  "b": tru\n}', "not valid JSON at position 19 (line 3, column 8): unexpected 't'"],
        ["an unterminated string points at its start", '{"a": "abc', "not valid JSON at position 6 (line 1, column 7): unterminated string"],
        ["a raw newline inside a string", '{"a": "x\ny"}', "not valid JSON at position 8 (line 1, column 9): control character inside a string (escape it)"],
        ["a bad escape", '{"a": "\\x"}', "not valid JSON at position 7 (line 1, column 8): bad escape in a string"],
        ["a malformed number", '{"a": -}', "not valid JSON at position 6 (line 1, column 7): malformed number"],
    ];
    test.each(invalid)("%s", (_name, text, reason) => {
        expect(parseJson(text)).toEqual({ ok: false, reason });
    });
});

describe("findSyntaxError agrees with JSON.parse", () => {
    const accepts = (text: string): boolean => {
        try {
            JSON.parse(text);
            return true;
        } catch {
            return false;
        }
    };

    test("on arbitrary strings", () => {
        fc.assert(fc.property(fc.string({ maxLength: 30 }), (s) => expect(findSyntaxError(s) === undefined).toBe(accepts(s))), { numRuns: 2000 });
    });

    test("on JSON texts, whole and truncated", () => {
        fc.assert(
            fc.property(fc.json(), fc.nat(), (s, cut) => {
                expect(findSyntaxError(s)).toBeUndefined();
                const truncated = s.slice(0, cut % (s.length + 1));
                expect(findSyntaxError(truncated) === undefined).toBe(accepts(truncated));
            }),
            { numRuns: 2000 },
        );
    });

    test("on JSON-like strings built from JSON's own characters", () => {
        const unit = fc.constantFrom("{", "}", "[", "]", ",", ":", '"', "a", "1", "-", ".", "e", " ", "\\", "t", "r", "u", "n", "l");
        fc.assert(fc.property(fc.string({ unit, maxLength: 20 }), (s) => expect(findSyntaxError(s) === undefined).toBe(accepts(s))), { numRuns: 5000 });
    });

    test("deep nesting neither overflows the stack nor throws", () => {
        const deep = "[".repeat(200_000) + "]".repeat(199_999);
        expect(findSyntaxError(deep)?.problem).toBe("unexpected end of input");
        expect(parseJson(deep).ok).toBe(false);
    });
});
