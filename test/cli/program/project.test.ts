// Reading a program directory: Pulumi.yaml, the stack config file and the entry point, into the child's job.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ProgramError } from "../../../cli/program/errors";
import { loadProjectJob, SECRET_PLACEHOLDER } from "../../../cli/program/project";

/** A throwaway program directory with the given files; removed after the test body. */
function withProgram(files: Record<string, string>, body: (dir: string) => void): void {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "msp-guard-project-"));
    try {
        for (const [name, text] of Object.entries(files)) {
            fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
            fs.writeFileSync(path.join(dir, name), text);
        }
        body(dir);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

function programError(fn: () => unknown): ProgramError {
    try {
        fn();
    } catch (e) {
        if (e instanceof ProgramError) return e;
        throw e;
    }
    throw new Error("expected a ProgramError");
}

describe("loadProjectJob", () => {
    it("reads the stack config: namespaced keys, bare keys in the project namespace, structures as JSON, secure values as secret placeholders", () => {
        withProgram(
            {
                "Pulumi.yaml": "name: shop\nruntime: nodejs\n",
                "index.ts": "",
                "Pulumi.prod.yaml": [
                    "config:",
                    "  aws:region: eu-central-1",
                    "  shop:replicas: 3",
                    "  debug: true",
                    "  shop:dbPassword:",
                    "    secure: v1:abc:def",
                    "  shop:endpoints:",
                    "    primary: https://a.example",
                    "    token:",
                    "      secure: v1:ghi:jkl",
                    "",
                ].join("\n"),
            },
            (dir) => {
                const job = loadProjectJob(dir, { stack: "prod" });
                expect(job.config).toEqual({
                    "aws:region": "eu-central-1",
                    "shop:replicas": "3",
                    "shop:debug": "true",
                    "shop:dbPassword": SECRET_PLACEHOLDER,
                    "shop:endpoints": JSON.stringify({ primary: "https://a.example", token: SECRET_PLACEHOLDER }),
                });
                expect(job.secretKeys.sort()).toEqual(["shop:dbPassword", "shop:endpoints"]);
                expect(job.stack).toBe("prod");
                expect(job.dryRun).toBe(true);
            },
        );
    });

    it("applies Pulumi.yaml config defaults the stack does not override", () => {
        withProgram(
            {
                "Pulumi.yaml": [
                    "name: shop",
                    "runtime: nodejs",
                    "config:",
                    "  location:",
                    "    type: string",
                    "    default: westeurope",
                    "  tier: basic",
                    "  aws:region:",
                    "    value: us-west-2",
                    "",
                ].join("\n"),
                "index.ts": "",
                "Pulumi.dev.yaml": "config:\n  shop:tier: premium\n",
            },
            (dir) => {
                expect(loadProjectJob(dir, {}).config).toEqual({
                    "shop:location": "westeurope",
                    "shop:tier": "premium",
                    "aws:region": "us-west-2",
                });
            },
        );
    });

    it("the default stack is dev and a missing stack config file means no config", () => {
        withProgram({ "Pulumi.yaml": "name: shop\nruntime: nodejs\n", "index.js": "" }, (dir) => {
            const job = loadProjectJob(dir, {});
            expect(job.stack).toBe("dev");
            expect(job.config).toEqual({});
            expect(job.mainFile).toBe(path.join(dir, "index.js"));
        });
    });

    it("with known, the run is not a dry run", () => {
        withProgram({ "Pulumi.yaml": "name: shop\nruntime: nodejs\n", "index.ts": "" }, (dir) => {
            expect(loadProjectJob(dir, { known: true }).dryRun).toBe(false);
        });
    });

    it("resolves the entry point: Pulumi.yaml main, package.json main, index.js before index.ts", () => {
        withProgram({ "Pulumi.yaml": "name: a\nruntime: nodejs\nmain: src/\n", "src/index.ts": "" }, (dir) => {
            expect(loadProjectJob(dir, {}).mainFile).toBe(path.join(dir, "src", "index.ts"));
        });
        withProgram({ "Pulumi.yaml": "name: a\nruntime: nodejs\nmain: app\n", "app.ts": "" }, (dir) => {
            expect(loadProjectJob(dir, {}).mainFile).toBe(path.join(dir, "app.ts"));
        });
        withProgram(
            { "Pulumi.yaml": "name: a\nruntime: nodejs\n", "package.json": '{"main": "lib/run.js"}', "lib/run.js": "", "index.ts": "" },
            (dir) => {
                expect(loadProjectJob(dir, {}).mainFile).toBe(path.join(dir, "lib", "run.js"));
            },
        );
        withProgram({ "Pulumi.yaml": "name: a\nruntime: nodejs\n", "index.ts": "", "index.js": "" }, (dir) => {
            expect(loadProjectJob(dir, {}).mainFile).toBe(path.join(dir, "index.js"));
        });
    });

    it("honours the object form of runtime and its typescript, tsconfig and nodeargs options", () => {
        withProgram(
            {
                "Pulumi.yaml":
                    "name: a\nruntime:\n  name: nodejs\n  options:\n    typescript: false\n    tsconfig: build/tsconfig.json\n" +
                    "    nodeargs: --max-old-space-size=4096  --no-warnings\n",
                "index.js": "",
            },
            (dir) => {
                const job = loadProjectJob(dir, {});
                expect(job.typescript).toBe(false);
                expect(job.tsconfigPath).toBe(path.join(dir, "build", "tsconfig.json"));
                expect(job.nodeArgs).toEqual(["--max-old-space-size=4096", "--no-warnings"]);
            },
        );
    });

    it("a program without an entry point is a missing-main error", () => {
        withProgram({ "Pulumi.yaml": "name: a\nruntime: nodejs\n", "README.md": "" }, (dir) => {
            const error = programError(() => loadProjectJob(dir, {}));
            expect(error.kind).toBe("missing-main");
            expect(error.detail).toContain("no index.ts, index.js or package.json main");
        });
    });

    it("a runtime other than nodejs is refused", () => {
        withProgram({ "Pulumi.yaml": "name: a\nruntime: python\n", "__main__.py": "" }, (dir) => {
            const error = programError(() => loadProjectJob(dir, {}));
            expect(error.kind).toBe("project");
            expect(error.detail).toContain('runtime "python" is not supported');
            expect(error.file).toBe(path.join(dir, "Pulumi.yaml"));
        });
    });

    it("invalid YAML in the stack config names the file and line", () => {
        withProgram(
            { "Pulumi.yaml": "name: a\nruntime: nodejs\n", "index.ts": "", "Pulumi.dev.yaml": "config:\n  a:b: [1, 2\n  c:d: 3\n" },
            (dir) => {
                const error = programError(() => loadProjectJob(dir, {}));
                expect(error.kind).toBe("config");
                expect(error.file).toBe(path.join(dir, "Pulumi.dev.yaml"));
                expect(error.line).toBe(3);
            },
        );
    });

    it("an explicit stack config file that does not exist is an error", () => {
        withProgram({ "Pulumi.yaml": "name: a\nruntime: nodejs\n", "index.ts": "" }, (dir) => {
            const error = programError(() => loadProjectJob(dir, { stackConfigFile: path.join(dir, "nope.yaml") }));
            expect(error.kind).toBe("config");
        });
    });

    it("no Pulumi.yaml is a project error", () => {
        withProgram({ "index.ts": "" }, (dir) => {
            expect(programError(() => loadProjectJob(dir, {})).kind).toBe("project");
        });
    });
});
