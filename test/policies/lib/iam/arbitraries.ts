// fast-check generators for policy documents: arbitrary JSON-like values with UNKNOWN sprinkled in (for "never
// throws"), and valid documents built from IAM's vocabulary (for properties about verdicts).
import fc from "fast-check";
import { Plain, PlainObject, UNKNOWN } from "../../../../policies/lib/value";

const WORDS = [
    "Version", "Statement", "Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition",
    "AWS", "Service", "Federated", "CanonicalUser", "Allow", "Deny", "*", "iam:*", "iam:PassRole", "sts:AssumeRole", "Bool", "BoolIfExists",
    "aws:MultiFactorAuthPresent", "sts:ExternalId", "true", "2012-10-17", "111122223333", "arn:aws:iam::111122223333:root", "__proto__", "constructor",
];

/** Any JSON-like value, keys and strings often drawn from IAM's vocabulary, UNKNOWN anywhere. */
export const plainWithUnknowns: fc.Arbitrary<Plain> = fc.letrec<{ value: Plain }>((tie) => ({
    value: fc.oneof(
        { depthSize: "small" },
        fc.constant(UNKNOWN),
        fc.constantFrom(...WORDS),
        fc.string(),
        fc.boolean(),
        fc.double(),
        fc.constant(null),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(fc.oneof(fc.constantFrom(...WORDS), fc.string()), tie("value"), { maxKeys: 5 }),
    ),
})).value;

const ACTIONS = ["*", "*:*", "iam:*", "iam:Pass*", "i?m:*", "IAM:PassRole", "iam:CreatePolicyVersion", "iam:Get*", "s3:*", "s3:GetObject", "sts:AssumeRole", "sts:*", "ec2:RunInstances", "lambda:UpdateFunctionCode", "lambda:*"];
const RESOURCES = ["*", "arn:aws:iam::111122223333:role/x", "arn:aws:iam::*:role/*", "arn:aws:s3:::b/*"];
const AWS_PRINCIPALS = ["*", "111122223333", "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:role/r", "arn:aws-us-gov:sts::444455556666:assumed-role/r/s", "444455556666"];
const OPERATORS = ["Bool", "BoolIfExists", "NumericLessThan", "NumericLessThanIfExists", "StringEquals", "StringLike", "Null", "ForAnyValue:StringLike", "StringNotEquals", "ArnLike"];
const KEYS = ["aws:MultiFactorAuthPresent", "aws:MultiFactorAuthAge", "sts:ExternalId", "aws:PrincipalOrgID", "aws:SourceAccount"];
const VALUES: Plain[] = ["true", "false", true, false, "3600", 3600, "*", "abc", "o-123", ["true"]];

const oneOrMany = (items: readonly string[]): fc.Arbitrary<Plain> => fc.oneof(fc.constantFrom(...items), fc.uniqueArray(fc.constantFrom(...items), { minLength: 1, maxLength: 3 }));

const statement: fc.Arbitrary<PlainObject> = fc.record(
    {
        Sid: fc.constantFrom("", "A", "B"),
        Effect: fc.constantFrom("Allow", "Deny"),
        actions: fc.tuple(fc.constantFrom("Action", "NotAction"), oneOrMany(ACTIONS)),
        resources: fc.option(fc.tuple(fc.constantFrom("Resource", "NotResource"), oneOrMany(RESOURCES)), { nil: undefined }),
        Principal: fc.option(
            fc.oneof(
                fc.constant<Plain>("*"),
                oneOrMany(AWS_PRINCIPALS).map((aws): Plain => ({ AWS: aws })),
                fc.constant<Plain>({ Service: "ec2.amazonaws.com" }),
                fc.constant<Plain>({ Federated: "arn:aws:iam::111122223333:saml-provider/Okta" }),
            ),
            { nil: undefined },
        ),
        Condition: fc.option(fc.dictionary(fc.constantFrom(...OPERATORS), fc.dictionary(fc.constantFrom(...KEYS), fc.constantFrom(...VALUES), { minKeys: 1, maxKeys: 2 }), { minKeys: 1, maxKeys: 2 }), { nil: undefined }),
    },
    { requiredKeys: ["Effect", "actions"] },
).map(({ actions, resources, ...rest }) => {
    const out: PlainObject = {};
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) out[k] = v as Plain;
    out[actions[0]] = actions[1];
    if (resources) out[resources[0]] = resources[1];
    return out;
});

/** A valid policy document (identity, trust or resource policy shaped), made of IAM's own vocabulary. */
export const validDocument: fc.Arbitrary<PlainObject> = fc
    .array(statement, { minLength: 1, maxLength: 4 })
    .map((statements): PlainObject => ({ Version: "2012-10-17", Statement: statements.length === 1 ? statements[0] : statements }));

/** Replace some values of a document (never the root, never object keys) by UNKNOWN, as preview does. */
export function hide(value: Plain, choices: readonly number[], position = { next: 0 }): Plain {
    const pick = () => choices[position.next++ % Math.max(choices.length, 1)] === 0;
    const visit = (v: Plain): Plain => (pick() ? UNKNOWN : hide(v, choices, position));
    if (Array.isArray(value)) return value.map(visit);
    if (value !== null && typeof value === "object" && !("__unknown" in value)) {
        const out: PlainObject = {};
        for (const [k, v] of Object.entries(value as PlainObject)) out[k] = visit(v);
        return out;
    }
    return value;
}
