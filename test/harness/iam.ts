// Identity-policy test inputs: account ids with their standing, and policy documents in the wire encoding the
// engine sends, so that any part of a document may be `unknown` or `secret(...)`.
import type { WireValue } from "../../cli/driver/wire";

/** One account of each standing the shared settings give. */
export const ACCOUNTS = { msp: "111122223333", partner: "777788889999", own: "123456789012", unlisted: "444455556666" } as const;

/** The shared settings that give ACCOUNTS their standing, for a policy's config. */
export const ACCOUNT_SETTINGS = { mspAccountIds: [ACCOUNTS.msp], trustedAccountIds: [ACCOUNTS.own], partnerAccountIds: [ACCOUNTS.partner] };

export type WireStatement = { [key: string]: WireValue };

/** An Allow of sts:AssumeRole for `principal`, with an optional Condition; `extra` overrides any element. */
export function assume(principal: WireValue, condition?: WireValue, extra: WireStatement = {}): WireStatement {
    return { Effect: "Allow", Action: "sts:AssumeRole", Principal: principal, ...(condition === undefined ? {} : { Condition: condition }), ...extra };
}

/** A document as programs usually pass it: a JSON string. */
export function asJson(...statements: WireStatement[]): WireValue {
    return JSON.stringify({ Version: "2012-10-17", Statement: statements });
}

/** A document as an object (`inputs.iam.PolicyDocument`), where parts may be unknown or secret. */
export function asObject(...statements: WireStatement[]): WireValue {
    return { Version: "2012-10-17", Statement: statements };
}
