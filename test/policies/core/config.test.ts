import { makeConfigReader } from "../../../policies/core/config";
import { option } from "../../../policies/core/options";
import { shared } from "../../../policies/core/settings";

const options = { logRetentionDays: shared.logRetentionDays, mspAccountIds: shared.mspAccountIds, strict: option.boolean(true, "x") };

describe("the typed config accessor", () => {
    test("absent keys take their schema defaults, as the Pulumi CLI fills them", () => {
        expect(makeConfigReader(options)({})).toEqual({ config: { logRetentionDays: 180, mspAccountIds: [], strict: true }, problems: [] });
    });
    test("given keys are kept", () => {
        expect(makeConfigReader(options)({ logRetentionDays: 365, mspAccountIds: ["123456789012"], strict: false }).config).toEqual({ logRetentionDays: 365, mspAccountIds: ["123456789012"], strict: false });
    });
    test("an invalid key falls back to its default and says why", () => {
        const reading = makeConfigReader(options)({ logRetentionDays: "a year", mspAccountIds: ["12345"] });
        expect(reading.config).toEqual({ logRetentionDays: 180, mspAccountIds: [], strict: true });
        expect(reading.problems).toEqual([
            expect.stringContaining('"logRetentionDays" is invalid (value must be integer)'),
            expect.stringContaining('"mspAccountIds" is invalid (/0 must match pattern'),
        ]);
    });
});
