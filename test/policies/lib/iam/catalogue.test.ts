import { actionMatches } from "../../../../policies/lib/iam/actions";
import { ESCALATION_METHODS, IAM_READ_VERBS, IAM_SELF_SERVICE_ACTIONS, IAM_WRITE_ACTIONS, isIamWriteAction } from "../../../../policies/lib/iam/catalogue";
import { actionsByService } from "./data";

describe("the IAM write catalogue", () => {
    const universe = actionsByService();

    test("every IAM action of the published snapshot is a read, a self-service action or a catalogued write", () => {
        const missing = universe.iam
            .map((name) => `iam:${name}`)
            .filter((a) => !IAM_READ_VERBS.some((verb) => a.startsWith(`iam:${verb}`)) && !IAM_SELF_SERVICE_ACTIONS.includes(a) && !IAM_WRITE_ACTIONS.includes(a));
        expect(missing).toEqual([]);
    });

    test("no catalogued write is named like a read", () => {
        expect(IAM_WRITE_ACTIONS.filter((a) => !isIamWriteAction(a))).toEqual([]);
    });

    test("the catalogue has no duplicates", () => {
        expect(new Set(IAM_WRITE_ACTIONS.map((a) => a.toLowerCase())).size).toBe(IAM_WRITE_ACTIONS.length);
    });

    test.each([
        ["a policy write", "iam:PutRolePolicy", true],
        ["PassRole, which is no API call", "iam:PassRole", true],
        ["an action added after the catalogue was written", "iam:CreateSomethingNew", true],
        ["any letter case", "IAM:attachrolepolicy", true],
        ["a Get", "iam:GetRole", false],
        ["a List", "iam:ListRoles", false],
        ["a report generation", "iam:GenerateCredentialReport", false],
        ["a simulation", "iam:SimulatePrincipalPolicy", false],
        ["changing one's own password", "iam:ChangePassword", false],
        ["another service", "s3:PutBucketPolicy", false],
        ["no service prefix", "PutRolePolicy", false],
    ])("isIamWriteAction: %s", (_name, action, expected) => {
        expect(isIamWriteAction(action)).toBe(expected);
    });
});

describe("the escalation catalogue", () => {
    const universe = actionsByService();

    test("ids are unique kebab-case", () => {
        const ids = ESCALATION_METHODS.map((m) => m.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    });

    test("every method has a title, at least one requirement and an https source", () => {
        for (const method of ESCALATION_METHODS) {
            expect(method.title.length).toBeGreaterThan(10);
            expect(method.requires.length).toBeGreaterThan(0);
            expect(method.sources.length).toBeGreaterThan(0);
            for (const source of method.sources) expect(source.url).toMatch(/^https:\/\//);
        }
    });

    // The snapshot lists API operations; a few IAM actions are named differently or are permissions without an API.
    const PERMISSION_ONLY: Readonly<Record<string, string>> = {
        "iam:PassRole": "a permission checked when a role is handed to a service, no API of its own",
        "lambda:InvokeFunction": "the permission for the Invoke API",
    };

    test("every action a method names is concrete, and a published operation where the snapshot knows its service", () => {
        for (const method of ESCALATION_METHODS) {
            for (const action of method.requires.flatMap((r) => r.anyOf)) {
                expect(action).toMatch(/^[a-z0-9-]+:[A-Za-z]+$/);
                const [service, name] = action.split(":");
                if (universe[service] && !(action in PERMISSION_ONLY)) expect(universe[service]).toContain(name);
            }
        }
        expect(universe.lambda).toContain("Invoke");
    });

    test("the Rhino Security Labs methods are all catalogued", () => {
        const rhino = ESCALATION_METHODS.filter((m) => m.sources.some((s) => s.url.endsWith("/aws-privilege-escalation-methods-mitigation/")));
        const actions = new Set(rhino.flatMap((m) => m.requires.flatMap((r) => r.anyOf)));
        for (const action of [
            "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:PassRole", "ec2:RunInstances", "iam:CreateAccessKey",
            "iam:CreateLoginProfile", "iam:UpdateLoginProfile", "iam:AttachUserPolicy", "iam:AttachGroupPolicy", "iam:AttachRolePolicy",
            "iam:PutUserPolicy", "iam:PutGroupPolicy", "iam:PutRolePolicy", "iam:AddUserToGroup", "iam:UpdateAssumeRolePolicy",
            "sts:AssumeRole", "lambda:CreateFunction", "lambda:InvokeFunction", "lambda:CreateEventSourceMapping",
            "lambda:UpdateFunctionCode", "glue:CreateDevEndpoint", "glue:UpdateDevEndpoint", "cloudformation:CreateStack",
            "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition",
        ]) expect(actions).toContain(action);
    });

    test("every PassRole method pairs PassRole with the service action that uses the role", () => {
        for (const method of ESCALATION_METHODS.filter((m) => m.id.includes("pass-role"))) {
            expect(method.requires.some((r) => r.anyOf.includes("iam:PassRole"))).toBe(true);
            expect(method.requires.length).toBeGreaterThan(1);
        }
    });

    test("assuming any role is the one method that needs every resource", () => {
        expect(ESCALATION_METHODS.filter((m) => m.requires.some((r) => r.allResources)).map((m) => m.id)).toEqual(["sts-assume-any-role"]);
        expect(actionMatches("sts:*", "sts:AssumeRole")).toBe(true);
    });
});
