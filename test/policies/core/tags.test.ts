import { readTags, tagValue } from "../../../policies/core/tags";
import { parseZoneTag, taggedInZone } from "../../../policies/core/zone";
import { UNKNOWN } from "../../../policies/lib/value";
import type { PlainObject } from "../../../policies/lib/value";

describe("readTags", () => {
    test.each<[string, PlainObject, string, unknown]>([
        ["AWS and Azure tag maps", { tags: { Owner: "ops" } }, "owner", "ops"],
        ["AWS Auto Scaling style lists", { tags: [{ key: "Owner", value: "ops", propagateAtLaunch: true }] }, "OWNER", "ops"],
        ["capitalised list entries", { tags: [{ Key: "Owner", Value: "ops" }] }, "owner", "ops"],
        ["an unknown value", { tags: { Owner: UNKNOWN } }, "owner", UNKNOWN],
        ["no tags", {}, "owner", undefined],
        ["tags that are not a map or list", { tags: "Owner=ops" }, "owner", undefined],
    ])("%s", (_name, props, key, expected) => {
        expect(tagValue(readTags(props), key)).toBe(expected);
    });
    test("a wholly unknown tag set", () => {
        expect(readTags({ tags: UNKNOWN }).unknown).toBe(true);
    });
});

describe("the access zone", () => {
    const zone = parseZoneTag("msp:zone=access");
    test.each<[string, PlainObject, boolean | "unknown"]>([
        ["tagged", { tags: { "msp:zone": "access" } }, true],
        ["tagged in other case", { tags: { "MSP:ZONE": "ACCESS" } }, true],
        ["another zone", { tags: { "msp:zone": "workload" } }, false],
        ["untagged", {}, false],
        ["unknown tags", { tags: UNKNOWN }, "unknown"],
        ["unknown zone value", { tags: { "msp:zone": UNKNOWN } }, "unknown"],
    ])("%s", (_name, props, expected) => {
        expect(taggedInZone(props, zone)).toBe(expected);
    });
    test("a tag setting without a value", () => {
        expect(parseZoneTag("msp-access")).toEqual({ key: "msp-access", value: "" });
    });
});
