// The managed-policy table against the real published documents (shared/data/aws-iam/managed-policies, read by
// tests only): each entry's verdict is what the engine derives from the real document, and its stand-in statements
// grant exactly what the real document grants of every catalogued privileged action, so that combining a managed
// policy with a role's other documents gives the same answers as the real one would.
import { analysePrivileges, ESCALATION_METHODS, grants, IAM_WRITE_ACTIONS, parsePolicyDocument, PolicyInput } from "../../../../../policies/lib/iam";
import {
    MANAGED_POLICIES,
    managedPolicyArn,
    managedPolicyDocument,
    managedPolicyVerdict,
    parseAwsManagedPolicyArn,
} from "../../../../../policies/aws/iam/shared/managed-policies";
import { accessOf, summarisePrivileges } from "../../../../../policies/aws/iam/shared/privileges";
import { managedPolicy, managedPolicyNames } from "../../../lib/iam/data";

// The SDK's own list of AWS managed policy ARNs (aws.iam.ManagedPolicy), for the entries' paths.
const sdkArns = new Set(Object.values((require("@pulumi/aws/types/enums/iam") as { ManagedPolicy: Record<string, string> }).ManagedPolicy));

const real = (name: string): PolicyInput => parsePolicyDocument(managedPolicy(name).document);

/** The engine's verdicts on a document, in comparable form. */
function profile(document: PolicyInput) {
    const r = analysePrivileges(document);
    return {
        administrator: r.administrator?.verdict,
        serviceWildcards: r.serviceWildcards.map((w) => `${w.pattern.toLowerCase()}:${w.verdict}`).sort(),
        notAction: r.notActionGrants.map((g) => `${g.excluded.join(",")}:${g.verdict}`).sort(),
        iamWrite: [...(r.iamWrite?.actions ?? [])].sort(),
        escalations: r.escalations.map((e) => `${e.method.id}:${e.verdict}`).sort(),
    };
}

const CATALOGUED = [...new Set([...IAM_WRITE_ACTIONS, ...ESCALATION_METHODS.flatMap((m) => m.requires.flatMap((r) => r.anyOf))])];

describe.each(MANAGED_POLICIES.map((p) => [p.name, p] as const))("%s", (name, entry) => {
    test("its ARN is one the AWS SDK lists", () => {
        expect(sdkArns).toContain(managedPolicyArn(entry));
    });

    test(`the real document's verdict is "${entry.access}"`, () => {
        expect(accessOf(summarisePrivileges([{ label: name, document: real(name) }]))).toBe(entry.access);
    });

    test("the stand-in has the real document's verdicts", () => {
        expect(profile(managedPolicyDocument(entry))).toEqual(profile(real(name)));
    });

    test("the stand-in grants every catalogued privileged action exactly as the real document does", () => {
        const standIn = managedPolicyDocument(entry);
        const differences = CATALOGUED.filter((a) => grants(standIn, a) !== grants(real(name), a) || grants(standIn, a, "*") !== grants(real(name), a, "*"));
        expect(differences).toEqual([]);
    });
});

test("every snapshot of a managed policy has an entry", () => {
    expect(managedPolicyNames().sort()).toEqual(MANAGED_POLICIES.map((p) => p.name).sort());
});

describe("looking an ARN up", () => {
    test.each([
        ["the commercial partition", "arn:aws:iam::aws:policy/AdministratorAccess", "AdministratorAccess"],
        ["GovCloud", "arn:aws-us-gov:iam::aws:policy/PowerUserAccess", "PowerUserAccess"],
        ["China", "arn:aws-cn:iam::aws:policy/IAMFullAccess", "IAMFullAccess"],
        ["a path", "arn:aws:iam::aws:policy/job-function/ViewOnlyAccess", "ViewOnlyAccess"],
        ["the wrong path", "arn:aws:iam::aws:policy/ViewOnlyAccess", undefined],
        ["a name in other case (IAM names are case-sensitive)", "arn:aws:iam::aws:policy/administratoraccess", undefined],
        ["a customer policy of the same name", "arn:aws:iam::111122223333:policy/AdministratorAccess", undefined],
        ["an AWS managed policy msp-guard does not know", "arn:aws:iam::aws:policy/AmazonS3FullAccess", undefined],
        ["not an ARN", "AdministratorAccess", undefined],
    ])("%s", (_name, arn, expected) => {
        expect(managedPolicyVerdict(arn)?.name).toBe(expected);
    });

    test("parses the path and name of any AWS managed policy ARN, and only those", () => {
        expect(parseAwsManagedPolicyArn("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")).toEqual({ path: "service-role/", name: "AWSLambdaBasicExecutionRole" });
        expect(parseAwsManagedPolicyArn("arn:aws:iam::111122223333:policy/x")).toBeUndefined();
    });
});
