// The IAM account password policy (`aws.iam.AccountPasswordPolicy`): what each omitted property means, and where a
// policy falls short of given requirements, with the value that fixes each shortfall. Pure: no Pulumi.
import { asInteger } from "../../../lib/number";
import { isUnknown, Plain, PlainObject } from "../../../lib/value";

/** What IAM applies for a property the program omits (UpdateAccountPasswordPolicy's documented defaults). */
export const PASSWORD_POLICY_WHEN_OMITTED = {
    minimumPasswordLength: 6,
    /** No reuse prevention. */
    passwordReusePrevention: 0,
    /** Passwords never expire. */
    maxPasswordAge: 0,
    requireLowercaseCharacters: false,
    requireUppercaseCharacters: false,
    requireNumbers: false,
    requireSymbols: false,
} as const;

export const CHARACTER_CLASS_FLAGS = ["requireLowercaseCharacters", "requireUppercaseCharacters", "requireNumbers", "requireSymbols"] as const;

/** What IAM accepts: the ranges of UpdateAccountPasswordPolicy. */
export const PASSWORD_LENGTH_RANGE = { minimum: 6, maximum: 128 } as const;
export const PASSWORD_REUSE_RANGE = { minimum: 1, maximum: 24 } as const;
export const PASSWORD_AGE_RANGE = { minimum: 1, maximum: 1095 } as const;

export interface PasswordRequirements {
    readonly minimumPasswordLength: number;
    readonly passwordReusePrevention: number;
    /** 0: expiry is not checked. */
    readonly maxPasswordAgeDays: number;
    readonly requireCharacterClasses: boolean;
}

export interface PasswordGap {
    /** "unknown": the property is computed from values not known yet; "short": it falls short; "invalid": not a value IAM accepts. */
    readonly kind: "unknown" | "short" | "invalid";
    readonly property: string;
    readonly message: string;
    /** The value that meets the requirement, for "short" gaps. */
    readonly fix?: number | boolean;
}

type Reading<T> = { readonly kind: "known"; readonly value: T; readonly omitted: boolean } | { readonly kind: "unknown" } | { readonly kind: "invalid"; readonly raw: Plain };

function read<T>(props: PlainObject, property: keyof typeof PASSWORD_POLICY_WHEN_OMITTED, parse: (raw: Plain) => T | undefined): Reading<T> {
    const raw = props[property];
    if (isUnknown(raw)) return { kind: "unknown" };
    if (raw === undefined || raw === null) return { kind: "known", value: PASSWORD_POLICY_WHEN_OMITTED[property] as T, omitted: true };
    const value = parse(raw);
    return value === undefined ? { kind: "invalid", raw } : { kind: "known", value, omitted: false };
}

function asBoolean(raw: Plain): boolean | undefined {
    if (typeof raw === "boolean") return raw;
    if (raw === "true" || raw === "false") return raw === "true";
    return undefined;
}

/** `is 8`, or `is omitted (IAM's default: 6)`. */
function shown(reading: { value: number | boolean; omitted: boolean }, meaning?: string): string {
    const value = meaning ?? String(reading.value);
    return reading.omitted ? `is omitted (IAM's default: ${value})` : `is ${value}`;
}

/** Each property that is unknown, invalid or short of the requirements, in a fixed order. */
export function passwordPolicyGaps(props: PlainObject, required: PasswordRequirements): PasswordGap[] {
    const gaps: PasswordGap[] = [];
    const check = <T extends number | boolean>(property: keyof typeof PASSWORD_POLICY_WHEN_OMITTED, parse: (raw: Plain) => T | undefined, judge: (value: T, reading: { value: T; omitted: boolean }) => Omit<PasswordGap, "kind" | "property"> | undefined) => {
        const reading = read(props, property, parse);
        if (reading.kind === "unknown") gaps.push({ kind: "unknown", property, message: `${property} is computed from values not known yet` });
        else if (reading.kind === "invalid") gaps.push({ kind: "invalid", property, message: `${property} is ${JSON.stringify(reading.raw)}, not a value IAM accepts` });
        else {
            const gap = judge(reading.value, reading);
            if (gap) gaps.push({ kind: "short", property, ...gap });
        }
    };
    const integer = (raw: Plain) => asInteger(raw);
    check("minimumPasswordLength", integer, (length, r) =>
        length < required.minimumPasswordLength ? { message: `minimumPasswordLength ${shown(r)}, shorter than the ${required.minimumPasswordLength} characters required`, fix: required.minimumPasswordLength } : undefined,
    );
    check("passwordReusePrevention", integer, (remembered, r) =>
        remembered < required.passwordReusePrevention
            ? { message: `passwordReusePrevention ${shown(r, remembered === 0 ? "0, any earlier password may be reused" : undefined)}, fewer than the ${required.passwordReusePrevention} earlier passwords required`, fix: required.passwordReusePrevention }
            : undefined,
    );
    if (required.maxPasswordAgeDays > 0) {
        check("maxPasswordAge", integer, (days, r) =>
            days === 0 || days > required.maxPasswordAgeDays
                ? { message: `maxPasswordAge ${shown(r, days === 0 ? "0, passwords never expire" : undefined)}, more than the ${required.maxPasswordAgeDays} days allowed`, fix: required.maxPasswordAgeDays }
                : undefined,
        );
    }
    if (required.requireCharacterClasses) {
        for (const flag of CHARACTER_CLASS_FLAGS) {
            check(flag, asBoolean, (on, r) => (on ? undefined : { message: `${flag} ${shown(r)}, so passwords need not mix character classes`, fix: true }));
        }
    }
    return gaps;
}
