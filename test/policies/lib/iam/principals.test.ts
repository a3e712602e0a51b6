import { ParsedDocument, parsePolicyDocument } from "../../../../policies/lib/iam/document";
import { AdmittedPrincipal, admittedAccounts, admissions, parseAwsPrincipal, principalIncludes } from "../../../../policies/lib/iam/principals";
import type { Tri } from "../../../../policies/lib/iam/tri";
import { Plain, PlainObject, UNKNOWN } from "../../../../policies/lib/value";

const trust = (...statements: PlainObject[]): ParsedDocument => parsePolicyDocument({ Version: "2012-10-17", Statement: statements });
const admit = (principal: Plain, extra: PlainObject = {}): PlainObject => ({ Effect: "Allow", Action: "sts:AssumeRole", Principal: principal, ...extra });

describe("parseAwsPrincipal", () => {
    const cases: [string, string, AdmittedPrincipal][] = [
        ["an account id", "111122223333", { kind: "aws-account", account: "111122223333", identity: "account", value: "111122223333" }],
        ["the account root", "arn:aws:iam::111122223333:root", { kind: "aws-account", account: "111122223333", partition: "aws", identity: "root", value: "arn:aws:iam::111122223333:root" }],
        ["a role with a path", "arn:aws:iam::111122223333:role/msp/Ops", { kind: "aws-account", account: "111122223333", partition: "aws", identity: "role", value: "arn:aws:iam::111122223333:role/msp/Ops" }],
        ["a user", "arn:aws:iam::111122223333:user/alice", { kind: "aws-account", account: "111122223333", partition: "aws", identity: "user", value: "arn:aws:iam::111122223333:user/alice" }],
        ["an assumed-role session", "arn:aws:sts::444455556666:assumed-role/Ops/alice", { kind: "aws-account", account: "444455556666", partition: "aws", identity: "assumed-role", value: "arn:aws:sts::444455556666:assumed-role/Ops/alice" }],
        ["a GovCloud role", "arn:aws-us-gov:iam::111122223333:role/Ops", { kind: "aws-account", account: "111122223333", partition: "aws-us-gov", identity: "role", value: "arn:aws-us-gov:iam::111122223333:role/Ops" }],
        ["a China-partition root", "arn:aws-cn:iam::111122223333:root", { kind: "aws-account", account: "111122223333", partition: "aws-cn", identity: "root", value: "arn:aws-cn:iam::111122223333:root" }],
        ["a wildcard account admits anyone", "arn:aws:iam::*:root", { kind: "anyone", value: "arn:aws:iam::*:root" }],
        ["a unique id (a deleted role) has no readable account", "AROAEXAMPLEID", { kind: "aws-other", value: "AROAEXAMPLEID" }],
        ["an ARN of another service is no AWS principal", "arn:aws:s3:::bucket", { kind: "aws-other", value: "arn:aws:s3:::bucket" }],
        ["an eleven-digit id is no account", "11112222333", { kind: "aws-other", value: "11112222333" }],
    ];
    test.each(cases)("%s", (_name, value, expected) => {
        expect(parseAwsPrincipal(value)).toEqual(expected);
    });
});

describe("admissions: whom each Allow admits", () => {
    const cases: [string, Plain, AdmittedPrincipal[]][] = [
        ["Principal \"*\"", "*", [{ kind: "anyone", value: "*" }]],
        ["{AWS: \"*\"}", { AWS: "*" }, [{ kind: "anyone", value: "*" }]],
        ["a service", { Service: ["ec2.amazonaws.com"] }, [{ kind: "service", value: "ec2.amazonaws.com" }]],
        ["a SAML provider of the account", { Federated: "arn:aws:iam::111122223333:saml-provider/Okta" }, [{ kind: "federated", value: "arn:aws:iam::111122223333:saml-provider/Okta", account: "111122223333" }]],
        ["a web identity provider", { Federated: "cognito-identity.amazonaws.com" }, [{ kind: "federated", value: "cognito-identity.amazonaws.com" }]],
        ["a canonical user", { CanonicalUser: "79a59df900b949e5" }, [{ kind: "canonical-user", value: "79a59df900b949e5" }]],
        ["an unknown principal ARN", { AWS: [UNKNOWN] }, [{ kind: "unknown", type: "AWS" }]],
        ["an unknown Principal", UNKNOWN, [{ kind: "unknown" }]],
    ];
    test.each(cases)("%s", (_name, principal, expected) => {
        expect(admissions(trust(admit(principal))).map((a) => a.principals)).toEqual([expected]);
    });

    test("NotPrincipal with Allow admits anyone but the listed principals", () => {
        const [admission] = admissions(trust({ Effect: "Allow", Action: "s3:GetObject", Resource: "*", NotPrincipal: { AWS: "111122223333" } }));
        expect(admission.principals).toEqual([{ kind: "anyone", value: "*", except: [{ kind: "aws-account", account: "111122223333", identity: "account", value: "111122223333" }] }]);
    });

    test("a Deny admits nobody; an unknown Effect might admit", () => {
        const result = admissions(trust({ Effect: "Deny", Action: "sts:AssumeRole", Principal: "*" }, { Effect: UNKNOWN, Action: "sts:AssumeRole", Principal: { AWS: "111122223333" } }));
        expect(result.map((a) => [a.statement.label, a.verdict])).toEqual([["statement 2", "unknown"]]);
    });
});

describe("admittedAccounts", () => {
    test("per account, every spelling of it and the statements that admit it", () => {
        const document = trust(
            { Sid: "Msp", ...admit({ AWS: ["arn:aws:iam::111122223333:root", "arn:aws:iam::444455556666:role/Ops"] }) },
            admit({ AWS: "111122223333", Service: "ec2.amazonaws.com" }),
            admit({ AWS: "arn:aws:sts::111122223333:assumed-role/Ops/alice" }),
        );
        expect(admittedAccounts(document).map((a) => [a.account, a.principals.map((p) => "identity" in p && p.identity), a.statements.map((s) => s.label)])).toEqual([
            ["111122223333", ["root", "account", "assumed-role"], ['Statement "Msp"', "statement 2", "statement 3"]],
            ["444455556666", ["role"], ['Statement "Msp"']],
        ]);
    });

    test("services, federated providers, wildcards and unknowns are no accounts", () => {
        expect(admittedAccounts(trust(admit("*"), admit({ Service: "lambda.amazonaws.com" }), admit({ AWS: UNKNOWN })))).toEqual([]);
    });
});

describe("principalIncludes: does a listed principal stand for an admitted one", () => {
    const account = (value: string) => parseAwsPrincipal(value);
    const cases: [string, AdmittedPrincipal, AdmittedPrincipal, Tri][] = [
        ["the wildcard stands for anyone", { kind: "anyone", value: "*" }, account("arn:aws:iam::111122223333:role/Ops"), "yes"],
        ["the account root stands for its roles", account("arn:aws:iam::111122223333:root"), account("arn:aws:iam::111122223333:role/Ops"), "yes"],
        ["an account id stands for its roots", account("111122223333"), account("arn:aws:iam::111122223333:root"), "yes"],
        ["one role does not stand for another", account("arn:aws:iam::111122223333:role/A"), account("arn:aws:iam::111122223333:role/B"), "no"],
        ["another account", account("444455556666"), account("arn:aws:iam::111122223333:root"), "no"],
        ["an unknown listed principal", { kind: "unknown" }, account("111122223333"), "unknown"],
        ["NotPrincipal leaves out the accounts it names", { kind: "anyone", value: "*", except: [account("111122223333")] }, account("arn:aws:iam::111122223333:role/Ops"), "no"],
        ["NotPrincipal excepting one role does not cover that role's account", { kind: "anyone", value: "*", except: [account("arn:aws:iam::111122223333:role/Ops")] }, account("111122223333"), "no"],
        ["NotPrincipal includes every other account", { kind: "anyone", value: "*", except: [account("111122223333")] }, account("444455556666"), "yes"],
        ["NotPrincipal with an unknown exception might leave it out", { kind: "anyone", value: "*", except: [{ kind: "unknown", type: "AWS" }] }, account("444455556666"), "unknown"],
    ];
    test.each(cases)("%s", (_name, listed, admitted, expected) => {
        expect(principalIncludes(listed, admitted)).toBe(expected);
    });
});
