import { mspUserEvidence } from "../../../../../policies/aws/iam/shared/msp-user";
import { PlainObject, UNKNOWN } from "../../../../../policies/lib/value";

const settings = { mspIdentityTag: "msp:provider", mspIamPathPrefix: "/msp/" };

test.each<[string, PlainObject, string, string[]]>([
    ["the MSP tag, any value, any case", { tags: { "MSP:Provider": "acme" } }, "yes", ["tag msp:provider"]],
    ["the MSP path", { path: "/msp/acme/" }, "yes", ["path /msp/acme/"]],
    ["neither", { path: "/staff/", tags: { team: "ops" } }, "no", []],
    ["nothing set", {}, "no", []],
    ["tags unknown during preview", { tags: UNKNOWN }, "unknown", []],
    ["path unknown during preview", { path: UNKNOWN }, "unknown", []],
])("%s", (_name, props, verdict, reasons) => {
    expect(mspUserEvidence(props, settings)).toEqual({ verdict, reasons });
});
