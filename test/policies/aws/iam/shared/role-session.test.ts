import { describeSeconds, ROLE_MAX_SESSION_WHEN_OMITTED } from "../../../../../policies/aws/iam/shared/role-session";

describe("role sessions", () => {
    test("an omitted maxSessionDuration is IAM's one hour", () => {
        expect(ROLE_MAX_SESSION_WHEN_OMITTED).toBe(3600);
    });
    test.each([
        [3600, "3600 seconds (1 hour)"],
        [5400, "5400 seconds (1.5 hours)"],
        [43200, "43200 seconds (12 hours)"],
    ])("%d reads as %s", (seconds, text) => {
        expect(describeSeconds(seconds)).toBe(text);
    });
});
