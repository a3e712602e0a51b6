import policy from "../../../../policies/aws/tags/exemption-valid";
import { Expected, expectFindings, only } from "../../../harness/expect";
import { usePack } from "../../../harness/pack";
import { secret, unknown } from "../../../harness/values";
import type { WireProperties } from "../../../../cli/driver/wire";

const NAME = policy.name;
const REAL = "aws-cloudwatch-log-group-retention";

interface Case {
    name: string;
    props: WireProperties;
    expect: Expected[];
}

const cases: Case[] = [
    { name: "no exemption tags", props: { tags: { team: "payments" } }, expect: [] },
    { name: "no tags at all", props: {}, expect: [] },
    { name: "a valid exemption", props: { tags: { "msp-guard:exempt": REAL, "msp-guard:exempt-reason": "debug", "msp-guard:exempt-until": "2999-01-01" } }, expect: [] },
    { name: "a valid exemption without expiry", props: { tags: { "msp-guard:exempt": REAL, "msp-guard:exempt-reason": "debug" } }, expect: [] },
    { name: "tag keys in other case", props: { tags: { "MSP-Guard:Exempt": REAL, "msp-guard:EXEMPT-reason": "debug" } }, expect: [] },
    { name: "tags as a list of key/value entries", props: { tags: [{ key: "msp-guard:exempt", value: "aws-nope" }, { key: "msp-guard:exempt-reason", value: "x" }] }, expect: [{ level: "advisory", says: ['"aws-nope", which is not an msp-guard policy'] }] },
    { name: "a misspelt policy name", props: { tags: { "msp-guard:exempt": `${REAL}s`, "msp-guard:exempt-reason": "debug" } }, expect: [{ level: "advisory", says: ["which is not an msp-guard policy"] }] },
    { name: "no reason", props: { tags: { "msp-guard:exempt": REAL } }, expect: [{ level: "advisory", says: ["no reason"] }] },
    { name: "an empty reason", props: { tags: { "msp-guard:exempt": REAL, "msp-guard:exempt-reason": "  " } }, expect: [{ level: "advisory", says: ["no reason"] }] },
    { name: "an expiry in the past", props: { tags: { "msp-guard:exempt": REAL, "msp-guard:exempt-reason": "debug", "msp-guard:exempt-until": "2020-02-29" } }, expect: [{ level: "advisory", says: ["expired on 2020-02-29"] }] },
    { name: "an expiry that is not a date", props: { tags: { "msp-guard:exempt": REAL, "msp-guard:exempt-reason": "debug", "msp-guard:exempt-until": "next year" } }, expect: [{ level: "advisory", says: ['"next year" is not an ISO date'] }] },
    { name: "an empty policy list", props: { tags: { "msp-guard:exempt": " , ", "msp-guard:exempt-reason": "debug" } }, expect: [{ level: "advisory", says: ["names no policy"] }] },
    { name: "tags unknown during preview", props: { tags: { "msp-guard:exempt": unknown } }, expect: [{ level: "advisory", says: ["Cannot verify during preview"] }] },
    { name: "a secret reason is never echoed", props: { tags: { "msp-guard:exempt": "aws-nope", "msp-guard:exempt-reason": secret("ticket SEC-4411") } }, expect: [{ level: "advisory", says: ["aws-nope"] }] },
];

describe(NAME, () => {
    const pack = usePack();

    test.each(cases)("$name", async ({ props, expect: expected }) => {
        const findings = only(await pack.analyze({ type: "aws:s3/bucketV2:BucketV2", props }), NAME);
        expectFindings(findings, expected);
        expect(JSON.stringify(findings)).not.toContain("SEC-4411");
    });

    test("Azure resources are left to the Azure policy", async () => {
        expect(only(await pack.analyze({ type: "azure-native:storage:StorageAccount", props: { tags: { "msp-guard:exempt": "x" } } }), NAME)).toEqual([]);
    });
});
