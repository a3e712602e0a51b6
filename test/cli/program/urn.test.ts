// Urns, default provider names and custom timeouts as the engine builds and parses them.
import { createUrn, defaultProviderName, intoQName, parseGoDuration, parseUrn } from "../../../cli/program/urn";

const STACK_URN = "urn:pulumi:dev::proj::pulumi:pulumi:Stack::proj-dev";

describe("createUrn", () => {
    it.each([
        { name: "no parent", parent: undefined, type: "aws:s3/bucket:Bucket", urn: "urn:pulumi:dev::proj::aws:s3/bucket:Bucket::b" },
        { name: "the root stack as parent adds no type", parent: STACK_URN, type: "aws:s3/bucket:Bucket", urn: "urn:pulumi:dev::proj::aws:s3/bucket:Bucket::b" },
        {
            name: "a component as parent prefixes its type",
            parent: "urn:pulumi:dev::proj::my:zone:Zone::z",
            type: "aws:s3/bucket:Bucket",
            urn: "urn:pulumi:dev::proj::my:zone:Zone$aws:s3/bucket:Bucket::b",
        },
        {
            name: "nested components keep the whole chain",
            parent: "urn:pulumi:dev::proj::my:zone:Zone$my:zone:Part::p",
            type: "aws:s3/bucket:Bucket",
            urn: "urn:pulumi:dev::proj::my:zone:Zone$my:zone:Part$aws:s3/bucket:Bucket::b",
        },
    ])("$name", ({ parent, type, urn }) => {
        expect(createUrn("dev", "proj", parent, type, "b")).toBe(urn);
    });

    it("parses a urn back into its parts, names with :: included", () => {
        expect(parseUrn("urn:pulumi:dev::proj::my:zone:Zone$aws:s3/bucket:Bucket::a::b")).toEqual({
            stack: "dev",
            project: "proj",
            qualifiedType: "my:zone:Zone$aws:s3/bucket:Bucket",
            type: "aws:s3/bucket:Bucket",
            name: "a::b",
        });
    });
});

describe("defaultProviderName", () => {
    it.each([
        { version: "7.48.0", url: undefined, name: "default_7_48_0" },
        { version: "3.0.0-alpha.1+build.5", url: undefined, name: "default_3_0_0_alpha_1_build_5" },
        { version: undefined, url: undefined, name: "default" },
        { version: "1.2.3", url: "github://api.github.com/acme", name: "default_1_2_3_github_/api.github.com/acme" },
    ])("$version $url -> $name", ({ version, url, name }) => {
        expect(defaultProviderName(version, url)).toBe(name);
    });

    it("intoQName replaces what a QName cannot hold", () => {
        expect(intoQName("https://x.io/a-b")).toBe("https_/x.io/a_b");
    });
});

describe("parseGoDuration", () => {
    it.each([
        { text: "5m", seconds: 300 },
        { text: "1h30m", seconds: 5400 },
        { text: "1.5h", seconds: 5400 },
        { text: "300ms", seconds: 0.3 },
        { text: "0", seconds: 0 },
        { text: "-2s", seconds: -2 },
    ])("$text is $seconds s", ({ text, seconds }) => {
        expect(parseGoDuration(text)).toBe(seconds);
    });

    it.each(["", "5", "m", "5 minutes", "1d"])("rejects %j", (text) => {
        expect(() => parseGoDuration(text)).toThrow("time:");
    });
});
