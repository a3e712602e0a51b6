// What the SDK sends in a RegisterResource request becomes what the engine sends an analyzer.
import { createHash } from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import {
    ARCHIVE_SIG,
    ASSET_SIG,
    OUTPUT_SIG,
    RESOURCE_SIG,
    SECRET_SIG,
    SIG_KEY,
    toAnalyzerWire,
    toAnalyzerWireProperties,
    UNKNOWN,
} from "../../../cli/program/wire";

const secret = (value: unknown) => ({ [SIG_KEY]: SECRET_SIG, value });
const BUCKET_URN = "urn:pulumi:dev::p::aws:s3/bucket:Bucket::logs";
const COMPONENT_URN = "urn:pulumi:dev::p::msp:logging:Archive::archive";

describe("toAnalyzerWire", () => {
    const cases: { name: string; sent: unknown; received: unknown }[] = [
        { name: "plain values pass through", sent: { a: [1, true, "x", null] }, received: { a: [1, true, "x", null] } },
        { name: "the unknown sentinel stays the unknown sentinel", sent: UNKNOWN, received: UNKNOWN },
        { name: "a secret stays wrapped", sent: secret("p@ss"), received: secret("p@ss") },
        { name: "a secret inside a structure stays where it is", sent: { tags: { token: secret("t") } }, received: { tags: { token: secret("t") } } },
        { name: "a secret of a secret collapses", sent: secret(secret("t")), received: secret("t") },
        { name: "an unknown secret stays an unknown secret", sent: secret(UNKNOWN), received: secret(UNKNOWN) },
        {
            name: "a custom resource with an unknown id is the unknown sentinel",
            sent: { [SIG_KEY]: RESOURCE_SIG, urn: BUCKET_URN, id: UNKNOWN },
            received: UNKNOWN,
        },
        {
            name: "a custom resource with a known id is its id",
            sent: { [SIG_KEY]: RESOURCE_SIG, urn: BUCKET_URN, id: "logs-1234567" },
            received: "logs-1234567",
        },
        {
            name: "a component resource (no id) is its urn",
            sent: { [SIG_KEY]: RESOURCE_SIG, urn: COMPONENT_URN },
            received: COMPONENT_URN,
        },
        {
            name: "a known output value is its value",
            sent: { [SIG_KEY]: OUTPUT_SIG, value: "x", dependencies: [BUCKET_URN] },
            received: "x",
        },
        { name: "an unknown output value is unknown", sent: { [SIG_KEY]: OUTPUT_SIG }, received: UNKNOWN },
        { name: "a secret output value is a secret", sent: { [SIG_KEY]: OUTPUT_SIG, value: "x", secret: true }, received: secret("x") },
        { name: "internal keys are dropped at every level", sent: { __defaults: [], a: { __meta: "m", b: 1 } }, received: { a: { b: 1 } } },
        {
            name: "a text asset gains the sha256 of its text",
            sent: { [SIG_KEY]: ASSET_SIG, text: "hello" },
            received: { [SIG_KEY]: ASSET_SIG, text: "hello", hash: createHash("sha256").update("hello").digest("hex") },
        },
        {
            name: "an archive is kept as sent",
            sent: { [SIG_KEY]: ARCHIVE_SIG, path: "./lambda" },
            received: { [SIG_KEY]: ARCHIVE_SIG, path: "./lambda" },
        },
    ];

    it.each(cases)("$name", ({ sent, received }) => {
        expect(toAnalyzerWire(sent)).toEqual(received);
    });

    it("a file asset gains the sha256 of the file", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "msp-guard-wire-"));
        try {
            const file = path.join(dir, "policy.json");
            fs.writeFileSync(file, "{}");
            expect(toAnalyzerWire({ [SIG_KEY]: ASSET_SIG, path: file })).toEqual({
                [SIG_KEY]: ASSET_SIG,
                path: file,
                hash: createHash("sha256").update("{}").digest("hex"),
            });
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });

    it("properties skip undefined and internal keys", () => {
        expect(toAnalyzerWireProperties({ a: undefined, __internal: 1, b: "x" })).toEqual({ b: "x" });
    });
});

describe("the program runner's wire constants", () => {
    test("agree with the driver's (the runner's child cannot import them)", () => {
        const program = require("../../../cli/program/wire") as Record<string, unknown>;
        const driver = require("../../../cli/driver/wire") as Record<string, unknown>;
        expect([program.UNKNOWN, program.SIG_KEY, program.SECRET_SIG, program.RESOURCE_SIG]).toEqual([driver.UNKNOWN_SENTINEL, driver.SIG_KEY, driver.SECRET_SIG, driver.RESOURCE_SIG]);
    });
});
