import fc from "fast-check";
import { CaseRule, globCovers, globIntersects, globMatch, hasWildcard, matchesEverything } from "../../../../policies/lib/iam/glob";

describe("globMatch", () => {
    const cases: [string, string, string, CaseRule, boolean][] = [
        ["a star matches any run, colons and slashes included", "arn:aws:s3:::bucket/*", "arn:aws:s3:::bucket/a/b:c", "case-sensitive", true],
        ["a star matches the empty run", "iam:Pass*", "iam:Pass", "ignore-case", true],
        ["a question mark matches exactly one character", "i?m:*", "iam:GetRole", "ignore-case", true],
        ["a question mark does not match zero characters", "i?m:*", "im:GetRole", "ignore-case", false],
        ["literal text must match in full", "iam:PassRole", "iam:PassRoles", "ignore-case", false],
        ["case is folded when asked", "IAM:passrole", "iam:PassRole", "ignore-case", true],
        ["case is kept for ARNs", "arn:aws:s3:::Bucket", "arn:aws:s3:::bucket", "case-sensitive", false],
        ["several stars backtrack correctly", "*a*b*c", "xxaxxbxxbxxc", "case-sensitive", true],
        ["a pathological pattern stays fast and correct", `${"a*".repeat(30)}b`, "a".repeat(200), "case-sensitive", false],
        ["wildcard characters in the text are ordinary", "abc", "a?c", "case-sensitive", false],
    ];
    test.each(cases)("%s", (_name, pattern, text, rule, expected) => {
        expect(globMatch(pattern, text, rule)).toBe(expected);
    });
});

describe("globCovers", () => {
    const cases: [string, string, string, boolean][] = [
        ["a service wildcard covers a narrower pattern of that service", "iam:*", "iam:Put*", true],
        ["a narrower pattern does not cover a wider one", "iam:Put*", "iam:*", false],
        ["everything covers everything", "*", "*:*", true],
        ["a pattern covers itself", "s3:Get*", "s3:Get*", true],
        ["a question mark does not cover a star", "i?m:*", "i*m:*", false],
        ["a star covers a question mark", "i*m:*", "i?m:*", true],
        ["a concrete target is a plain match", "iam:Pass*", "iam:PassRole", true],
        ["another service is not covered", "iam:*", "sts:*", false],
    ];
    test.each(cases)("%s", (_name, outer, inner, expected) => {
        expect(globCovers(outer, inner, "ignore-case")).toBe(expected);
    });
});

describe("globIntersects", () => {
    const cases: [string, string, string, boolean][] = [
        ["a suffix and a prefix pattern can meet", "iam:*Policy", "iam:Put*", true],
        ["different literal services never meet", "iam:*", "s3:*", false],
        ["question marks meet any one character", "i?m:x", "?am:?", true],
        ["lengths that cannot agree do not meet", "ab?", "a", false],
    ];
    test.each(cases)("%s", (_name, a, b, expected) => {
        expect(globIntersects(a, b, "ignore-case")).toBe(expected);
        expect(globIntersects(b, a, "ignore-case")).toBe(expected);
    });
});

describe("wildcard helpers", () => {
    test.each([
        ["*", true],
        ["***", true],
        ["*:*", false],
        ["", false],
        ["?", false],
    ])("matchesEverything(%j) is %s", (pattern, expected) => {
        expect(matchesEverything(pattern)).toBe(expected);
    });
    test.each([
        ["iam:Pass*", true],
        ["i?m:PassRole", true],
        ["iam:PassRole", false],
    ])("hasWildcard(%j) is %s", (pattern, expected) => {
        expect(hasWildcard(pattern)).toBe(expected);
    });
});

describe("glob properties", () => {
    // A small alphabet so that random patterns and strings actually match each other.
    const text = fc.string({ unit: fc.constantFrom("a", "b", ":"), maxLength: 8 });
    const pattern = fc.string({ unit: fc.constantFrom("a", "b", ":", "*", "?"), maxLength: 6 });

    test("covers is sound: whatever the inner pattern matches, the outer one matches too", () => {
        fc.assert(
            fc.property(pattern, pattern, text, (outer, inner, s) => {
                if (globCovers(outer, inner, "case-sensitive") && globMatch(inner, s, "case-sensitive")) {
                    expect(globMatch(outer, s, "case-sensitive")).toBe(true);
                }
            }),
            { numRuns: 3000 },
        );
    });

    test("intersects finds every string both patterns match", () => {
        fc.assert(
            fc.property(pattern, pattern, text, (a, b, s) => {
                if (globMatch(a, s, "case-sensitive") && globMatch(b, s, "case-sensitive")) expect(globIntersects(a, b, "case-sensitive")).toBe(true);
            }),
            { numRuns: 3000 },
        );
    });

    test("a pattern made from a string by hiding characters still matches it", () => {
        fc.assert(
            fc.property(fc.string({ maxLength: 12 }), fc.array(fc.boolean(), { maxLength: 12 }), (s, hide) => {
                const p = [...s].map((c, i) => (hide[i] ? "?" : c === "*" || c === "?" ? "?" : c)).join("");
                expect(globMatch(p, s, "case-sensitive")).toBe(true);
            }),
        );
    });

    test("no function throws on arbitrary strings", () => {
        fc.assert(
            fc.property(fc.string(), fc.string(), (a, b) => {
                for (const rule of ["ignore-case", "case-sensitive"] as const) {
                    globMatch(a, b, rule);
                    globCovers(a, b, rule);
                    globIntersects(a, b, rule);
                }
            }),
        );
    });
});
