// Properties over many generated documents: no exported function throws on any input, and a verdict reached while
// parts are unknown never changes once they become known ("unknown" only when the unknown could change it).
import fc from "fast-check";
import * as iam from "../../../../policies/lib/iam";
import { Plain, UNKNOWN } from "../../../../policies/lib/value";
import { hide, plainWithUnknowns, validDocument } from "./arbitraries";

function exerciseEverything(value: unknown): void {
    const parsed = iam.parsePolicyDocument(value);
    const report = iam.analysePrivileges([parsed, parsed]);
    expect(Array.isArray(report.escalations)).toBe(true);
    for (const action of ["iam:PassRole", "*", "s3:*", ""]) iam.grants(parsed, action, "*");
    const trust = iam.analyseTrust(parsed);
    iam.admitsAnyone(trust);
    iam.admittedAccounts(parsed);
    for (const { statement } of iam.locate(parsed)) {
        iam.allowRequiresMfa(statement);
        iam.denyEnforcesMfa(statement);
        iam.allowRequiresExternalId(statement);
        iam.denyEnforcesExternalId(statement);
        iam.principalRestrictions(statement);
        iam.principalsOf(statement);
        iam.unknownParts(statement);
        iam.administratorShaped(statement);
    }
}

describe("no exported function throws", () => {
    test("on arbitrary JSON-like values with UNKNOWN anywhere", () => {
        fc.assert(fc.property(plainWithUnknowns, (value) => exerciseEverything(value)), { numRuns: 1500 });
    });

    test("on arbitrary values of any JavaScript type", () => {
        fc.assert(fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withDate: true, withTypedArray: true, withNullPrototype: true }), (value) => exerciseEverything(value)), { numRuns: 500 });
    });

    test("on arbitrary strings and JSON texts", () => {
        fc.assert(fc.property(fc.oneof(fc.string(), fc.json(), validDocument.map((d) => JSON.stringify(d))), (text) => exerciseEverything(text)), { numRuns: 800 });
    });

    test("on valid documents with UNKNOWN sprinkled in", () => {
        fc.assert(fc.property(validDocument, fc.array(fc.nat(4), { minLength: 1 }), (document, choices) => exerciseEverything(hide(document, choices))), { numRuns: 800 });
    });

    test("on deeply nested values", () => {
        let deep: Plain = UNKNOWN;
        for (let i = 0; i < 50_000; i++) deep = i % 2 ? [deep] : { Statement: deep };
        exerciseEverything(deep);
        exerciseEverything({ Statement: [{ Effect: "Allow", Action: "*", Resource: "*", Condition: { Bool: deep } }] });
    });

    test("string functions on arbitrary strings", () => {
        fc.assert(
            fc.property(fc.string(), fc.string(), (a, b) => {
                iam.actionMatches(a, b);
                iam.patternCovers(a, b);
                iam.patternsOverlap(a, b);
                iam.coversAllActions(a);
                iam.isServiceWildcard(a);
                iam.serviceOf(a);
                iam.isIamWriteAction(a);
                iam.parseAwsPrincipal(a);
                iam.parseOperator(a);
                iam.statementLabel({ index: 1, sid: a });
            }),
        );
    });
});

describe("a settled verdict stays settled when unknown values become known", () => {
    // `hidden` is `known` with some values replaced by UNKNOWN. Wherever the hidden verdict is "yes" or "no", the
    // known one must agree; only "unknown" may turn either way.
    const settled = (hidden: iam.Tri, known: iam.Tri): boolean => hidden === "unknown" || hidden === known;
    const pair = fc.tuple(validDocument, fc.array(fc.nat(5), { minLength: 1, maxLength: 40 })).map(([document, choices]) => ({
        known: iam.parsePolicyDocument(document),
        hidden: iam.parsePolicyDocument(hide(document, choices)),
    }));

    test("the parse of a valid document with hidden parts is never invalid", () => {
        fc.assert(fc.property(pair, ({ known, hidden }) => {
            expect(known.kind).toBe("document");
            expect(["document", "unknown"]).toContain(hidden.kind);
        }), { numRuns: 500 });
    });

    test("grants", () => {
        const queries: [string, string | undefined][] = [["iam:PassRole", undefined], ["iam:PassRole", "*"], ["sts:AssumeRole", "arn:aws:iam::111122223333:role/x"], ["s3:GetObject", undefined], ["ec2:RunInstances", "*"]];
        fc.assert(fc.property(pair, ({ known, hidden }) => {
            for (const [action, resource] of queries) expect(settled(iam.grants(hidden, action, resource), iam.grants(known, action, resource))).toBe(true);
        }), { numRuns: 1500 });
    });

    test("administrator access, IAM write and escalation methods", () => {
        const verdicts = (parsed: iam.ParsedDocument): Record<string, iam.Tri> => {
            const report = iam.analysePrivileges(parsed);
            const out: Record<string, iam.Tri> = { administrator: report.administrator?.verdict ?? "no", iamWrite: report.iamWrite?.verdict ?? "no" };
            for (const method of iam.ESCALATION_METHODS) out[method.id] = report.escalations.find((e) => e.method.id === method.id)?.verdict ?? "no";
            return out;
        };
        fc.assert(fc.property(pair, ({ known, hidden }) => {
            const k = verdicts(known);
            for (const [name, verdict] of Object.entries(verdicts(hidden))) expect([name, settled(verdict, k[name])]).toEqual([name, true]);
        }), { numRuns: 1000 });
    });

    test("MFA and ExternalId of an account admitted by the same statements", () => {
        fc.assert(fc.property(pair, ({ known, hidden }) => {
            const k = iam.analyseTrust(known);
            const h = iam.analyseTrust(hidden);
            if (k.kind !== "trust" || h.kind !== "trust") return;
            for (const account of h.accounts) {
                const twin = k.accounts.find((a) => a.account === account.account);
                // Unknown principals elsewhere may admit the account too; compare only like with like.
                if (!twin || JSON.stringify(twin.statements) !== JSON.stringify(account.statements)) continue;
                expect(settled(account.mfa.verdict, twin.mfa.verdict)).toBe(true);
                expect(settled(account.externalId.verdict, twin.externalId.verdict)).toBe(true);
            }
        }), { numRuns: 1500 });
    });

    test("condition evidence per statement", () => {
        fc.assert(fc.property(pair, ({ known, hidden }) => {
            if (known.kind !== "document" || hidden.kind !== "document") return;
            hidden.document.statements.forEach((statement, i) => {
                const twin = known.document.statements[i];
                for (const judge of [iam.allowRequiresMfa, iam.denyEnforcesMfa, iam.allowRequiresExternalId, iam.denyEnforcesExternalId, iam.principalRestrictions]) {
                    expect(settled(judge(statement).verdict, judge(twin).verdict)).toBe(true);
                }
            });
        }), { numRuns: 1500 });
    });
});

describe("encodings do not change verdicts", () => {
    test("a document and its JSON text, compact or pretty, parse alike", () => {
        fc.assert(fc.property(validDocument, fc.constantFrom(undefined, 2, "\t"), (document, indent) => {
            expect(iam.parsePolicyDocument(JSON.stringify(document, undefined, indent))).toEqual(iam.parsePolicyDocument(document));
        }), { numRuns: 300 });
    });

    test("the letter case of actions does not matter", () => {
        fc.assert(fc.property(validDocument, (document) => {
            const shouted = JSON.parse(JSON.stringify(document).replace(/"(\w+):([\w*?]+)"/g, (_m, s: string, a: string) => `"${s.toUpperCase()}:${a.toLowerCase()}"`)) as Plain;
            for (const action of ["iam:PassRole", "sts:AssumeRole", "s3:GetObject"]) {
                expect(iam.grants(iam.parsePolicyDocument(shouted), action)).toBe(iam.grants(iam.parsePolicyDocument(document), action));
            }
        }), { numRuns: 300 });
    });
});
