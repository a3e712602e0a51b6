// Properties of the trust and resource-policy checks over generated documents: they never throw, and a value
// unknown during preview never turns into a violation (hiding parts of a document can only take findings away or
// turn them into "cannot verify").
import fc from "fast-check";
import obsoleteResource from "../../../../../policies/aws/iam/resource-policy-obsolete-account";
import obsoleteTrust from "../../../../../policies/aws/iam/role-obsolete-account-trust";
import thirdPartyTrust from "../../../../../policies/aws/iam/role-third-party-trust";
import type { ResourcePolicy } from "../../../../../policies/core/policy";
import { Plain, PlainObject, UNKNOWN } from "../../../../../policies/lib/value";
import { hide, validDocument } from "../../../lib/iam/arbitraries";

const CONFIG = { mspAccountIds: ["111122223333"], trustedAccountIds: ["123456789012"], partnerAccountIds: [] };
const CASES: [ResourcePolicy, string, string][] = [
    [thirdPartyTrust as ResourcePolicy, "aws:iam/role:Role", "assumeRolePolicy"],
    [obsoleteTrust as ResourcePolicy, "aws:iam/role:Role", "assumeRolePolicy"],
    [obsoleteResource as ResourcePolicy, "aws:s3/bucketPolicy:BucketPolicy", "policy"],
];

/** The sentinel the engine sends for an unknown value, in place of the plain marker. */
const toWire = (value: Plain): unknown => {
    if (value === UNKNOWN) return "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    if (Array.isArray(value)) return value.map(toWire);
    if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value as PlainObject).map(([k, v]) => [k, toWire(v)]));
    return value;
};

const violations = (policy: ResourcePolicy, type: string, props: Record<string, unknown>) =>
    policy.evaluate({ type, name: "r", urn: `urn:pulumi:dev::t::${type}::r`, props }, CONFIG).filter((d) => d.enforcementLevel !== "advisory");

describe.each(CASES.map(([policy, type, property]) => [policy.name, policy, type, property] as const))("%s over generated documents", (_name, policy, type, property) => {
    test("never throws, as an object or a JSON string", () => {
        fc.assert(
            fc.property(validDocument, fc.boolean(), (document, asJson) => {
                const diagnostics = policy.evaluate({ type, name: "r", urn: "urn:pulumi:dev::t::x::r", props: { [property]: asJson ? JSON.stringify(document) : document } }, CONFIG);
                for (const d of diagnostics) expect(d.message).not.toContain("could not evaluate");
            }),
            { numRuns: 300 },
        );
    });

    test("an unknown part never creates a violation", () => {
        fc.assert(
            fc.property(validDocument, fc.array(fc.nat(6), { minLength: 1, maxLength: 20 }), (document, choices) => {
                if (violations(policy, type, { [property]: document }).length > 0) return;
                expect(violations(policy, type, { [property]: toWire(hide(document, choices)) })).toEqual([]);
            }),
            { numRuns: 500 },
        );
    });
});
