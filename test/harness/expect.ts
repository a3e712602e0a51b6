// Expectations for findings: which policy fired, at which level, and a fragment of the message that proves
// which check it was. Tests assert the finding, not the full wording.
import type { Finding } from "./pack";

export interface Expected {
    level: "advisory" | "mandatory";
    /** Fragments the message must contain. */
    says: string[];
}

export function only(findings: Finding[], policy: string): Finding[] {
    return findings.filter((f) => f.policy === policy);
}

export function expectFindings(findings: Finding[], expected: Expected[]): void {
    expect(findings.map((f) => f.level)).toEqual(expected.map((e) => e.level));
    findings.forEach((f, i) => {
        for (const fragment of expected[i].says) expect(f.message).toContain(fragment);
    });
}

export const mandatory = (...says: string[]): Expected => ({ level: "mandatory", says });
export const advisory = (...says: string[]): Expected => ({ level: "advisory", says });
/** The advisory that a verdict depends on a value unknown during preview. */
export const cannotVerify = (...says: string[]): Expected => advisory("Cannot verify during preview", ...says);
