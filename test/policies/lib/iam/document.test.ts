import { ParsedDocument, parsePolicyDocument, PolicyDocument, Statement, statementLabel, unknownParts } from "../../../../policies/lib/iam/document";
import { Plain, UNKNOWN } from "../../../../policies/lib/value";

function document(value: unknown): PolicyDocument {
    const parsed = parsePolicyDocument(value);
    if (parsed.kind !== "document") throw new Error(`expected a document, got ${JSON.stringify(parsed)}`);
    return parsed.document;
}

function only(value: unknown): Statement {
    const statements = document(value).statements;
    expect(statements).toHaveLength(1);
    return statements[0];
}

describe("parsePolicyDocument: the encodings Pulumi programs pass", () => {
    const model: PolicyDocument = {
        version: "2012-10-17",
        statements: [
            {
                index: 1,
                sid: "AllowPass",
                effect: "Allow",
                action: { negated: false, patterns: ["iam:PassRole"] },
                resource: { negated: false, patterns: ["*"] },
                condition: [{ operator: "StringEquals", key: "iam:PassedToService", values: ["ec2.amazonaws.com"] }],
            },
        ],
    };
    const object = {
        Version: "2012-10-17",
        Statement: [{ Sid: "AllowPass", Effect: "Allow", Action: ["iam:PassRole"], Resource: ["*"], Condition: { StringEquals: { "iam:PassedToService": ["ec2.amazonaws.com"] } } }],
    };
    const cases: [string, unknown][] = [
        ["an object literal", object],
        ["compact JSON (JSON.stringify)", JSON.stringify(object)],
        ["pretty JSON with tabs and CRLF line ends", JSON.stringify(object, undefined, "\t").replace(/\n/g, "\r\n")],
        ["JSON with a byte-order mark", `\uFEFF${JSON.stringify(object)}`],
        // aws.iam.getPolicyDocument(...).json: single values as strings, statement order of keys as the provider writes.
        [
            "aws.iam.getPolicyDocument output",
            '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {\n      "Sid": "AllowPass",\n      "Effect": "Allow",\n      "Action": "iam:PassRole",\n      "Resource": "*",\n      "Condition": {\n        "StringEquals": {\n          "iam:PassedToService": "ec2.amazonaws.com"\n        }\n      }\n    }\n  ]\n}',
        ],
        // inputs.iam.PolicyDocument: Statement may be a single object.
        [
            "inputs.iam.PolicyDocument with a single Statement object",
            { Version: "2012-10-17", Statement: { Sid: "AllowPass", Effect: "Allow", Action: "iam:PassRole", Resource: "*", Condition: { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } } } },
        ],
    ];
    test.each(cases)("%s parses to the same model", (_name, value) => {
        expect(parsePolicyDocument(value)).toEqual({ kind: "document", document: model });
    });

    test("NotAction, NotResource and NotPrincipal are kept as negated elements", () => {
        const statement = only({ Statement: { Effect: "Deny", NotAction: "iam:*", NotResource: ["arn:aws:s3:::a"], NotPrincipal: { AWS: "111122223333" } } });
        expect(statement.action).toEqual({ negated: true, patterns: ["iam:*"] });
        expect(statement.resource).toEqual({ negated: true, patterns: ["arn:aws:s3:::a"] });
        expect(statement.principal).toEqual({ negated: true, entries: [{ type: "AWS", value: "111122223333" }] });
    });

    test("a trust policy statement has no resource element", () => {
        expect(only({ Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: { Service: "ec2.amazonaws.com" } }] }).resource).toBeUndefined();
    });

    const principals: [string, Plain, { type: string; value: string }[]][] = [
        ["the bare wildcard", "*", [{ type: "*", value: "*" }]],
        ["the AWS wildcard", { AWS: "*" }, [{ type: "AWS", value: "*" }]],
        ["an account id", { AWS: "111122223333" }, [{ type: "AWS", value: "111122223333" }]],
        [
            "a list of ARNs",
            { AWS: ["arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:role/Ops"] },
            [
                { type: "AWS", value: "arn:aws:iam::111122223333:root" },
                { type: "AWS", value: "arn:aws:iam::111122223333:role/Ops" },
            ],
        ],
        [
            "several principal types",
            { Service: ["ec2.amazonaws.com"], Federated: "cognito-identity.amazonaws.com", CanonicalUser: "79a59df9" },
            [
                { type: "Service", value: "ec2.amazonaws.com" },
                { type: "Federated", value: "cognito-identity.amazonaws.com" },
                { type: "CanonicalUser", value: "79a59df9" },
            ],
        ],
        ["a bare string other than * is read as an AWS principal", "111122223333", [{ type: "AWS", value: "111122223333" }]],
    ];
    test.each(principals)("Principal as %s", (_name, principal, entries) => {
        expect(only({ Statement: { Effect: "Allow", Action: "sts:AssumeRole", Principal: principal } }).principal).toEqual({ negated: false, entries });
    });

    const conditions: [string, Plain, { operator: string; key: string; values: string[] }[]][] = [
        ["a boolean value becomes its string", { Bool: { "aws:MultiFactorAuthPresent": true } }, [{ operator: "Bool", key: "aws:MultiFactorAuthPresent", values: ["true"] }]],
        ["a number becomes its string", { NumericLessThan: { "aws:MultiFactorAuthAge": 3600 } }, [{ operator: "NumericLessThan", key: "aws:MultiFactorAuthAge", values: ["3600"] }]],
        ["a list keeps every value", { "ForAnyValue:StringLike": { "aws:PrincipalOrgPaths": ["o-1/*", "o-2/*"] } }, [{ operator: "ForAnyValue:StringLike", key: "aws:PrincipalOrgPaths", values: ["o-1/*", "o-2/*"] }]],
        [
            "several operators and keys become one clause per key",
            { Bool: { "aws:SecureTransport": "true" }, StringEquals: { "sts:ExternalId": "x", "aws:PrincipalAccount": ["1"] } },
            [
                { operator: "Bool", key: "aws:SecureTransport", values: ["true"] },
                { operator: "StringEquals", key: "sts:ExternalId", values: ["x"] },
                { operator: "StringEquals", key: "aws:PrincipalAccount", values: ["1"] },
            ],
        ],
        ["no Condition is an empty list", null, []],
    ];
    test.each(conditions)("Condition: %s", (_name, condition, clauses) => {
        expect(only({ Statement: { Effect: "Allow", Action: "s3:*", Resource: "*", Condition: condition } }).condition).toEqual(clauses);
    });
});

describe("parsePolicyDocument: absent, unknown and invalid", () => {
    const absent: [string, unknown][] = [
        ["undefined", undefined],
        ["null", null],
        ["an empty string", ""],
        ["a blank string", "  \n\t"],
    ];
    test.each(absent)("%s is absent", (_name, value) => {
        expect(parsePolicyDocument(value)).toEqual({ kind: "absent" });
    });

    test.each([
        ["an unknown string (a whole document from an output)", UNKNOWN],
        ["an unknown Statement list", { Version: "2012-10-17", Statement: UNKNOWN }],
    ] as [string, unknown][])("%s is unknown", (_name, value) => {
        expect(parsePolicyDocument(value)).toEqual({ kind: "unknown" });
    });

    const invalid: [string, unknown, string][] = [
        ["text that is not JSON", '{"Statement": [ {"Effect": "Allow",, } ]}', "not valid JSON at position 35 (line 1, column 36): expected a property name in double quotes, found ','"],
        ["a JSON list", "[]", "the document is a list, not a JSON object"],
        ["a double-encoded JSON string", JSON.stringify(JSON.stringify({ Statement: [] })), "the document is a string, not a JSON object"],
        ["a number", 42, "the document is a number, not a JSON object"],
        ["no Statement", { Version: "2012-10-17" }, "the document has no Statement"],
        ["a statement that is not an object", { Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }, "x"] }, "Statement 2 is a string, not an object"],
        ["a statement without Effect", { Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }, { Action: "*", Resource: "*" }] }, "Statement 2 has no Effect"],
        ["a named statement without Effect", { Statement: [{ Sid: "AllowAll", Action: "*", Resource: "*" }] }, 'Statement "AllowAll" has no Effect'],
        ["an Effect in the wrong case", { Statement: [{ Effect: "allow", Action: "*" }] }, 'Statement 1 has Effect "allow"; IAM accepts only "Allow" or "Deny" (case-sensitive)'],
        ["neither Action nor NotAction", { Statement: [{ Effect: "Allow", Resource: "*" }] }, "Statement 1 has neither Action nor NotAction"],
        ["both Action and NotAction", { Statement: [{ Effect: "Allow", Action: "*", NotAction: "iam:*", Resource: "*" }] }, "Statement 1 has both Action and NotAction"],
        ["both Resource and NotResource", { Statement: [{ Effect: "Allow", Action: "*", Resource: "*", NotResource: "x" }] }, "Statement 1 has both Resource and NotResource"],
        ["both Principal and NotPrincipal", { Statement: [{ Effect: "Allow", Action: "*", Principal: "*", NotPrincipal: "*" }] }, "Statement 1 has both Principal and NotPrincipal"],
        ["an action that is not a string", { Statement: [{ Effect: "Allow", Action: ["s3:GetObject", 7], Resource: "*" }] }, "Statement 1 Action must be a string or a list of strings, but has a number"],
        ["a nested list of actions", { Statement: [{ Effect: "Allow", Action: [["s3:GetObject"]], Resource: "*" }] }, "Statement 1 Action must be a string or a list of strings, but has a list"],
        ["a Principal list", { Statement: [{ Effect: "Allow", Action: "sts:AssumeRole", Principal: ["*"] }] }, 'Statement 1 Principal must be "*" or an object such as {"AWS": …}'],
        ["a Condition operator without keys", { Statement: [{ Effect: "Allow", Action: "*", Resource: "*", Condition: { Bool: "true" } }] }, "Statement 1 Condition operator Bool must map condition keys to values"],
        ["a null condition value", { Statement: [{ Effect: "Allow", Action: "*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": null } } }] }, "Statement 1 Condition Bool aws:SecureTransport has null where a string, number or boolean is expected"],
        ["a Sid that is not a string", { Statement: [{ Sid: 1, Effect: "Allow", Action: "*", Resource: "*" }] }, "Statement 1 has a Sid that is not a string"],
        ["a Version that is not a string", { Version: 2012, Statement: [] }, "Version must be a string"],
    ];
    test.each(invalid)("%s is invalid", (_name, value, reason) => {
        expect(parsePolicyDocument(value)).toEqual({ kind: "invalid", reason });
    });
});

describe("parsePolicyDocument: documents with unknown parts", () => {
    test("an unknown statement keeps its place; the others are parsed", () => {
        const statements = document({ Statement: [UNKNOWN, { Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] }).statements;
        expect(statements[0]).toEqual({ index: 1, effect: UNKNOWN, action: UNKNOWN, resource: UNKNOWN, principal: UNKNOWN, condition: UNKNOWN });
        expect(statements[1].index).toBe(2);
        expect(unknownParts(statements[0])).toEqual(["Effect", "Action", "Resource", "Principal", "Condition"]);
    });

    const parts: [string, Record<string, Plain>, string[]][] = [
        ["an unknown Effect", { Effect: UNKNOWN, Action: "s3:*", Resource: "*" }, ["Effect"]],
        ["an unknown Action list", { Effect: "Allow", Action: UNKNOWN, Resource: "*" }, ["Action"]],
        ["one unknown NotAction pattern", { Effect: "Allow", NotAction: ["iam:*", UNKNOWN], Resource: "*" }, ["NotAction"]],
        ["an unknown Resource ARN", { Effect: "Allow", Action: "s3:*", Resource: ["arn:aws:s3:::a", UNKNOWN] }, ["Resource"]],
        ["an unknown principal ARN", { Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: [UNKNOWN] } }, ["Principal"]],
        ["an unknown principal type block", { Effect: "Allow", Action: "sts:AssumeRole", Principal: { AWS: UNKNOWN } }, ["Principal"]],
        ["an unknown condition value", { Effect: "Allow", Action: "sts:AssumeRole", Principal: "*", Condition: { StringEquals: { "sts:ExternalId": UNKNOWN } } }, ["Condition"]],
        ["an unknown operator block", { Effect: "Allow", Action: "sts:AssumeRole", Principal: "*", Condition: { Bool: UNKNOWN } }, ["Condition"]],
        ["an unknown value inside a list", { Effect: "Allow", Action: "sts:AssumeRole", Principal: "*", Condition: { StringEquals: { "aws:PrincipalOrgID": ["o-1", UNKNOWN] } } }, ["Condition"]],
        ["an unknown Sid (the statement is then named by its index)", { Sid: UNKNOWN, Effect: "Allow", Action: "s3:*", Resource: "*" }, []],
    ];
    test.each(parts)("%s is kept as unknown, the rest stays known", (_name, statement, unknown) => {
        expect(unknownParts(only({ Statement: [statement] }))).toEqual(unknown);
    });

    test("an unknown operator block is one clause with an unknown key", () => {
        expect(only({ Statement: { Effect: "Allow", Action: "*", Resource: "*", Condition: { Bool: UNKNOWN } } }).condition).toEqual([{ operator: "Bool", key: UNKNOWN, values: UNKNOWN }]);
    });
});

describe("statementLabel", () => {
    test.each([
        ["a Sid names the statement", { index: 2, sid: "AllowAll" }, 'Statement "AllowAll"'],
        ["without a Sid, the position", { index: 2 }, "statement 2"],
    ])("%s", (_name, statement, label) => {
        expect(statementLabel(statement)).toBe(label);
    });

    test("an empty Sid, as Terraform-style generators write it, is no Sid", () => {
        const statement = only({ Statement: [{ Sid: "", Effect: "Allow", Action: "s3:*", Resource: "*" }] });
        expect(statement.sid).toBeUndefined();
        expect(statementLabel(statement)).toBe("statement 1");
    });
});

describe("parsePolicyDocument never throws", () => {
    const hostile: [string, unknown][] = [
        ["a function", () => 1],
        ["a symbol", Symbol("x")],
        ["a bigint", BigInt(1)],
        ["an object whose getter throws", Object.defineProperty({}, "Statement", { enumerable: true, get: () => { throw new Error("boom"); } })],
        ["a deeply nested Statement", { Statement: JSON.parse("[".repeat(100_000) + "]".repeat(100_000)) as Plain }],
    ];
    test.each(hostile)("on %s", (_name, value) => {
        const parsed: ParsedDocument = parsePolicyDocument(value);
        expect(parsed.kind).toBe("invalid");
    });
});
