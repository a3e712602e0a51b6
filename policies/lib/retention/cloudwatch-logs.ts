// CloudWatch Logs retention: the API accepts only these values (PutRetentionPolicy), and 0 or an omitted
// value means events never expire.
export const CLOUDWATCH_RETENTION_DAYS: readonly number[] = [
    1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
];

/** What an omitted `retentionInDays` means: keep events forever. */
export const CLOUDWATCH_RETENTION_WHEN_OMITTED = 0;

/** The smallest retention the API accepts that keeps events at least `minimumDays`; never-expire past the top. */
export function smallestCloudWatchRetention(minimumDays: number): number {
    return CLOUDWATCH_RETENTION_DAYS.find((d) => d >= minimumDays) ?? 0;
}
