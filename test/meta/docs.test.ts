// Generated files are never edited by hand: `npm run docs` writes them, and this fails when they drift.
import * as fs from "fs";
import * as path from "path";
import { policies } from "../../policies";
import { policyDoc, withPolicyTable } from "../../cli/docs/render";
import { REPO_ROOT } from "../harness/pack";

describe("generated docs", () => {
    test.each(policies.map((p) => [p.name, p] as const))("docs/policies/%s.md is current", (name, policy) => {
        const file = path.join(REPO_ROOT, "docs", "policies", `${name}.md`);
        expect(fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "(missing: run npm run docs)").toBe(policyDoc(policy));
    });

    test("no doc page is left for a policy that does not exist", () => {
        const pages = fs.readdirSync(path.join(REPO_ROOT, "docs", "policies")).filter((f) => f.endsWith(".md"));
        expect(pages.sort()).toEqual(policies.map((p) => `${p.name}.md`).sort());
    });

    test("the README's policy table is current", () => {
        const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
        expect(withPolicyTable(readme, policies) ?? "(README has no policy-table markers)").toBe(readme);
    });
});
