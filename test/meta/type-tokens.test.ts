// Type coverage as data: every token a policy lists must exist in an installed SDK, as a resource's own type or
// as one of its aliases, so a rename in @pulumi/aws or @pulumi/azure-native never turns into silent compliance.
import * as fs from "fs";
import * as path from "path";
import { policies } from "../../policies";
import { REPO_ROOT } from "../harness/pack";

const SDKS = ["@pulumi/aws", "@pulumi/azure-native"];
const TOKEN = /__pulumiType = '([^']+)'|type: "((?:aws|azure-native):[^"]+)"/g;

function collectTokens(): Set<string> {
    const tokens = new Set<string>();
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (entry.name !== "node_modules" && entry.name !== "types") walk(full);
            } else if (entry.name.endsWith(".js")) {
                const text = fs.readFileSync(full, "utf8");
                for (const m of text.matchAll(TOKEN)) tokens.add(m[1] ?? m[2]);
            }
        }
    };
    for (const sdk of SDKS) walk(path.join(REPO_ROOT, "node_modules", sdk));
    return tokens;
}

describe("type tokens", () => {
    const tokens = collectTokens();

    test("the SDK scan finds the tokens it should", () => {
        expect(tokens).toContain("aws:iam/role:Role");
        expect(tokens).toContain("azure-native:monitor:DiagnosticSetting");
        // v2 names live on as aliases of the v3 classes.
        expect(tokens).toContain("azure-native:insights:DiagnosticSetting");
        expect(tokens).toContain("aws:s3/bucketV2:BucketV2");
    });

    test.each(policies.flatMap((p) => p.types.map((t) => [p.name, t] as const)))("%s: %s exists in an installed SDK", (_policy, type) => {
        if (type.endsWith(":*")) {
            const prefix = type.slice(0, -1);
            expect([...tokens].some((t) => t.startsWith(prefix))).toBe(true);
        } else {
            expect(tokens).toContain(type);
        }
    });
});
