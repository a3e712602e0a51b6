// aws.iam.getPolicyDocument offline must render the JSON terraform-provider-aws renders. Expected documents are
// written as objects in the provider's field order and formatted like Go's json.MarshalIndent (which, for these
// documents, is JSON.stringify with two spaces), except where Go's escaping differs.
import { renderPolicyDocument } from "../../../cli/program/policy-document";
import { crc32 } from "../../../cli/program/go-json";

function doc(statements: unknown[], extra: Record<string, unknown> = {}): string {
    return JSON.stringify({ Version: "2012-10-17", ...extra, Statement: statements }, null, 2);
}

const rendered = (args: Record<string, unknown>): string => renderPolicyDocument(args).json as string;

describe("renderPolicyDocument", () => {
    const cases: { name: string; args: Record<string, unknown>; json: string }[] = [
        {
            name: "a single action, resource and principal render as strings; Effect defaults to Allow; no empty Sid",
            args: {
                statements: [
                    {
                        actions: ["s3:GetObject"],
                        resources: ["arn:aws:s3:::evidence/*"],
                        principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111122223333:root"] }],
                    },
                ],
            },
            json: doc([
                {
                    Effect: "Allow",
                    Action: "s3:GetObject",
                    Resource: "arn:aws:s3:::evidence/*",
                    Principal: { AWS: "arn:aws:iam::111122223333:root" },
                },
            ]),
        },
        {
            name: "actions and resources are sets: duplicates dropped, several values in reverse order",
            args: {
                statements: [
                    {
                        actions: ["s3:PutObject", "s3:GetObject", "s3:PutObject", "s3:DeleteObject"],
                        resources: ["arn:aws:s3:::a/*", "arn:aws:s3:::b/*"],
                    },
                ],
            },
            json: doc([
                {
                    Effect: "Allow",
                    Action: ["s3:PutObject", "s3:GetObject", "s3:DeleteObject"],
                    Resource: ["arn:aws:s3:::b/*", "arn:aws:s3:::a/*"],
                },
            ]),
        },
        {
            name: "principal types are map keys in sorted order; blocks of one type are merged",
            args: {
                statements: [
                    {
                        actions: ["sts:AssumeRole"],
                        principals: [
                            { type: "Service", identifiers: ["ec2.amazonaws.com"] },
                            { type: "AWS", identifiers: ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:root"] },
                            { type: "AWS", identifiers: ["777788889999"] },
                        ],
                    },
                ],
            },
            json: doc([
                {
                    Effect: "Allow",
                    Action: "sts:AssumeRole",
                    Principal: {
                        AWS: ["arn:aws:iam::444455556666:root", "arn:aws:iam::111122223333:root", "777788889999"],
                        Service: "ec2.amazonaws.com",
                    },
                },
            ]),
        },
        {
            name: "a lone wildcard principal of type * is the string *, but AWS * stays a map",
            args: {
                statements: [
                    { sid: "Anyone", actions: ["s3:GetObject"], principals: [{ type: "*", identifiers: ["*"] }] },
                    { sid: "AnyAws", actions: ["s3:GetObject"], principals: [{ type: "AWS", identifiers: ["*"] }] },
                ],
            },
            json: doc([
                { Sid: "Anyone", Effect: "Allow", Action: "s3:GetObject", Principal: "*" },
                { Sid: "AnyAws", Effect: "Allow", Action: "s3:GetObject", Principal: { AWS: "*" } },
            ]),
        },
        {
            name: "conditions: tests and variables sorted, values of one test and variable merged, one value a string",
            args: {
                statements: [
                    {
                        actions: ["sts:AssumeRole"],
                        conditions: [
                            { test: "StringLike", variable: "aws:PrincipalArn", values: ["arn:aws:iam::*:role/msp-*"] },
                            { test: "Bool", variable: "aws:MultiFactorAuthPresent", values: ["true"] },
                            { test: "StringLike", variable: "aws:PrincipalArn", values: ["arn:aws:iam::*:role/ops-*"] },
                            { test: "StringEquals", variable: "sts:ExternalId", values: ["z-id", "a-id"] },
                        ],
                    },
                ],
            },
            json: doc([
                {
                    Effect: "Allow",
                    Action: "sts:AssumeRole",
                    Condition: {
                        Bool: { "aws:MultiFactorAuthPresent": "true" },
                        StringEquals: { "sts:ExternalId": ["z-id", "a-id"] },
                        StringLike: { "aws:PrincipalArn": ["arn:aws:iam::*:role/msp-*", "arn:aws:iam::*:role/ops-*"] },
                    },
                },
            ]),
        },
        {
            name: "Deny with NotAction and NotResource, &{...} policy variables, and a policy id",
            args: {
                policyId: "msp-guard",
                statements: [
                    { sid: "DenyOthers", effect: "Deny", notActions: ["iam:*"], notResources: ["arn:aws:s3:::&{aws:username}/*"] },
                ],
            },
            json: doc(
                [{ Sid: "DenyOthers", Effect: "Deny", NotAction: "iam:*", NotResource: "arn:aws:s3:::${aws:username}/*" }],
                { Id: "msp-guard" },
            ),
        },
    ];

    it.each(cases)("$name", ({ args, json }) => {
        expect(rendered(args)).toBe(json);
    });

    it("escapes <, > and & the way Go's encoder does", () => {
        const json = rendered({
            statements: [{ actions: ["s3:GetObject"], conditions: [{ test: "StringEquals", variable: "aws:UserAgent", values: ["<a&b>"] }] }],
        });
        expect(json).toContain('"aws:UserAgent": "\\u003ca\\u0026b\\u003e"');
    });

    it("minifiedJson is the compact form and id the crc32 of json", () => {
        const result = renderPolicyDocument({ statements: [{ actions: ["s3:GetObject"], resources: ["*"] }] });
        expect(result.minifiedJson).toBe('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}');
        expect(result.id).toBe(String(crc32(result.json as string)));
    });

    it("crc32 is the IEEE checksum", () => {
        expect(crc32("hello")).toBe(0x3610a686);
        expect(crc32("")).toBe(0);
    });

    it("merges source documents, then this document, then overrides; a statement with a known Sid replaces it", () => {
        const source = JSON.stringify({
            Version: "2012-10-17",
            Statement: [
                { Sid: "Read", Effect: "Allow", Action: ["s3:List*", "s3:Get*"], Resource: "*" },
                { Effect: "Allow", Action: "logs:*", Resource: "*", Principal: "*", Condition: { Bool: { "aws:SecureTransport": true } } },
            ],
        });
        const override = JSON.stringify({
            Id: "overridden",
            Statement: [{ Sid: "Write", Effect: "Deny", Action: "s3:Put*", Resource: "*" }],
        });
        const json = rendered({
            sourcePolicyDocuments: [source],
            overridePolicyDocuments: [override],
            statements: [
                { sid: "Read", actions: ["s3:GetObject"], resources: ["arn:aws:s3:::evidence/*"] },
                { sid: "Write", actions: ["s3:PutObject"], resources: ["arn:aws:s3:::evidence/*"] },
            ],
        });
        expect(json).toBe(
            doc(
                [
                    { Sid: "Read", Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::evidence/*" },
                    // Source statements keep their own value order, and a boolean condition value becomes a string.
                    { Effect: "Allow", Action: "logs:*", Resource: "*", Principal: "*", Condition: { Bool: { "aws:SecureTransport": "true" } } },
                    { Sid: "Write", Effect: "Deny", Action: "s3:Put*", Resource: "*" },
                ],
                { Id: "overridden" },
            ),
        );
    });

    it("rejects a Sid repeated across source documents", () => {
        const source = JSON.stringify({ Statement: [{ Sid: "Same", Effect: "Allow", Action: "s3:*", Resource: "*" }] });
        expect(() => rendered({ sourcePolicyDocuments: [source, source] })).toThrow(
            "merging source document 1: duplicate Sid (Same) in source_policy_documents (statement 0)",
        );
    });

    it("rejects a Sid repeated in the statements", () => {
        expect(() => rendered({ statements: [{ sid: "A", actions: ["s3:*"] }, { sid: "A", actions: ["s3:*"] }] })).toThrow(
            "duplicate Sid (A)",
        );
    });

    it("rejects &{ in a 2008-10-17 document", () => {
        expect(() => rendered({ version: "2008-10-17", statements: [{ actions: ["s3:*"], resources: ["arn:aws:s3:::&{x}"] }] })).toThrow(
            "not supported in document version 2008-10-17",
        );
    });

    it("echoes the arguments with the defaults the provider fills", () => {
        const result = renderPolicyDocument({ statements: [{ actions: ["s3:*"] }] });
        expect(result.version).toBe("2012-10-17");
        expect(result.statements).toEqual([{ actions: ["s3:*"], effect: "Allow" }]);
    });
});
