import policy from "../../../../policies/aws/iam/role-msp-session-duration";
import { advisory, Expected, expectFindings, only } from "../../../harness/expect";
import { ACCOUNTS, asJson, assume } from "../../../harness/iam";
import { usePack } from "../../../harness/pack";
import { secret, unknown } from "../../../harness/values";
import type { WireProperties, WireValue } from "../../../../cli/driver/wire";

const TYPE = "aws:iam/role:Role";
const NAME = policy.name;
const { msp: MSP, own: OWN } = ACCOUNTS;

const trusting = (account: string): WireValue => asJson(assume({ AWS: account }));
const SERVICE_TRUST = asJson(assume({ Service: "ec2.amazonaws.com" }));
/** A role the MSP tag marks, trusting only a service (so the tag alone decides). */
const mspRole = (extra: WireProperties = {}): WireProperties => ({ assumeRolePolicy: SERVICE_TRUST, tags: { "msp:provider": "acme" }, ...extra });
const workloadRole = (extra: WireProperties = {}): WireProperties => ({ assumeRolePolicy: SERVICE_TRUST, ...extra });

interface Case {
    name: string;
    props: WireProperties;
    config?: Record<string, unknown>;
    expect: Expected[];
}

const cases: Case[] = [
    { name: "MSP role with the duration omitted (IAM's one hour)", props: mspRole(), expect: [] },
    { name: "MSP role with one hour", props: mspRole({ maxSessionDuration: 3600 }), expect: [] },
    { name: "MSP role with twelve hours", props: mspRole({ maxSessionDuration: 43200 }), expect: [advisory("MSP role (tag msp:provider)", "43200 seconds", "3600 seconds (1 hour) allowed", "maxSessionDuration", "R5")] },
    { name: "MSP role by path", props: workloadRole({ path: "/msp/", maxSessionDuration: 7200 }), expect: [advisory("path /msp/", "7200 seconds")] },
    { name: "MSP role by trusting another account", props: { assumeRolePolicy: trusting(MSP), maxSessionDuration: 7200 }, expect: [advisory(`trusts account ${MSP}`)] },
    { name: "role trusting only an own account is no MSP role", props: { assumeRolePolicy: trusting(OWN), maxSessionDuration: 43200 }, config: { [NAME]: { trustedAccountIds: [OWN] } }, expect: [] },
    { name: "workload role with twelve hours", props: workloadRole({ maxSessionDuration: 43200 }), expect: [] },
    { name: "duration as a numeric string", props: mspRole({ maxSessionDuration: "7200" }), expect: [advisory("7200 seconds")] },
    { name: "duration that is not a number", props: mspRole({ maxSessionDuration: "long" }), expect: [advisory('"long" is not a whole number')] },
    { name: "a longer limit from config", props: mspRole({ maxSessionDuration: 7200 }), config: { [NAME]: { maxSessionSeconds: 7200 } }, expect: [] },
    { name: "over a longer limit from config", props: mspRole({ maxSessionDuration: 10800 }), config: { [NAME]: { maxSessionSeconds: 7200 } }, expect: [advisory("10800 seconds", "7200 seconds (2 hours) allowed", "Set maxSessionDuration to 7200")] },
    { name: "a custom MSP tag from config", props: workloadRole({ tags: { vendor: "acme" }, maxSessionDuration: 7200 }), config: { [NAME]: { mspIdentityTag: "vendor" } }, expect: [advisory("tag vendor")] },
    { name: "made mandatory by config", props: mspRole({ maxSessionDuration: 7200 }), config: { [NAME]: "mandatory" }, expect: [{ level: "mandatory", says: ["7200 seconds"] }] },
    { name: "duration unknown on an MSP role", props: mspRole({ maxSessionDuration: unknown }), expect: [advisory("Cannot verify during preview", "maximum session duration is computed")] },
    { name: "duration unknown on a workload role", props: workloadRole({ maxSessionDuration: unknown }), expect: [] },
    { name: "tags unknown and a long duration", props: workloadRole({ tags: unknown, maxSessionDuration: 43200 }), expect: [advisory("Cannot verify during preview", "whether the role is MSP access")] },
    { name: "tags unknown and a short duration", props: workloadRole({ tags: unknown, maxSessionDuration: 3600 }), expect: [] },
    { name: "trust policy unknown and a long duration", props: { assumeRolePolicy: unknown, maxSessionDuration: 43200 }, expect: [advisory("Cannot verify during preview")] },
    { name: "secret duration is judged and never echoed", props: mspRole({ maxSessionDuration: secret(7200) }), expect: [advisory("[secret] seconds")] },
];

describe(NAME, () => {
    const pack = usePack();

    test.each(cases)("$name", async ({ props, config, expect: expected }) => {
        expectFindings(only(await pack.analyze({ type: TYPE, props }, config), NAME), expected);
    });

    test("a limit below IAM's one-hour floor is refused as invalid config, as the Pulumi CLI refuses it", async () => {
        await expect(pack.analyze({ type: TYPE, props: mspRole() }, { [NAME]: { maxSessionSeconds: 900 } })).rejects.toThrow(/maxSessionSeconds.*>= 3600/);
    });

    describe("remediation", () => {
        const remediate = { [NAME]: "remediate" };
        test("shortens an MSP role's sessions to the limit", async () => {
            expect(await pack.remediate({ type: TYPE, props: mspRole({ maxSessionDuration: 43200 }) }, remediate)).toMatchObject({ maxSessionDuration: 3600 });
        });
        test("to a configured limit", async () => {
            expect(await pack.remediate({ type: TYPE, props: mspRole({ maxSessionDuration: 43200 }) }, { [NAME]: { enforcementLevel: "remediate", maxSessionSeconds: 7200 } })).toMatchObject({ maxSessionDuration: 7200 });
        });
        test("leaves a workload role alone", async () => {
            expect(await pack.remediate({ type: TYPE, props: workloadRole({ maxSessionDuration: 43200 }) }, remediate)).toBeUndefined();
        });
        test("leaves a compliant MSP role alone", async () => {
            expect(await pack.remediate({ type: TYPE, props: mspRole({ maxSessionDuration: 3600 }) }, remediate)).toBeUndefined();
        });
        test("does not touch an exempted role", async () => {
            const tags = { "msp:provider": "acme", "msp-guard:exempt": NAME, "msp-guard:exempt-reason": "overnight migration", "msp-guard:exempt-until": "2999-12-31" };
            expect(await pack.remediate({ type: TYPE, props: mspRole({ maxSessionDuration: 43200, tags }) }, remediate)).toBeUndefined();
        });
    });
});
