import { accountStanding, isThirdParty, markedAsMsp } from "../../../../../policies/aws/iam/shared/msp-identity";
import { PlainObject, UNKNOWN } from "../../../../../policies/lib/value";

const LISTS = { mspAccountIds: ["111122223333"], trustedAccountIds: ["123456789012", "111122223333"], partnerAccountIds: ["777788889999", "123456789012"] };

describe("accountStanding and isThirdParty", () => {
    test.each([
        ["an MSP also listed as trusted is an MSP", "111122223333", "msp", true],
        ["a trusted account also listed as a partner is trusted", "123456789012", "trusted", false],
        ["a partner", "777788889999", "partner", true],
        ["an account listed nowhere", "444455556666", "unlisted", true],
    ])("%s", (_name, account, standing, thirdParty) => {
        expect([accountStanding(account, LISTS), isThirdParty(account, LISTS)]).toEqual([standing, thirdParty]);
    });
});

const marking = { mspIdentityTag: "msp:provider", mspIamPathPrefix: "/msp/" };

describe("markedAsMsp: a user or group is the MSP's by its tag or path alone", () => {
    test.each<[string, PlainObject, string, string[]]>([
        ["the MSP tag, any value, any case", { tags: { "MSP:Provider": "acme" } }, "yes", ["tag msp:provider"]],
        ["the MSP path", { path: "/msp/acme/" }, "yes", ["path /msp/acme/"]],
        ["neither", { path: "/staff/", tags: { team: "ops" } }, "no", []],
        ["nothing set", {}, "no", []],
        ["tags unknown during preview", { tags: UNKNOWN }, "unknown", []],
        ["path unknown during preview", { path: UNKNOWN }, "unknown", []],
    ])("%s", (_name, props, verdict, reasons) => {
        expect(markedAsMsp(props, marking)).toEqual({ verdict, reasons });
    });
});
