// `npm run docs`: writes docs/policies/<name>.md for every policy and the README's policy table.
import * as fs from "fs";
import * as path from "path";
import { policies } from "../policies";
import { policyDoc, withPolicyTable } from "./docs/render";
import { PACKAGE_ROOT } from "./package-root";

const root = PACKAGE_ROOT;
const docsDir = path.join(root, "docs", "policies");
fs.mkdirSync(docsDir, { recursive: true });
const expected = new Set(policies.map((p) => `${p.name}.md`));
for (const file of fs.readdirSync(docsDir)) {
    if (file.endsWith(".md") && !expected.has(file)) fs.rmSync(path.join(docsDir, file));
}
for (const policy of policies) fs.writeFileSync(path.join(docsDir, `${policy.name}.md`), policyDoc(policy));
const readmePath = path.join(root, "README.md");
const updated = withPolicyTable(fs.readFileSync(readmePath, "utf8"), policies);
if (updated === undefined) {
    console.error("README.md has no policy-table markers; add them where the table belongs.");
    process.exit(1);
}
fs.writeFileSync(readmePath, updated);
console.log(`Wrote ${policies.length} policy pages and the README policy table.`);
