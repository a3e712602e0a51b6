// IAM role session length: what `maxSessionDuration` accepts and what omitting it means.

/** What an omitted `maxSessionDuration` means: IAM's default maximum session of one hour. */
export const ROLE_MAX_SESSION_WHEN_OMITTED = 3600;

/** IAM accepts a role's maximum session duration from one hour to twelve hours, in seconds. */
export const ROLE_MAX_SESSION_MINIMUM = 3600;
export const ROLE_MAX_SESSION_MAXIMUM = 43200;

/** `3600 seconds (1 hour)`, `5400 seconds (1.5 hours)`. */
export function describeSeconds(seconds: number): string {
    const hours = seconds / 3600;
    return `${seconds} seconds (${Number(hours.toFixed(2))} hour${hours === 1 ? "" : "s"})`;
}
