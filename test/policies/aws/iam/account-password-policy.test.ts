import policy from "../../../../policies/aws/iam/account-password-policy";
import { advisory, Expected, expectFindings, only } from "../../../harness/expect";
import { usePack } from "../../../harness/pack";
import { secret, unknown } from "../../../harness/values";
import type { WireProperties } from "../../../../cli/driver/wire";

const TYPE = "aws:iam/accountPasswordPolicy:AccountPasswordPolicy";
const NAME = policy.name;

const STRONG: WireProperties = {
    minimumPasswordLength: 14,
    passwordReusePrevention: 24,
    maxPasswordAge: 90,
    requireLowercaseCharacters: true,
    requireUppercaseCharacters: true,
    requireNumbers: true,
    requireSymbols: true,
};
const strongBut = (changes: WireProperties): WireProperties => ({ ...STRONG, ...changes });
const without = (...keys: string[]): WireProperties => Object.fromEntries(Object.entries(STRONG).filter(([k]) => !keys.includes(k)));

interface Case {
    name: string;
    props: WireProperties;
    config?: Record<string, unknown>;
    expect: Expected[];
}

const cases: Case[] = [
    { name: "a strong policy", props: STRONG, expect: [] },
    { name: "a stronger policy", props: strongBut({ minimumPasswordLength: 20, maxPasswordAge: 30 }), expect: [] },
    { name: "hardExpiry is not required", props: strongBut({ hardExpiry: false }), expect: [] },
    {
        name: "everything omitted: IAM's defaults",
        props: {},
        expect: [
            advisory("minimumPasswordLength is omitted (IAM's default: 6)", "14 characters required"),
            advisory("passwordReusePrevention is omitted (IAM's default: 0", "24 earlier passwords"),
            advisory("maxPasswordAge is omitted (IAM's default: 0, passwords never expire)"),
            advisory("requireLowercaseCharacters is omitted (IAM's default: false)"),
            advisory("requireUppercaseCharacters"),
            advisory("requireNumbers"),
            advisory("requireSymbols"),
        ],
    },
    { name: "short passwords", props: strongBut({ minimumPasswordLength: 8 }), expect: [advisory("minimumPasswordLength is 8", "Set minimumPasswordLength to 14", "R1")] },
    { name: "a few passwords remembered", props: strongBut({ passwordReusePrevention: 5 }), expect: [advisory("passwordReusePrevention is 5", "Set passwordReusePrevention to 24")] },
    { name: "passwords never expire (0)", props: strongBut({ maxPasswordAge: 0 }), expect: [advisory("maxPasswordAge is 0, passwords never expire", "Set maxPasswordAge to 90")] },
    { name: "passwords valid too long", props: strongBut({ maxPasswordAge: 180 }), expect: [advisory("maxPasswordAge is 180", "90 days allowed")] },
    { name: "symbols not required", props: strongBut({ requireSymbols: false }), expect: [advisory("requireSymbols is false", "Set requireSymbols to true")] },
    { name: "numbers given as a string", props: strongBut({ minimumPasswordLength: "16", requireNumbers: "true" }), expect: [] },
    { name: "a length IAM would not accept", props: strongBut({ minimumPasswordLength: "long" }), expect: [advisory('minimumPasswordLength is "long", not a value IAM accepts')] },
    { name: "expiry not checked by config", props: without("maxPasswordAge"), config: { [NAME]: { maxPasswordAgeDays: 0 } }, expect: [] },
    { name: "character classes not checked by config", props: without("requireSymbols", "requireNumbers"), config: { [NAME]: { requireCharacterClasses: false } }, expect: [] },
    { name: "a longer minimum from config", props: strongBut({ minimumPasswordLength: 16 }), config: { [NAME]: { minimumPasswordLength: 20 } }, expect: [advisory("minimumPasswordLength is 16", "20 characters required")] },
    { name: "a shorter expiry from config", props: STRONG, config: { [NAME]: { maxPasswordAgeDays: 60 } }, expect: [advisory("maxPasswordAge is 90", "60 days allowed")] },
    { name: "made mandatory by config", props: strongBut({ minimumPasswordLength: 8 }), config: { [NAME]: "mandatory" }, expect: [{ level: "mandatory", says: ["minimumPasswordLength is 8"] }] },
    { name: "length unknown during preview", props: strongBut({ minimumPasswordLength: unknown }), expect: [advisory("Cannot verify during preview", "minimumPasswordLength")] },
    { name: "secret length is judged and never echoed", props: strongBut({ minimumPasswordLength: secret(9) }), expect: [advisory("minimumPasswordLength is [secret]")] },
];

describe(NAME, () => {
    const pack = usePack();

    test.each(cases)("$name", async ({ props, config, expect: expected }) => {
        expectFindings(only(await pack.analyze({ type: TYPE, props }, config), NAME), expected);
    });

    describe("remediation", () => {
        const remediate = { [NAME]: "remediate" };
        test("raises each number and sets each flag", async () => {
            expect(await pack.remediate({ type: TYPE, props: { minimumPasswordLength: 8, hardExpiry: false } }, remediate)).toEqual({
                minimumPasswordLength: 14,
                hardExpiry: false,
                passwordReusePrevention: 24,
                maxPasswordAge: 90,
                requireLowercaseCharacters: true,
                requireUppercaseCharacters: true,
                requireNumbers: true,
                requireSymbols: true,
            });
        });
        test("to configured requirements", async () => {
            const fixed = await pack.remediate({ type: TYPE, props: strongBut({ minimumPasswordLength: 16 }) }, { [NAME]: { enforcementLevel: "remediate", minimumPasswordLength: 20 } });
            expect(fixed).toEqual(strongBut({ minimumPasswordLength: 20 }));
        });
        test("leaves a strong policy alone", async () => {
            expect(await pack.remediate({ type: TYPE, props: STRONG }, remediate)).toBeUndefined();
        });
        test("leaves unknown and invalid values to the program", async () => {
            expect(await pack.remediate({ type: TYPE, props: strongBut({ minimumPasswordLength: "long" }) }, remediate)).toBeUndefined();
        });
    });
});
