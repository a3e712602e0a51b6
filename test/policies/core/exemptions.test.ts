import { decideExemption, expiryOf, formatExempted, globMatches, parseExempted } from "../../../policies/core/exemptions";
import { readTags } from "../../../policies/core/tags";
import { UNKNOWN } from "../../../policies/lib/value";
import fc from "fast-check";

const NOW = Date.parse("2026-06-15T12:00:00Z");
const URN = "urn:pulumi:prod::app::aws:ec2/vpc:Vpc::lab-1";
const P = "aws-ec2-access-zone-vpc-flow-logs";

describe("globMatches", () => {
    test.each([
        ["* matches anything, across / and :", "*", URN, true],
        ["prefix glob", "urn:pulumi:prod::app::aws:ec2/vpc:Vpc::lab-*", URN, true],
        ["stack wildcard", "urn:pulumi:*::app::*::lab-1", URN, true],
        ["? matches one character", "urn:pulumi:prod::app::aws:ec2/vpc:Vpc::lab-?", URN, true],
        ["a different name", "urn:pulumi:prod::app::aws:ec2/vpc:Vpc::prod-*", URN, false],
        ["regex characters are literal", "urn:pulumi:prod::app::aws:ec2/vpc:Vpc::lab.1", URN, false],
        ["the whole urn must match", "lab-1", URN, false],
    ])("%s", (_name, glob, text, expected) => {
        expect(globMatches(glob, text)).toBe(expected);
    });
});

describe("expiryOf", () => {
    test("a date lasts to the end of its day (UTC)", () => {
        expect(expiryOf("2026-06-15")).toBe(Date.parse("2026-06-15T23:59:59.999Z"));
    });
    test("a date-time is that instant", () => {
        expect(expiryOf("2026-06-15T08:00:00Z")).toBe(Date.parse("2026-06-15T08:00:00Z"));
    });
    test.each(["tomorrow", "15/06/2026", "2026-13-45", ""])("%p is not a date", (text) => {
        expect(expiryOf(text)).toBeUndefined();
    });
});

describe("decideExemption", () => {
    const tags = (t: Record<string, unknown>) => readTags({ tags: t as never });
    test.each([
        ["no tags, no config", {}, [], { kind: "none" }],
        ["a tag naming the policy, with reason and future date", { "msp-guard:exempt": `other, ${P}`, "msp-guard:exempt-reason": "lab", "msp-guard:exempt-until": "2026-06-15" }, [], { kind: "waived", source: "tag", reason: "lab", until: "2026-06-15" }],
        ["a tag naming another policy", { "msp-guard:exempt": "aws-other", "msp-guard:exempt-reason": "lab" }, [], { kind: "none" }],
        ["a tag without a reason", { "msp-guard:exempt": P }, [], { kind: "invalid", source: "tag", problem: "it has no reason (tag msp-guard:exempt-reason is required)" }],
        ["a tag past its date", { "msp-guard:exempt": P, "msp-guard:exempt-reason": "lab", "msp-guard:exempt-until": "2026-06-14" }, [], { kind: "invalid", source: "tag", problem: "it expired on 2026-06-14" }],
        ["an unknown exemption tag", { "msp-guard:exempt": UNKNOWN }, [], { kind: "unknown" }],
        ["a config entry matching the urn", {}, [{ urn: "*::lab-*", reason: "lab" }], { kind: "waived", source: "config", reason: "lab", until: undefined }],
        ["a config entry for another policy", {}, [{ urn: "*", reason: "lab", policy: "aws-other" }], { kind: "none" }],
        ["a config entry with a policy glob", {}, [{ urn: "*", reason: "lab", policy: "aws-ec2-*" }], { kind: "waived", source: "config", reason: "lab", until: undefined }],
        ["an expired config entry", {}, [{ urn: "*", reason: "lab", until: "2020-01-01" }], { kind: "invalid", source: "config", problem: "it expired on 2020-01-01" }],
        ["an invalid tag but a valid config entry: config wins", { "msp-guard:exempt": P }, [{ urn: "*", reason: "lab" }], { kind: "waived", source: "config", reason: "lab", until: undefined }],
    ])("%s", (_name, t, config, expected) => {
        expect(decideExemption(P, URN, tags(t), config, NOW)).toEqual(expected);
    });
});

describe("exempted messages round-trip", () => {
    test("any reason survives", () => {
        fc.assert(
            fc.property(fc.string(), fc.option(fc.constantFrom("2027-01-01", "2027-01-01T00:00:00Z"), { nil: undefined }), fc.string(), (reason, until, finding) => {
                const parsed = parseExempted(formatExempted(finding, { source: "tag", reason, until }));
                expect(parsed).toEqual({ source: "tag", reason, until, finding });
            }),
        );
    });
    test("an ordinary message is not an exemption", () => {
        expect(parseExempted("Log group keeps events for 30 days.")).toBeUndefined();
    });
});
