import policy from "../../../../policies/aws/cloudwatch/log-group-retention";
import { Expected, expectFindings, only } from "../../../harness/expect";
import { usePack } from "../../../harness/pack";
import { secret, unknown } from "../../../harness/values";
import type { WireProperties } from "../../../../cli/driver/wire";

const TYPE = "aws:cloudwatch/logGroup:LogGroup";
const NAME = policy.name;

interface Case {
    name: string;
    props: WireProperties;
    config?: Record<string, unknown>;
    expect: Expected[];
}

const cases: Case[] = [
    { name: "retention omitted keeps events forever", props: {}, expect: [] },
    { name: "retention 0 keeps events forever", props: { retentionInDays: 0 }, expect: [] },
    { name: "retention of exactly six months", props: { retentionInDays: 180 }, expect: [] },
    { name: "retention of a year", props: { retentionInDays: 365 }, expect: [] },
    { name: "retention of 30 days", props: { retentionInDays: 30 }, expect: [{ level: "advisory", says: ["30 days", "180 required", "retentionInDays", "R2"] }] },
    { name: "retention of 1 day", props: { retentionInDays: 1 }, expect: [{ level: "advisory", says: ["1 days"] }] },
    { name: "retention as a numeric string", props: { retentionInDays: "90" }, expect: [{ level: "advisory", says: ["90 days"] }] },
    { name: "retention that is not a number", props: { retentionInDays: "forever" }, expect: [{ level: "advisory", says: ['"forever" is not a whole number'] }] },
    { name: "retention below a raised minimum", props: { retentionInDays: 365 }, config: { [NAME]: { logRetentionDays: 400 } }, expect: [{ level: "advisory", says: ["365 days", "400 required", "Set retentionInDays to 400"] }] },
    { name: "retention meeting a lowered minimum", props: { retentionInDays: 90 }, config: { [NAME]: { logRetentionDays: 90 } }, expect: [] },
    { name: "made mandatory by config", props: { retentionInDays: 7 }, config: { [NAME]: "mandatory" }, expect: [{ level: "mandatory", says: ["7 days"] }] },
    { name: "disabled by config", props: { retentionInDays: 7 }, config: { [NAME]: "disabled" }, expect: [] },
    { name: "retention unknown during preview", props: { retentionInDays: unknown }, expect: [{ level: "advisory", says: ["Cannot verify during preview", "retentionInDays"] }] },
    { name: "secret retention is checked but never echoed", props: { retentionInDays: secret(14) }, expect: [{ level: "advisory", says: ["[secret] days"] }] },
    { name: "secret compliant retention", props: { retentionInDays: secret(365) }, expect: [] },
];

describe(NAME, () => {
    const pack = usePack();

    test.each(cases)("$name", async ({ props, config, expect: expected }) => {
        expectFindings(only(await pack.analyze({ type: TYPE, props }, config), NAME), expected);
    });

    test("a secret value never appears in the message", async () => {
        const findings = await pack.analyze({ type: TYPE, props: { retentionInDays: secret(14), name: secret("payments-audit") } });
        expect(JSON.stringify(findings)).not.toMatch(/\b14 days|payments-audit/);
    });

    test("other resource types are not checked", async () => {
        expect(only(await pack.analyze({ type: "aws:s3/bucket:Bucket", props: { retentionInDays: 1 } }), NAME)).toEqual([]);
    });

    describe("remediation", () => {
        const remediate = { [NAME]: "remediate" };
        test("raises a short retention to the smallest accepted value", async () => {
            expect(await pack.remediate({ type: TYPE, props: { retentionInDays: 30 } }, remediate)).toEqual({ retentionInDays: 180 });
        });
        test("rounds a minimum up to an accepted value", async () => {
            expect(await pack.remediate({ type: TYPE, props: { retentionInDays: 30 } }, { [NAME]: { enforcementLevel: "remediate", logRetentionDays: 200 } })).toEqual({ retentionInDays: 365 });
        });
        test("keeps other secret properties secret", async () => {
            const fixed = await pack.remediate({ type: TYPE, props: { retentionInDays: 30, kmsKeyId: secret("key") } }, remediate);
            expect(fixed).toEqual({ retentionInDays: 180, kmsKeyId: secret("key") });
        });
        test("leaves a compliant log group alone", async () => {
            expect(await pack.remediate({ type: TYPE, props: { retentionInDays: 365 } }, remediate)).toBeUndefined();
        });
        test("does not touch an exempted log group", async () => {
            const tags = { "msp-guard:exempt": NAME, "msp-guard:exempt-reason": "debug logs", "msp-guard:exempt-until": "2999-12-31" };
            expect(await pack.remediate({ type: TYPE, props: { retentionInDays: 30, tags } }, remediate)).toBeUndefined();
        });
    });
});
