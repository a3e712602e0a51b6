import { accountStanding, isThirdParty } from "../../../../../policies/aws/iam/shared/msp-identity";

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
