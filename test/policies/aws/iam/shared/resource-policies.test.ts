import * as fs from "fs";
import * as path from "path";
import { LAMBDA_PERMISSION, lambdaPermissionDocument, RESOURCE_POLICY_PROPERTIES, resourcePolicyOf } from "../../../../../policies/aws/iam/shared/resource-policies";
import { isUnknown, PlainObject, UNKNOWN } from "../../../../../policies/lib/value";
import { REPO_ROOT } from "../../../../harness/pack";

/** The Args interface of an @pulumi/aws resource, found from its type token (`aws:s3/bucketPolicy:BucketPolicy`). */
function argsOf(type: string): string {
    const [, module, name] = /^aws:([^/]+)\/([^:]+):(\w+)$/.exec(type) ?? [];
    const file = path.join(REPO_ROOT, "node_modules", "@pulumi", "aws", module, `${name}.d.ts`);
    const text = fs.readFileSync(file, "utf8");
    const start = text.indexOf(`export interface ${type.split(":")[2]}Args {`);
    return start < 0 ? "" : text.slice(start, text.indexOf("\n}", start));
}

describe("RESOURCE_POLICY_PROPERTIES", () => {
    test.each([...RESOURCE_POLICY_PROPERTIES])("%s has an input %s in the installed SDK", (type, property) => {
        expect(argsOf(type)).toMatch(new RegExp(`\\n\\s+${property}\\??: pulumi\\.Input<`));
    });

    test("a Lambda permission's principal, source account and org are inputs in the installed SDK", () => {
        const args = argsOf(LAMBDA_PERMISSION);
        for (const property of ["principal", "sourceAccount", "principalOrgId", "action", "statementId"]) expect(args).toMatch(new RegExp(`\\n\\s+${property}\\??: pulumi\\.Input<`));
    });
});

describe("lambdaPermissionDocument: the statement a permission adds", () => {
    const statementOf = (props: PlainObject) => {
        const parsed = lambdaPermissionDocument(props);
        return parsed.kind === "document" ? parsed.document.statements[0] : parsed.kind;
    };
    test.each([
        ["an account id", { action: "lambda:InvokeFunction", principal: "444455556666" }, [{ type: "AWS", value: "444455556666" }]],
        ["an account id as a number", { action: "lambda:InvokeFunction", principal: 444455556666 }, [{ type: "AWS", value: "444455556666" }]],
        ["a role ARN", { principal: "arn:aws:iam::444455556666:role/Caller" }, [{ type: "AWS", value: "arn:aws:iam::444455556666:role/Caller" }]],
        ["a service", { principal: "s3.amazonaws.com" }, [{ type: "Service", value: "s3.amazonaws.com" }]],
        ["a China-region service", { principal: "events.amazonaws.com.cn" }, [{ type: "Service", value: "events.amazonaws.com.cn" }]],
        ["anyone", { principal: "*" }, [{ type: "*", value: "*" }]],
        ["an unknown principal", { principal: UNKNOWN }, [{ type: "AWS", value: UNKNOWN }]],
    ] as [string, PlainObject, unknown][])("%s", (_name, props, entries) => {
        const statement = statementOf(props);
        const principal = typeof statement === "object" ? statement.principal : undefined;
        expect(principal !== undefined && !isUnknown(principal) && principal.entries).toEqual(entries);
    });

    test("source account and organization become conditions, the statement id its Sid", () => {
        const statement = statementOf({ principal: "sns.amazonaws.com", sourceAccount: "444455556666", principalOrgId: "o-abc123", statementId: "FromSns", action: "lambda:InvokeFunction" });
        expect(statement).toMatchObject({
            sid: "FromSns",
            condition: [
                { operator: "StringEquals", key: "aws:SourceAccount", values: ["444455556666"] },
                { operator: "StringEquals", key: "aws:PrincipalOrgID", values: ["o-abc123"] },
            ],
        });
    });

    test("no principal, no statement", () => {
        expect(lambdaPermissionDocument({ action: "lambda:InvokeFunction" })).toEqual({ kind: "absent" });
    });
});

describe("resourcePolicyOf", () => {
    test.each([
        ["aws:glacier/vault:Vault", { accessPolicy: "{}" }, "accessPolicy", "invalid"],
        ["aws:s3/bucketPolicy:BucketPolicy", { policy: UNKNOWN }, "policy", "unknown"],
        ["aws:kms/key:Key", {}, "policy", "absent"],
        [LAMBDA_PERMISSION, { principal: "444455556666" }, "principal", "document"],
    ] as [string, PlainObject, string, string][])("%s reads %j", (type, props, property, kind) => {
        expect(resourcePolicyOf(type, props)).toMatchObject({ property, document: { kind } });
    });

    test("a type without a resource policy", () => {
        expect(resourcePolicyOf("aws:iam/role:Role", { policy: "{}" })).toBeUndefined();
        expect(resourcePolicyOf("constructor", {})).toBeUndefined();
    });
});
