import policy from "../../../../policies/azure/tags/exemption-valid";
import { Expected, expectFindings, only } from "../../../harness/expect";
import { usePack } from "../../../harness/pack";
import { secret, unknown } from "../../../harness/values";
import type { WireProperties } from "../../../../cli/driver/wire";

const NAME = policy.name;
const REAL = "azure-operationalinsights-workspace-retention";

const cases: Array<{ name: string; props: WireProperties; expect: Expected[] }> = [
    { name: "a valid exemption", props: { tags: { "msp-guard:exempt": REAL, "msp-guard:exempt-reason": "sandbox", "msp-guard:exempt-until": "2999-01-01" } }, expect: [] },
    { name: "no tags", props: {}, expect: [] },
    { name: "an AWS policy name is still a known policy", props: { tags: { "msp-guard:exempt": "aws-cloudwatch-log-group-retention", "msp-guard:exempt-reason": "x" } }, expect: [] },
    { name: "an unknown policy name", props: { tags: { "msp-guard:exempt": "azure-nope", "msp-guard:exempt-reason": "x" } }, expect: [{ level: "advisory", says: ['"azure-nope"'] }] },
    { name: "an expired date-time", props: { tags: { "msp-guard:exempt": REAL, "msp-guard:exempt-reason": "x", "msp-guard:exempt-until": "2021-06-01T12:00:00Z" } }, expect: [{ level: "advisory", says: ["expired on 2021-06-01T12:00:00Z"] }] },
    { name: "reason unknown during preview", props: { tags: { "msp-guard:exempt": REAL, "msp-guard:exempt-reason": unknown } }, expect: [{ level: "advisory", says: ["Cannot verify during preview"] }] },
    { name: "secret expiry checked and not echoed", props: { tags: { "msp-guard:exempt": REAL, "msp-guard:exempt-reason": "x", "msp-guard:exempt-until": secret("2019-03-04") } }, expect: [{ level: "advisory", says: ["expired on [secret]"] }] },
];

describe(NAME, () => {
    const pack = usePack();

    test.each(cases)("$name", async ({ props, expect: expected }) => {
        expectFindings(only(await pack.analyze({ type: "azure-native:network:VirtualNetwork", props }), NAME), expected);
    });
});
