import policy from "../../../../policies/azure/operationalinsights/workspace-retention";
import { Expected, expectFindings, only } from "../../../harness/expect";
import { usePack } from "../../../harness/pack";
import { secret, unknown } from "../../../harness/values";
import type { WireProperties } from "../../../../cli/driver/wire";

const TYPE = "azure-native:operationalinsights:Workspace";
const NAME = policy.name;

interface Case {
    name: string;
    type?: string;
    props: WireProperties;
    config?: Record<string, unknown>;
    expect: Expected[];
}

const perGb = { name: "PerGB2018" };

const cases: Case[] = [
    { name: "retention omitted means the 30-day default", props: { sku: perGb }, expect: [{ level: "advisory", says: ["30 days (the default when retentionInDays is omitted)", "180 required"] }] },
    { name: "sku and retention omitted", props: {}, expect: [{ level: "advisory", says: ["30 days"] }] },
    { name: "retention of exactly six months", props: { sku: perGb, retentionInDays: 180 }, expect: [] },
    { name: "retention of two years", props: { sku: perGb, retentionInDays: 730 }, expect: [] },
    { name: "retention of 90 days", props: { sku: perGb, retentionInDays: 90 }, expect: [{ level: "advisory", says: ["90 days,", "retentionInDays", "R2"] }] },
    { name: "Free SKU cannot keep six months", props: { sku: { name: "Free" }, retentionInDays: 365 }, expect: [{ level: "advisory", says: ["Free SKU", "sku.name", "PerGB2018"] }] },
    { name: "Free SKU in lower case", props: { sku: { name: "free" } }, expect: [{ level: "advisory", says: ["Free SKU"] }] },
    { name: "retention that is not a number", props: { retentionInDays: true }, expect: [{ level: "advisory", says: ["true is not a whole number"] }] },
    { name: "retention meeting a lowered minimum", props: { retentionInDays: 90 }, config: { [NAME]: { logRetentionDays: 90 } }, expect: [] },
    { name: "a minimum above two years asks for the maximum and long-term retention", props: { retentionInDays: 730 }, config: { [NAME]: { logRetentionDays: 1000 } }, expect: [{ level: "advisory", says: ["730 days", "1000 required", "long-term retention"] }] },
    { name: "made mandatory by config", props: { retentionInDays: 30 }, config: { [NAME]: "mandatory" }, expect: [{ level: "mandatory", says: ["30 days"] }] },
    { name: "all policies made mandatory", props: { retentionInDays: 30 }, config: { all: "mandatory" }, expect: [{ level: "mandatory", says: ["30 days"] }] },
    { name: "retention unknown during preview", props: { retentionInDays: unknown }, expect: [{ level: "advisory", says: ["Cannot verify during preview"] }] },
    { name: "sku unknown during preview", props: { retentionInDays: 365, sku: unknown }, expect: [{ level: "advisory", says: ["Cannot verify during preview"] }] },
    { name: "secret retention never echoed", props: { retentionInDays: secret(31) }, expect: [{ level: "advisory", says: ["[secret] days"] }] },
    { name: "a v2 API-version token is covered", type: "azure-native:operationalinsights/v20221001:Workspace", props: { retentionInDays: 30 }, expect: [{ level: "advisory", says: ["30 days"] }] },
];

describe(NAME, () => {
    const pack = usePack();

    test.each(cases)("$name", async ({ type, props, config, expect: expected }) => {
        expectFindings(only(await pack.analyze({ type: type ?? TYPE, props }, config), NAME), expected);
    });

    test("remediation sets the minimum retention", async () => {
        expect(await pack.remediate({ type: TYPE, props: { sku: perGb } }, { [NAME]: "remediate" })).toEqual({ sku: perGb, retentionInDays: 180 });
    });

    test("remediation cannot fix the Free SKU and leaves it alone", async () => {
        expect(await pack.remediate({ type: TYPE, props: { sku: { name: "Free" } } }, { [NAME]: "remediate" })).toBeUndefined();
    });
});
