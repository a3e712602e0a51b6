// Every example stack: exactly its expected findings; compliant examples have none at all.
import * as fs from "fs";
import * as path from "path";
import { exampleDirs, runExample } from "../../cli/run/examples";
import { REPO_ROOT } from "../harness/pack";

const EXAMPLES = path.join(REPO_ROOT, "examples");

describe("example stacks", () => {
    test("there are compliant and non-compliant twins for AWS and Azure", () => {
        const names = exampleDirs(EXAMPLES).map((d) => path.basename(d));
        for (const cloud of ["aws", "azure"]) {
            expect(names.filter((n) => n.startsWith(`${cloud}-`) && n.endsWith("-compliant") && !n.endsWith("noncompliant"))).not.toHaveLength(0);
            expect(names.filter((n) => n.startsWith(`${cloud}-`) && n.endsWith("-noncompliant"))).not.toHaveLength(0);
        }
    });

    test.each(exampleDirs(EXAMPLES).map((d) => [path.basename(d), d]))("%s finds exactly what expected.json says", async (name, dir) => {
        const result = await runExample(dir, REPO_ROOT);
        expect({ missing: result.missing, unexpected: result.unexpected }).toEqual({ missing: [], unexpected: [] });
        if (name.endsWith("-noncompliant")) expect(result.report.findings.length).toBeGreaterThan(0);
        else expect(result.report.findings).toEqual([]);
        // Every example is a real Pulumi program: a project file and an entry point.
        expect(fs.existsSync(path.join(dir, "Pulumi.yaml"))).toBe(true);
        expect(fs.existsSync(path.join(dir, "index.ts"))).toBe(true);
    });
});
