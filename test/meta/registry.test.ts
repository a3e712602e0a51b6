// Every policy is registered, named for its path, fully described, and has its test and its doc page.
import * as fs from "fs";
import * as path from "path";
import Ajv from "ajv";
import { policies } from "../../policies";
import { RECOMMENDATIONS } from "../../policies/core/metadata";
import { REPO_ROOT } from "../harness/pack";

const POLICY_ROOT = path.join(REPO_ROOT, "policies");
const CLOUDS = ["aws", "azure"];

function policyFiles(): string[] {
    const files: string[] = [];
    for (const cloud of CLOUDS) {
        const cloudDir = path.join(POLICY_ROOT, cloud);
        for (const service of fs.readdirSync(cloudDir)) {
            for (const file of fs.readdirSync(path.join(cloudDir, service))) {
                if (file.endsWith(".ts")) files.push(path.join(cloud, service, file));
            }
        }
    }
    return files.sort();
}

/** `aws/iam/role-trust-mfa.ts` holds `aws-iam-role-trust-mfa`. */
function nameForFile(file: string): string {
    return file.replace(/\.ts$/, "").split(path.sep).join("-");
}

describe("the registry", () => {
    test("lists exactly the policy files under policies/<cloud>/<service>/", () => {
        expect(policies.map((p) => p.name).sort()).toEqual(policyFiles().map(nameForFile).sort());
    });

    test("names are unique", () => {
        const names = policies.map((p) => p.name);
        expect(new Set(names).size).toBe(names.length);
    });

    test.each(policyFiles())("%s exports the policy named for its path", (file) => {
        const mod = require(path.join(POLICY_ROOT, file)) as { default?: { name: string } };
        expect(mod.default?.name).toBe(nameForFile(file));
    });
});

const catalogue = fs.readFileSync(path.join(REPO_ROOT, "..", "shared", "CISA-AA22-131A.md"), "utf8");
const catalogueIds = new Set([...catalogue.matchAll(/^\| (T\d+|R\d+) \|/gm)].map((m) => m[1]));

describe.each(policies.map((p) => [p.name, p] as const))("%s", (_name, policy) => {
    test("name is kebab-case, prefixed by its cloud, and valid for Pulumi", () => {
        expect(policy.name).toMatch(/^(aws|azure)-[a-z0-9]+(-[a-z0-9]+)+$/);
        expect(policy.name).toMatch(/^[a-zA-Z0-9-_.]{1,100}$/);
        expect(policy.name.startsWith(`${policy.cloud}-`)).toBe(true);
    });

    test("has every metadata field", () => {
        expect(policy.description).toMatch(/^[A-Z].{20,}\.$/);
        expect(policy.remediation).toMatch(/^[A-Z].{20,}\.$/);
        expect(["low", "medium", "high", "critical"]).toContain(policy.severity);
        expect(policy.recommendations.length).toBeGreaterThan(0);
        expect(policy.types.length).toBeGreaterThan(0);
        const pulumi = policy.toPulumiPolicy();
        expect(pulumi.framework?.specification).toBe(policy.recommendations.join(", "));
        expect(pulumi.url).toContain(`docs/policies/${policy.name}.md`);
        expect(pulumi.tags).toEqual(expect.arrayContaining([policy.cloud, policy.area, ...policy.recommendations]));
    });

    test("high and critical policies are mandatory by default, others advisory", () => {
        if (policy.deprecated) expect(policy.enforcementLevel).toBe("disabled");
        else expect(policy.enforcementLevel).toBe(policy.severity === "high" || policy.severity === "critical" ? "mandatory" : "advisory");
    });

    test("recommendation ids exist in the advisory's catalogue", () => {
        expect(catalogueIds.size).toBeGreaterThanOrEqual(15);
        for (const id of policy.recommendations) expect(catalogueIds).toContain(id);
        expect(RECOMMENDATIONS.map((r) => r.id).sort()).toEqual([...catalogueIds].sort());
    });

    test("config schema is valid JSON schema, with defaults that satisfy it, and never declares enforcementLevel", () => {
        const schema = policy.toPulumiPolicy().configSchema!;
        expect(Object.keys(schema.properties)).not.toContain("enforcementLevel");
        expect(schema.required ?? []).not.toContain("enforcementLevel");
        const ajv = new Ajv({ strict: true, strictTypes: false });
        for (const [key, property] of Object.entries(schema.properties)) {
            const validate = ajv.compile(property as object);
            expect({ key, valid: validate((property as { default?: unknown }).default) }).toEqual({ key, valid: true });
        }
    });

    test("has a test at the mirrored path and a doc page", () => {
        const [cloud, ...rest] = policy.name.split("-");
        const candidates = policyFiles().filter((f) => nameForFile(f) === policy.name);
        expect(candidates).toHaveLength(1);
        const testFile = path.join(REPO_ROOT, "test", "policies", candidates[0].replace(/\.ts$/, ".test.ts"));
        expect({ cloud, rest: rest.length > 0, test: fs.existsSync(testFile) }).toEqual({ cloud, rest: true, test: true });
        expect(fs.existsSync(path.join(REPO_ROOT, "docs", "policies", `${policy.name}.md`))).toBe(true);
    });
});
