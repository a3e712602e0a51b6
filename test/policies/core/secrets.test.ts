import { leavesOfJson, makeScrubber } from "../../../policies/core/secrets";

describe("makeScrubber", () => {
    test.each([
        ["a long secret anywhere", "Principal arn:aws:iam::111122223333:root is not listed", ["111122223333"], "Principal arn:aws:iam::[secret]:root is not listed"],
        ["a short secret as a whole word only", "keeps 7 days; 17 is fine; port 7", ["7"], "keeps [secret] days; 17 is fine; port [secret]"],
        ["the longest secret first", "token abcdef", ["abc", "abcdef"], "token [secret]"],
        ["regex characters in a secret", "cidr 10.0.0.0/8 open", ["10.0.0.0/8"], "cidr [secret] open"],
        ["no secrets", "nothing to hide", [], "nothing to hide"],
        ["an empty secret is ignored", "text", [""], "text"],
    ])("%s", (_name, message, secrets, expected) => {
        expect(makeScrubber(secrets)(message)).toBe(expected);
    });
});

describe("leavesOfJson: a secret JSON document keeps each of its values secret", () => {
    test.each([
        ["a policy document", JSON.stringify({ Statement: [{ Principal: { AWS: ["111122223333"] }, Condition: { NumericLessThan: { age: 3600 } } }] }), ["111122223333", "3600"]],
        ["a plain string", "hunter2", []],
        ["text that only looks like JSON", "{not json", []],
        ["a list", '["a", null, true]', ["a", "true"]],
    ] as [string, string, string[]][])("%s", (_name, value, expected) => {
        expect(leavesOfJson(value)).toEqual(expected);
    });
});
