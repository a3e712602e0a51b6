// Public AWS IAM reference data for tests: the shared/ folder sits beside the repository clone (locally and in CI).
import * as fs from "fs";
import * as path from "path";
import type { Plain } from "../../../../policies/lib/value";

// test/policies/lib/iam → repository root is four levels up; shared/ is its sibling.
const REPO_ROOT = path.resolve(__dirname, "..", "..", "..", "..");
export const AWS_IAM_DATA = path.join(REPO_ROOT, "..", "shared", "data", "aws-iam");

/** Action names per service prefix, from the botocore models: a snapshot, so never an exhaustive universe. */
export function actionsByService(): Record<string, string[]> {
    return JSON.parse(fs.readFileSync(path.join(AWS_IAM_DATA, "actions-by-service.json"), "utf8")) as Record<string, string[]>;
}

export interface ManagedPolicy {
    readonly name: string;
    readonly versionId: string;
    readonly document: Plain;
}

export function managedPolicy(name: string): ManagedPolicy {
    return JSON.parse(fs.readFileSync(path.join(AWS_IAM_DATA, "managed-policies", `${name}.json`), "utf8")) as ManagedPolicy;
}

export function managedPolicyNames(): string[] {
    return fs.readdirSync(path.join(AWS_IAM_DATA, "managed-policies")).filter((f) => f.endsWith(".json")).map((f) => f.replace(/\.json$/, ""));
}
