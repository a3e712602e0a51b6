// Where this package lives, whether running from source (tests) or from dist/ (the built command).
import * as fs from "fs";
import * as path from "path";

function findRoot(start: string): string {
    for (let dir = start; ; dir = path.dirname(dir)) {
        const manifest = path.join(dir, "package.json");
        if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, "utf8")) as { name?: string }).name === "msp-guard") return dir;
        if (path.dirname(dir) === dir) throw new Error(`msp-guard's package.json not found above ${start}`);
    }
}

export const PACKAGE_ROOT = findRoot(__dirname);
export const VERSION = (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string }).version;
