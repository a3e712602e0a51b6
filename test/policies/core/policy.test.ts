// The wrapper's handling of a finding marked advisory inside an otherwise mandatory policy.
import { resourcePolicy, stackPolicy } from "../../../policies/core/policy";

const TYPE = "aws:s3/bucket:Bucket";
const URN = `urn:pulumi:dev::t::${TYPE}::b`;

const policy = resourcePolicy({
    name: "aws-test-advisory-findings",
    description: "A test policy that reports one mandatory and one advisory finding.",
    severity: "critical",
    recommendations: ["R5"],
    area: "identity",
    remediation: "Nothing to fix, this is a test.",
    types: [TYPE],
    validate(_resource, { report, cannotVerify }) {
        report({ message: "main finding" });
        report({ message: "secondary finding", advisory: true, severity: "medium" });
        report({ message: "explicitly not advisory", advisory: false });
        cannotVerify({ message: "unknown" });
    },
});

const evaluate = (tags: Record<string, string> = {}) => policy.evaluate({ type: TYPE, name: "b", urn: URN, props: { tags } });

test("an advisory finding is advisory whatever the policy's level; others keep the policy's level", () => {
    expect(policy.enforcementLevel).toBe("mandatory");
    expect(evaluate().map((d) => [d.message.split(".")[0], d.enforcementLevel, d.severity])).toEqual([
        ["main finding", undefined, undefined],
        ["secondary finding", "advisory", "medium"],
        ["explicitly not advisory", undefined, undefined],
        ["Cannot verify during preview: unknown", "advisory", undefined],
    ]);
});

test("the advisory finding is formatted like any other, with fix and recommendation", () => {
    expect(evaluate()[1].message).toBe("secondary finding. Fix: Nothing to fix, this is a test. [CISA AA22-131A R5]");
});

test("an exemption that is not applied keeps the advisory level and adds its note", () => {
    const diagnostics = evaluate({ "msp-guard:exempt": policy.name });
    expect(diagnostics[1].enforcementLevel).toBe("advisory");
    expect(diagnostics[1].message).toContain("not applied");
    expect(diagnostics[0].enforcementLevel).toBeUndefined();
});

test("stack policies honour it the same way", () => {
    const stack = stackPolicy({
        name: "aws-test-advisory-stack",
        description: "A test stack policy that reports an advisory finding.",
        severity: "high",
        recommendations: ["R5"],
        area: "identity",
        remediation: "Nothing to fix, this is a test.",
        types: [TYPE],
        validate(_stack, { report }) {
            report({ urn: URN, message: "secondary", advisory: true });
            report({ urn: URN, message: "main" });
        },
    });
    expect(stack.evaluate([{ type: TYPE, name: "b", urn: URN, props: {} }]).map((d) => d.enforcementLevel)).toEqual(["advisory", undefined]);
});
