// Never crash a deployment: whatever a program passes, malformed, unknown or secret, no policy throws, and no
// policy reaches the wrapper's last-resort "could not evaluate" finding.
import fc from "fast-check";
import { policies } from "../../../policies";
import { markSecretValues } from "../../../policies/core/secrets";
import { UNKNOWN_SENTINEL } from "../../../cli/driver/wire";

const leaf = fc.oneof(
    fc.constant(UNKNOWN_SENTINEL),
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string(),
    fc.constantFrom("ALL", "REJECT", "*", "0", "180", "Free", "PerGB2018", "msp:zone", "access", "2000-01-01", "aws-cloudwatch-log-group-retention"),
);
const value = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: "small" }, leaf, fc.array(tie("node"), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 12 }), tie("node"), { maxKeys: 4 })),
})).node;
const knownKeys = ["retentionInDays", "sku", "tags", "vpcId", "trafficType", "id", "name", "msp:zone", "msp-guard:exempt", "msp-guard:exempt-reason", "msp-guard:exempt-until"];
// The identity policies' inputs: trust and resource policies, Lambda permissions, role sessions, password policies.
knownKeys.push("assumeRolePolicy", "policy", "accessPolicy", "principal", "sourceAccount", "maxSessionDuration", "path", "msp:provider", "minimumPasswordLength", "passwordReusePrevention", "maxPasswordAge", "requireSymbols");
// The privilege policies' inputs: documents, attachments, memberships, keys and login profiles.
knownKeys.push("inlinePolicies", "managedPolicyArns", "permissionsBoundary", "role", "user", "group", "roles", "users", "groups", "policyArn", "policyArns", "roleName", "userName", "groupName", "status", "arn");
const props = fc.dictionary(fc.oneof(fc.constantFrom(...knownKeys), fc.string({ maxLength: 8 })), value, { maxKeys: 6 });

const DEFECT = "could not evaluate";

describe.each(policies.map((p) => [p.name, p] as const))("%s never throws", (_name, policy) => {
    const types = policy.types.map((t) => (t.endsWith(":*") ? `${t.slice(0, -1)}anything:Thing` : t));

    if (policy.kind === "resource") {
        test("on arbitrary properties", () => {
            fc.assert(
                fc.property(fc.constantFrom(...types), props, (type, p) => {
                    const diagnostics = policy.evaluate({ type, name: "r", urn: `urn:pulumi:dev::t::${type}::r`, props: p });
                    for (const d of diagnostics) expect(d.message).not.toContain(DEFECT);
                }),
                { numRuns: 300 },
            );
        });
    } else {
        test("on arbitrary stacks", () => {
            // The property through which a resource depends on another (stack policies link resources by it).
            const linkKey = fc.constantFrom("role", "user", "group", "users", "groups", "roles", "policyArn", "policyArns", "managedPolicyArns", "permissionsBoundary");
            const resource = fc.record({ type: fc.constantFrom(...types), name: fc.string({ maxLength: 6 }), props, dep: fc.nat(5), link: linkKey });
            fc.assert(
                fc.property(fc.array(resource, { maxLength: 8 }), (resources) => {
                    const urns = resources.map((r, i) => `urn:pulumi:dev::t::${r.type}::${r.name}${i}`);
                    const inputs = resources.map((r, i) => ({
                        type: r.type,
                        name: r.name,
                        urn: urns[i],
                        props: r.props,
                        propertyDependencies: { vpcId: [urns[r.dep % Math.max(urns.length, 1)]], [r.link]: [urns[r.dep % Math.max(urns.length, 1)]] },
                    }));
                    for (const d of policy.evaluate(inputs)) expect(d.message).not.toContain(DEFECT);
                }),
                { numRuns: 200 },
            );
        });
    }

    test("on arbitrary config", () => {
        fc.assert(
            fc.property(fc.dictionary(fc.constantFrom(...Object.keys(policy.options)), value, { maxKeys: 3 }), (config) => {
                if (policy.kind === "resource") policy.evaluate({ type: types[0], name: "r", urn: "urn:pulumi:dev::t::x::r", props: {} }, config);
                else policy.evaluate([], config);
            }),
            { numRuns: 100 },
        );
    });
});

describe("secret values never reach a message", () => {
    test.each(policies.filter((p) => p.kind === "resource").map((p) => [p.name, p] as const))("%s", (_name, policy) => {
        fc.assert(
            fc.property(props, fc.string({ minLength: 4 }), (p, secretText) => {
                // The secret sits where policies read and quote values: it may decide a verdict, never appear.
                const bag = { ...p, retentionInDays: secretText, sku: { name: secretText }, tags: { "msp-guard:exempt": secretText, "msp:zone": secretText } };
                markSecretValues(bag, [secretText]);
                const type = policy.types[0].endsWith(":*") ? `${policy.types[0].slice(0, -1)}x:X` : policy.types[0];
                for (const d of policy.evaluate({ type, name: "r", urn: "urn:pulumi:dev::t::x::r", props: bag })) {
                    expect(d.message).not.toContain(secretText);
                }
            }),
            { numRuns: 100 },
        );
    });
});
