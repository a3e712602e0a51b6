// The pack starts on every preview, so it must stay light: policies import no cloud SDK at run time (type-only
// imports are erased), and never a package root, which would load hundreds of modules.
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../harness/pack";

function sources(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const full = path.join(dir, e.name);
        return e.isDirectory() ? sources(full) : e.name.endsWith(".ts") ? [full] : [];
    });
}

const files = [path.join(REPO_ROOT, "index.ts"), ...sources(path.join(REPO_ROOT, "policies"))];
const SDK_IMPORT = /^import\s+(?!type\b)[^;]*from\s+"(@pulumi\/(?:aws|azure-native)(?:\/[^"]*)?)"/gm;
const ROOT_IMPORT = /from\s+"@pulumi\/(?:aws|azure-native)"/;
const LIB_PULUMI = /from\s+"@pulumi\//;

describe("imports of the pack", () => {
    test.each(files.map((f) => [path.relative(REPO_ROOT, f), f]))("%s loads no cloud SDK at run time", (_name, file) => {
        const text = fs.readFileSync(file, "utf8");
        expect([...text.matchAll(SDK_IMPORT)].map((m) => m[1])).toEqual([]);
        expect(text).not.toMatch(ROOT_IMPORT);
    });

    test.each(sources(path.join(REPO_ROOT, "policies", "lib")).map((f) => [path.relative(REPO_ROOT, f), f]))("%s (lib) knows nothing of Pulumi", (_name, file) => {
        expect(fs.readFileSync(file, "utf8")).not.toMatch(LIB_PULUMI);
    });
});
