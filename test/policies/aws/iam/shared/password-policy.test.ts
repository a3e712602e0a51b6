import { PASSWORD_POLICY_WHEN_OMITTED, passwordPolicyGaps, PasswordRequirements } from "../../../../../policies/aws/iam/shared/password-policy";
import { PlainObject, UNKNOWN } from "../../../../../policies/lib/value";

const REQUIRED: PasswordRequirements = { minimumPasswordLength: 14, passwordReusePrevention: 24, maxPasswordAgeDays: 90, requireCharacterClasses: true };
const STRONG: PlainObject = {
    minimumPasswordLength: 14,
    passwordReusePrevention: 24,
    maxPasswordAge: 90,
    requireLowercaseCharacters: true,
    requireUppercaseCharacters: true,
    requireNumbers: true,
    requireSymbols: true,
};
const view = (props: PlainObject, required: PasswordRequirements = REQUIRED) => passwordPolicyGaps(props, required).map((g) => [g.kind, g.property, g.fix]);

describe("PASSWORD_POLICY_WHEN_OMITTED: IAM's documented defaults", () => {
    test("six characters, no reuse prevention, no expiry, no character classes", () => {
        expect(PASSWORD_POLICY_WHEN_OMITTED).toEqual({
            minimumPasswordLength: 6,
            passwordReusePrevention: 0,
            maxPasswordAge: 0,
            requireLowercaseCharacters: false,
            requireUppercaseCharacters: false,
            requireNumbers: false,
            requireSymbols: false,
        });
    });
});

describe("passwordPolicyGaps", () => {
    test.each([
        ["a strong policy", STRONG, REQUIRED, []],
        ["every property omitted", {}, REQUIRED, [
            ["short", "minimumPasswordLength", 14],
            ["short", "passwordReusePrevention", 24],
            ["short", "maxPasswordAge", 90],
            ["short", "requireLowercaseCharacters", true],
            ["short", "requireUppercaseCharacters", true],
            ["short", "requireNumbers", true],
            ["short", "requireSymbols", true],
        ]],
        ["expiry 0 means never", { ...STRONG, maxPasswordAge: 0 }, REQUIRED, [["short", "maxPasswordAge", 90]]],
        ["expiry not checked", { ...STRONG, maxPasswordAge: 0 }, { ...REQUIRED, maxPasswordAgeDays: 0 }, []],
        ["character classes not checked", { ...STRONG, requireSymbols: false }, { ...REQUIRED, requireCharacterClasses: false }, []],
        ["reuse not checked", { ...STRONG, passwordReusePrevention: 0 }, { ...REQUIRED, passwordReusePrevention: 0 }, []],
        ["numbers and booleans as strings", { ...STRONG, minimumPasswordLength: "15", requireSymbols: "false" }, REQUIRED, [["short", "requireSymbols", true]]],
        ["an unknown property", { ...STRONG, passwordReusePrevention: UNKNOWN }, REQUIRED, [["unknown", "passwordReusePrevention", undefined]]],
        ["an invalid property", { ...STRONG, requireNumbers: "yes" }, REQUIRED, [["invalid", "requireNumbers", undefined]]],
        ["a fractional length", { ...STRONG, minimumPasswordLength: 14.5 }, REQUIRED, [["invalid", "minimumPasswordLength", undefined]]],
    ] as [string, PlainObject, PasswordRequirements, unknown[]][])("%s", (_name, props, required, expected) => {
        expect(view(props, required)).toEqual(expected);
    });
});
