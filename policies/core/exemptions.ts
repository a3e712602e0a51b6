// Exemptions (PRODUCT.md, "Exemptions"): a finding may be waived for one resource, never silently. Either tags
// on the resource (`msp-guard:exempt` = comma-separated policy names, `msp-guard:exempt-reason` required,
// `msp-guard:exempt-until` an ISO date after which the finding is back) or config entries
// `exemptions: [{ policy?, urn, reason, until? }]` for resources without tags. Applied once, in the policy
// wrapper. A waived finding still travels, as an advisory diagnostic whose message says it is exempted and why.
import { Option, option } from "./options";
import { TagReading, tagValue } from "./tags";
import { isUnknown } from "../lib/value";

export const EXEMPT_TAG = "msp-guard:exempt";
export const EXEMPT_REASON_TAG = "msp-guard:exempt-reason";
export const EXEMPT_UNTIL_TAG = "msp-guard:exempt-until";

export interface ConfigExemption {
    policy?: string;
    urn: string;
    reason: string;
    until?: string;
}

const ISO_DATE = "^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$";

export const exemptionsOption: Option<ConfigExemption[]> = option.custom<ConfigExemption[]>([], {
    type: "array",
    description: "Waivers for resources that cannot carry tags: { urn (glob, * matches any run of characters), reason, until (ISO date), policy (optional: this policy's name or a glob) }.",
    items: {
        type: "object",
        required: ["urn", "reason"],
        additionalProperties: false,
        properties: {
            policy: { type: "string", minLength: 1 },
            urn: { type: "string", minLength: 1 },
            reason: { type: "string", minLength: 1 },
            until: { type: "string", pattern: ISO_DATE },
        },
    },
});

export type ExemptionSource = "tag" | "config";

export type ExemptionDecision =
    | { kind: "none" }
    /** Tags or their values are unknown during preview: the resource may be exempted. */
    | { kind: "unknown" }
    | { kind: "waived"; source: ExemptionSource; reason: string; until?: string }
    /** An exemption names the policy but cannot be honoured; the finding stands, with this note. */
    | { kind: "invalid"; source: ExemptionSource; problem: string };

/** `*` matches any run of characters (urns contain `/`, `:` and `$`), `?` one character. */
export function globMatches(glob: string, text: string): boolean {
    const pattern = glob.replace(/[.+^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[\\s\\S]*").replace(/\?/g, "[\\s\\S]");
    return new RegExp(`^${pattern}$`).test(text);
}

/** The instant an `until` value stops counting: the end of the day for a date, the instant otherwise. */
export function expiryOf(until: string): number | undefined {
    if (!new RegExp(ISO_DATE).test(until)) return undefined;
    const dateOnly = until.length === 10;
    const time = Date.parse(dateOnly ? `${until}T23:59:59.999Z` : until);
    return Number.isNaN(time) ? undefined : time;
}

export function tagPolicyNames(value: string): string[] {
    return value.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Problems of an exemption's reason and expiry, independent of which policy it names. */
export function exemptionProblems(reason: string | undefined, until: string | undefined, now: number): string[] {
    const problems: string[] = [];
    if (!reason || reason.trim() === "") problems.push(`it has no reason (tag ${EXEMPT_REASON_TAG} is required)`);
    if (until !== undefined) {
        const expiry = expiryOf(until);
        if (expiry === undefined) problems.push(`its expiry "${until}" is not an ISO date (YYYY-MM-DD)`);
        else if (now > expiry) problems.push(`it expired on ${until}`);
    }
    return problems;
}

export function decideExemption(
    policyName: string,
    urn: string,
    tags: TagReading,
    configEntries: readonly ConfigExemption[],
    now: number,
): ExemptionDecision {
    const fromTag = tagDecision(policyName, tags, now);
    if (fromTag.kind === "waived") return fromTag;
    for (const entry of configEntries) {
        if (entry.policy !== undefined && !globMatches(entry.policy, policyName)) continue;
        if (!globMatches(entry.urn, urn)) continue;
        const problems = exemptionProblems(entry.reason, entry.until, now);
        if (problems.length === 0) return { kind: "waived", source: "config", reason: entry.reason, until: entry.until };
        return { kind: "invalid", source: "config", problem: problems.join("; ") };
    }
    return fromTag;
}

function tagDecision(policyName: string, tags: TagReading, now: number): ExemptionDecision {
    const names = tagValue(tags, EXEMPT_TAG);
    if (names === undefined) return tags.unknown ? { kind: "unknown" } : { kind: "none" };
    if (isUnknown(names)) return { kind: "unknown" };
    if (!tagPolicyNames(names).includes(policyName)) return { kind: "none" };
    const reason = tagValue(tags, EXEMPT_REASON_TAG);
    const until = tagValue(tags, EXEMPT_UNTIL_TAG);
    if (isUnknown(reason) || isUnknown(until)) return { kind: "unknown" };
    const problems = exemptionProblems(reason, until, now);
    if (problems.length > 0) return { kind: "invalid", source: "tag", problem: problems.join("; ") };
    return { kind: "waived", source: "tag", reason: reason!, until };
}

// A waived finding's message, and its parser for the offline command and reports. The reason is JSON-quoted so
// that any text a user writes survives the round trip.
const EXEMPTED_RE = /^Exempted by (tag|config): ("(?:[^"\\]|\\.)*")(?: \(until ([^)]+)\))?\. Waived finding: ([\s\S]*)$/;

export function formatExempted(message: string, decision: { source: ExemptionSource; reason: string; until?: string }): string {
    const until = decision.until ? ` (until ${decision.until})` : "";
    return `Exempted by ${decision.source}: ${JSON.stringify(decision.reason)}${until}. Waived finding: ${message}`;
}

export interface ParsedExemption {
    source: ExemptionSource;
    reason: string;
    until?: string;
    finding: string;
}

export function parseExempted(message: string): ParsedExemption | undefined {
    const match = EXEMPTED_RE.exec(message);
    if (!match) return undefined;
    let reason: string;
    try {
        reason = JSON.parse(match[2]) as string;
    } catch {
        return undefined;
    }
    return { source: match[1] as ExemptionSource, reason, until: match[3], finding: match[4] };
}
