import { actionMatches, coversAllActions, elementCovers, elementTouches, expandPattern, isServiceWildcard, patternCovers, serviceOf } from "../../../../policies/lib/iam/actions";
import type { ActionElement, Maybe } from "../../../../policies/lib/iam/document";
import type { Tri } from "../../../../policies/lib/iam/tri";
import { UNKNOWN } from "../../../../policies/lib/value";
import { actionsByService } from "./data";

describe("actionMatches", () => {
    const cases: [string, string, string, boolean][] = [
        ["an exact action", "iam:PassRole", "iam:PassRole", true],
        ["the service prefix is case-insensitive", "IAM:PassRole", "iam:PassRole", true],
        ["the action name is case-insensitive", "iam:passrole", "iam:PassRole", true],
        ["a service wildcard", "iam:*", "iam:PassRole", true],
        ["a prefix wildcard", "iam:Pass*", "iam:PassRole", true],
        ["a prefix wildcard does not reach other names", "iam:Pass*", "iam:PutRolePolicy", false],
        ["a question mark in the service part", "i?m:*", "iam:CreateUser", true],
        ["a star in the service part", "*:*", "s3:GetObject", true],
        ["a bare star is every action", "*", "sagemaker:CreateTrainingJob", true],
        ["a suffix wildcard", "iam:*Policy", "iam:PutRolePolicy", true],
        ["another service with a common prefix", "s3:*", "s3express:CreateSession", false],
        ["a wildcard service does not cross the colon", "*:Get*", "iam:ListRoles", false],
        ["an action missing from any snapshot still matches", "bedrock:*", "bedrock:InvokeModelWithResponseStream", true],
    ];
    test.each(cases)("%s", (_name, pattern, action, expected) => {
        expect(actionMatches(pattern, action)).toBe(expected);
    });
});

describe("pattern relations", () => {
    test.each([
        ["iam:*", "iam:Put*", true],
        ["*", "iam:*", true],
        ["*:*", "iam:Pass*", true],
        ["iam:Put*", "iam:*", false],
        ["IAM:*", "iam:PassRole", true],
    ])("patternCovers(%j, %j) is %s", (outer, inner, expected) => {
        expect(patternCovers(outer, inner)).toBe(expected);
    });

    test.each([
        ["*", true],
        ["*:*", true],
        ["**:**", true],
        ["*:Get*", false],
        ["iam:*", false],
        ["a:b:c", false],
    ])("coversAllActions(%j) is %s", (pattern, expected) => {
        expect(coversAllActions(pattern)).toBe(expected);
    });

    test.each([
        ["s3:*", true],
        ["S3:**", true],
        ["s*:*", true],
        ["*:*", false],
        ["*", false],
        ["s3:Get*", false],
    ])("isServiceWildcard(%j) is %s", (pattern, expected) => {
        expect(isServiceWildcard(pattern)).toBe(expected);
    });

    test.each([
        ["IAM:PassRole", "iam"],
        ["*", undefined],
    ])("serviceOf(%j) is %j", (action, service) => {
        expect(serviceOf(action)).toBe(service);
    });
});

describe("elementCovers: does an Action or NotAction element reach an action", () => {
    const action = (...patterns: Maybe<string>[]): ActionElement => ({ negated: false, patterns });
    const notAction = (...patterns: Maybe<string>[]): ActionElement => ({ negated: true, patterns });
    const cases: [string, Maybe<ActionElement>, string, Tri][] = [
        ["Action with a matching pattern", action("s3:GetObject", "iam:Pass*"), "iam:PassRole", "yes"],
        ["Action without one", action("s3:GetObject"), "iam:PassRole", "no"],
        ["Action with an unknown pattern and no match: it could be anything", action("s3:GetObject", UNKNOWN), "iam:PassRole", "unknown"],
        ["Action with a match and an unknown pattern: the match settles it", action("iam:*", UNKNOWN), "iam:PassRole", "yes"],
        ["NotAction allows what it does not exclude", notAction("iam:*", "organizations:*"), "s3:DeleteBucket", "yes"],
        ["NotAction does not allow what it excludes", notAction("iam:*"), "IAM:PassRole", "no"],
        ["NotAction with an unknown exclusion might exclude it", notAction("iam:*", UNKNOWN), "s3:GetObject", "unknown"],
        ["NotAction with a known exclusion of it: unknowns do not matter", notAction("iam:*", UNKNOWN), "iam:PassRole", "no"],
        ["an unknown element", UNKNOWN, "iam:PassRole", "unknown"],
        ["a pattern target: Action must cover all of it", action("iam:Put*"), "iam:*", "no"],
        ["a pattern target: NotAction covers it when no exclusion meets it", notAction("iam:*"), "s3:*", "yes"],
        ["a pattern target: NotAction does not when an exclusion meets part of it", notAction("iam:PassRole"), "iam:*", "no"],
    ];
    test.each(cases)("%s", (_name, element, target, expected) => {
        expect(elementCovers(element, target)).toBe(expected);
    });

    test.each([
        ["a Deny of one IAM action touches IAM", action("iam:DeleteRole"), "yes"],
        ["a Deny of S3 does not", action("s3:*"), "no"],
        ["NotAction that excludes all of IAM does not", notAction("iam:*"), "no"],
        ["NotAction that excludes part of IAM does", notAction("iam:Get*"), "yes"],
    ] as [string, ActionElement, Tri][])("elementTouches: %s", (_name, element, expected) => {
        expect(elementTouches(element, "iam:*")).toBe(expected);
    });
});

describe("wildcards expanded over the published actions", () => {
    const universe = actionsByService();

    test.each([
        ["iam:Put*Policy", ["iam:PutGroupPolicy", "iam:PutRolePolicy", "iam:PutUserPolicy"]],
        ["IAM:attach*policy", ["iam:AttachGroupPolicy", "iam:AttachRolePolicy", "iam:AttachUserPolicy"]],
        ["i?m:*LoginProfile", ["iam:CreateLoginProfile", "iam:DeleteLoginProfile", "iam:GetLoginProfile", "iam:UpdateLoginProfile"]],
        ["sts:AssumeRole*", ["sts:AssumeRole", "sts:AssumeRoleWithSAML", "sts:AssumeRoleWithWebIdentity"]],
        ["*:CreateDevEndpoint", ["glue:CreateDevEndpoint"]],
    ])("%s expands to %j", (pattern, expected) => {
        expect(expandPattern(pattern, universe)).toEqual(expected);
    });

    test("a service wildcard expands to exactly that service's actions", () => {
        expect(expandPattern("iam:*", universe)).toHaveLength(universe.iam.length);
        expect(expandPattern("*", universe)).toHaveLength(Object.values(universe).reduce((n, names) => n + names.length, 0));
    });

    test("iam:Get* and iam:List* reach only reading actions", () => {
        for (const action of [...expandPattern("iam:Get*", universe), ...expandPattern("iam:List*", universe)]) expect(action).toMatch(/^iam:(Get|List)/);
    });

    test("iam:PassRole is no API call (absent from the botocore snapshot) and is still matched", () => {
        expect(universe.iam).not.toContain("PassRole");
        expect(actionMatches("iam:Pass*", "iam:PassRole")).toBe(true);
    });
});
