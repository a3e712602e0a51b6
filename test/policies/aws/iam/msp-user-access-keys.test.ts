import policy from "../../../../policies/aws/iam/msp-user-access-keys";
import type { WireValue } from "../../../../cli/driver/wire";
import { advisory, cannotVerify, Expected, expectFindings, mandatory, only } from "../../../harness/expect";
import { usePack, TestResource, urnOf } from "../../../harness/pack";
import { secret, unknown } from "../../../harness/values";

const NAME = policy.name;
const USER = "aws:iam/user:User";
const KEY = "aws:iam/accessKey:AccessKey";
const userUrn = urnOf(USER, "vendor");
const keyUrn = urnOf(KEY, "vendor-key");

const user = (props: Record<string, WireValue> = { tags: { "msp:provider": "acme" } }, name = "vendor"): TestResource => ({ type: USER, name, props });
const accessKey = (props: Record<string, WireValue> = {}, deps: Record<string, string[]> = { user: [userUrn] }): TestResource => ({ type: KEY, name: "vendor-key", props: { user: unknown, ...props }, propertyDependencies: deps });


interface Case {
    name: string;
    resources: TestResource[];
    config?: Record<string, unknown>;
    expect: Expected[];
    at?: string;
}

const cases: Case[] = [
    { name: "an MSP user without keys", resources: [user()], expect: [] },
    { name: "an MSP user (tag) with an access key, status omitted (Active)", resources: [user(), accessKey()], expect: [mandatory('MSP user "vendor" (tag msp:provider) has a long-lived access key "vendor-key"', 'status "Active"', "T1, R6")] },
    { name: "an MSP user by path", resources: [user({ path: "/msp/acme/" }), accessKey({ status: "Active" })], expect: [mandatory("path /msp/acme/")] },
    { name: "linked by known name (exported stack)", resources: [user({ name: "vendor-1a2b", tags: { "msp:provider": "acme" } }), accessKey({ user: "vendor-1a2b" }, {})], expect: [mandatory('access key "vendor-key" of user "vendor"')] },
    { name: "an inactive key", resources: [user(), accessKey({ status: "Inactive" })], expect: [] },
    { name: "a staff user's key is not this policy's concern", resources: [user({ tags: { team: "ops" } }), accessKey()], expect: [] },
    { name: "another user's key", resources: [user(), user({}, "staff"), accessKey({}, { user: [urnOf(USER, "staff")] })], expect: [] },
    { name: "a key of a user made elsewhere cannot be judged here", resources: [user(), accessKey({ user: "legacy" }, {})], expect: [] },
    { name: "custom MSP tag from config", resources: [user({ tags: { vendor: "acme" } }), accessKey()], config: { [NAME]: { mspIdentityTag: "vendor" } }, expect: [mandatory("tag vendor")] },
    { name: "made advisory by config", resources: [user(), accessKey()], config: { [NAME]: "advisory" }, expect: [advisory("long-lived access key")] },

    // Unknown during preview.
    { name: "the user's tags are unknown", resources: [user({ tags: unknown }), accessKey()], expect: [cannotVerify("is the MSP's depends on its tags or path")] },
    { name: "the key's status is unknown", resources: [user(), accessKey({ status: unknown })], expect: [cannotVerify("whose status is not known yet")] },
    { name: "the key's user is unknown, with an MSP user in the stack", resources: [user(), accessKey({}, {})], at: keyUrn, expect: [cannotVerify('The user of access key "vendor-key" is not known yet')] },
    { name: "the key's user is unknown, with no MSP user in the stack", resources: [user({}), accessKey({}, {})], expect: [] },

    // Secrets.
    { name: "a secret MSP tag value marks the user and is never echoed", resources: [user({ tags: { "msp:provider": secret("acme-corp") } }), accessKey()], expect: [mandatory("tag msp:provider")] },
    { name: "a secret PGP key changes nothing", resources: [user(), accessKey({ pgpKey: secret("keybase:someone") })], expect: [mandatory("long-lived access key")] },
];

describe(NAME, () => {
    const pack = usePack();

    test.each(cases)("$name", async ({ resources, config, expect: expected, at = userUrn }) => {
        const findings = only(await pack.analyzeStack(resources, config), NAME);
        expectFindings(findings, expected);
        for (const f of findings) {
            expect(f.urn).toBe(at);
            expect(f.message).not.toContain("acme-corp");
            expect(f.message).not.toContain("keybase:someone");
        }
    });

    test("an exemption tag on the user waives it", async () => {
        const tags = { "msp:provider": "acme", "msp-guard:exempt": NAME, "msp-guard:exempt-reason": "legacy backup agent, replaced in Q3", "msp-guard:exempt-until": "2999-01-01" };
        expectFindings(only(await pack.analyzeStack([user({ tags }), accessKey()]), NAME), [advisory("Exempted by tag", "long-lived access key")]);
    });
});
