// IAM's wildcard language: `*` matches any run of characters (the empty one too, and `:` and `/`), `?` matches
// exactly one. Actions compare case-insensitively, resource ARNs and condition values case-sensitively, so every
// function takes the case rule explicitly. No regular expressions: patterns come from user input, and a regex built
// from `a*a*a*…b` backtracks exponentially; these loops are bounded by the product of the two lengths.

export type CaseRule = "ignore-case" | "case-sensitive";

// The pairwise tables below hold (pattern length + 1) × (text length + 1) cells. Real patterns are short; past this
// bound (megabyte-long strings) the answers fall back to the conservative side documented on each function.
const MAX_CELLS = 4_000_000;

function fold(text: string, rule: CaseRule): string {
    return rule === "ignore-case" ? text.toLowerCase() : text;
}

export function hasWildcard(pattern: string): boolean {
    return pattern.includes("*") || pattern.includes("?");
}

/** True when the pattern matches every string: it is made only of `*` (e.g. `*`, `**`). */
export function matchesEverything(pattern: string): boolean {
    return pattern.length > 0 && [...pattern].every((c) => c === "*");
}

/** Does `pattern` match all of `text`? (`text` is a concrete string: its `*` and `?` are ordinary characters.) */
export function globMatch(pattern: string, text: string, rule: CaseRule): boolean {
    // Characters are compared one by one rather than folding both strings first: most patterns of a long policy
    // fail on their first characters, and folding every pattern for every question dominated the running time.
    const p = pattern;
    const t = text;
    const ignoreCase = rule === "ignore-case";
    const same = (a: string, b: string): boolean => a === b || (ignoreCase && a.toLowerCase() === b.toLowerCase());
    // The classic two-pointer matcher: on a mismatch, let the most recent `*` swallow one more character.
    let pi = 0;
    let ti = 0;
    let star = -1;
    let resume = 0;
    while (ti < t.length) {
        if (pi < p.length && (p[pi] === "?" || (p[pi] !== "*" && same(p[pi], t[ti])))) {
            pi++;
            ti++;
        } else if (pi < p.length && p[pi] === "*") {
            star = pi++;
            resume = ti;
        } else if (star >= 0) {
            pi = star + 1;
            ti = ++resume;
        } else {
            return false;
        }
    }
    while (pi < p.length && p[pi] === "*") pi++;
    return pi === p.length;
}

/**
 * Is every string matched by `inner` also matched by `outer`? Sound: "true" is always right; for a few exotic
 * pairs (`?*` against `*?`) it answers "false" although the languages are equal, which callers treat as "not
 * proven". Used to decide whether a Deny covers what an Allow grants, where "not proven" keeps the grant.
 */
export function globCovers(outer: string, inner: string, rule: CaseRule): boolean {
    const o = fold(outer, rule);
    const n = fold(inner, rule);
    if (!hasWildcard(n)) return globMatch(o, n, "case-sensitive");
    if ((o.length + 1) * (n.length + 1) > MAX_CELLS) return matchesEverything(o);
    // covers[i][j]: does o[i..] cover n[j..]? Filled from the ends backwards.
    const width = n.length + 1;
    const covers = new Uint8Array((o.length + 1) * width);
    covers[o.length * width + n.length] = 1;
    for (let i = o.length - 1; i >= 0; i--) {
        for (let j = n.length; j >= 0; j--) {
            let value: boolean;
            if (o[i] === "*") {
                // The outer star matches nothing more, or swallows one more token of the inner pattern (a
                // literal, a `?` or a whole `*`).
                value = covers[(i + 1) * width + j] === 1 || (j < n.length && covers[i * width + j + 1] === 1);
            } else if (j === n.length || n[j] === "*") {
                value = false; // a literal or `?` cannot stand for an arbitrary run
            } else if (o[i] === "?") {
                value = covers[(i + 1) * width + j + 1] === 1;
            } else {
                value = n[j] === o[i] && covers[(i + 1) * width + j + 1] === 1;
            }
            covers[i * width + j] = value ? 1 : 0;
        }
    }
    return covers[0] === 1;
}

/**
 * Is there a string that both patterns match? Exact for `*`/`?` globs. Past the size bound it answers "true"
 * (assume an overlap), the cautious answer for its callers: an overlap keeps a NotAction exclusion in force and
 * lets a Deny possibly apply.
 */
export function globIntersects(a: string, b: string, rule: CaseRule): boolean {
    const x = fold(a, rule);
    const y = fold(b, rule);
    if ((x.length + 1) * (y.length + 1) > MAX_CELLS) return true;
    const width = y.length + 1;
    const meets = new Uint8Array((x.length + 1) * width);
    for (let i = x.length; i >= 0; i--) {
        for (let j = y.length; j >= 0; j--) {
            let value: boolean;
            if (i === x.length && j === y.length) value = true;
            else if (i < x.length && x[i] === "*") value = meets[(i + 1) * width + j] === 1 || (j < y.length && meets[i * width + j + 1] === 1);
            else if (j < y.length && y[j] === "*") value = meets[i * width + j + 1] === 1 || (i < x.length && meets[(i + 1) * width + j] === 1);
            else if (i === x.length || j === y.length) value = false;
            else value = (x[i] === "?" || y[j] === "?" || x[i] === y[j]) && meets[(i + 1) * width + j + 1] === 1;
            meets[i * width + j] = value ? 1 : 0;
        }
    }
    return meets[0] === 1;
}
