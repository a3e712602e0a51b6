import { accountGrants, accountsInConditions, grantSources, unknownAccountPrincipals } from "../../../../../policies/aws/iam/shared/account-grants";
import { parsePolicyDocument, principalRestrictions } from "../../../../../policies/lib/iam";
import { Plain, PlainObject, UNKNOWN } from "../../../../../policies/lib/value";

const OLD = "444455556666";
const MSP = "111122223333";
const documentOf = (...statements: PlainObject[]) => parsePolicyDocument({ Version: "2012-10-17", Statement: statements });
const grant = (principal: Plain, extra: PlainObject = {}): PlainObject => ({ Effect: "Allow", Action: "s3:GetObject", Resource: "*", Principal: principal, ...extra });
const grantsOf = (...statements: PlainObject[]) => accountGrants(grantSources(documentOf(...statements))).map((g) => [g.account, g.statement.label, g.verdict, g.namedBy]);

describe("accountGrants: every (account, statement) a policy grants", () => {
    test.each([
        ["an account id", [grant({ AWS: OLD })], [[OLD, "statement 1", "yes", OLD]]],
        ["one account hidden in a list, named once per statement", [grant({ AWS: [MSP, `arn:aws:iam::${OLD}:root`, `arn:aws:iam::${OLD}:role/Ops`] })], [[MSP, "statement 1", "yes", MSP], [OLD, "statement 1", "yes", `arn:aws:iam::${OLD}:root`]]],
        ["the same account in two statements", [grant({ AWS: OLD }), { Sid: "Again", ...grant(OLD) }], [[OLD, "statement 1", "yes", OLD], [OLD, 'Statement "Again"', "yes", OLD]]],
        ["a Deny grants nothing", [{ ...grant({ AWS: OLD }), Effect: "Deny" }], []],
        ["an unknown Effect may grant", [grant({ AWS: OLD }, { Effect: UNKNOWN })], [[OLD, "statement 1", "unknown", OLD]]],
        ["\"*\" narrowed by aws:PrincipalAccount", [grant("*", { Condition: { StringEquals: { "aws:PrincipalAccount": [OLD, MSP] } } })], [[OLD, "statement 1", "yes", "StringEquals aws:PrincipalAccount"], [MSP, "statement 1", "yes", "StringEquals aws:PrincipalAccount"]]],
        ["a service narrowed by aws:SourceAccount", [grant({ Service: "sns.amazonaws.com" }, { Condition: { StringEquals: { "aws:SourceAccount": OLD } } })], [[OLD, "statement 1", "yes", "StringEquals aws:SourceAccount"]]],
        ["\"*\" narrowed by aws:PrincipalArn of a role", [grant("*", { Condition: { ArnLike: { "aws:PrincipalArn": `arn:aws:iam::${OLD}:role/*` } } })], [[OLD, "statement 1", "yes", "ArnLike aws:PrincipalArn"]]],
        ["an account condition on an account principal adds nothing", [grant({ AWS: MSP }, { Condition: { StringEquals: { "aws:PrincipalAccount": OLD } } })], [[MSP, "statement 1", "yes", MSP]]],
        ["a negated account condition names no grantee", [grant("*", { Condition: { StringNotEquals: { "aws:PrincipalAccount": OLD } } })], []],
        ["services, federated providers and anyone are no accounts", [grant({ Service: "ec2.amazonaws.com", Federated: "cognito-identity.amazonaws.com" }), grant("*")], []],
    ] as [string, PlainObject[], unknown[]][])("%s", (_name, statements, expected) => {
        expect(grantsOf(...statements)).toEqual(expected);
    });
});

describe("accountsInConditions", () => {
    test("reads account ids and principal ARNs, skips organizations and wildcard accounts", () => {
        const [statement] = (documentOf(grant("*", {
            Condition: { StringEquals: { "aws:PrincipalOrgID": "o-abc123", "aws:SourceOwner": OLD }, ArnLike: { "aws:PrincipalArn": "arn:aws:iam::*:role/Ops" } },
        })) as Extract<ReturnType<typeof documentOf>, { kind: "document" }>).document.statements;
        expect(accountsInConditions(principalRestrictions(statement))).toEqual([{ account: OLD, namedBy: "StringEquals aws:SourceOwner" }]);
    });
});

describe("unknownAccountPrincipals", () => {
    test.each([
        ["an unknown AWS principal", grant({ AWS: UNKNOWN }), ["statement 1"]],
        ["an unknown entry in a list", grant({ AWS: [MSP, UNKNOWN] }), ["statement 1"]],
        ["an unknown Principal", grant(UNKNOWN), ["statement 1"]],
        ["an unknown service", grant({ Service: UNKNOWN }), []],
        ["an unknown federated provider", grant({ Federated: UNKNOWN }), []],
        ["known principals", grant({ AWS: MSP }), []],
    ] as [string, PlainObject, string[]][])("%s", (_name, statement, expected) => {
        expect(unknownAccountPrincipals(grantSources(documentOf(statement))).map((s) => s.statement.label)).toEqual(expected);
    });

    test("a wholly unknown document may name any account", () => {
        expect(unknownAccountPrincipals(grantSources(parsePolicyDocument(UNKNOWN)))).toHaveLength(1);
    });
});
