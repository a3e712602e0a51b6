import { referenceResolver } from "../../../../../policies/aws/iam/shared/references";
import { Resource, stackOf, UNKNOWN } from "./stack";

const ROLE = "aws:iam/role:Role";
const USER = "aws:iam/user:User";
const ATTACHMENT = "aws:iam/policyAttachment:PolicyAttachment";

function resolve(resources: Resource[], property: string, types = [ROLE]) {
    const stack = stackOf(resources);
    const from = stack.resources.find((r) => r.name === "from")!;
    const ref = referenceResolver(stack).resolve(from, property, types);
    return { names: ref.resources.map((r) => r.name), outside: ref.outside, unknown: ref.unknown };
}

describe("resolving what a property names", () => {
    test.each<[string, Resource[], string, { names: string[]; outside: string[]; unknown: boolean }]>([
        ["an unknown value through its property dependency (preview)", [{ type: ROLE, name: "ops" }, { type: ATTACHMENT, name: "from", props: { roles: [UNKNOWN] }, deps: { roles: ["ops"] } }], "roles", { names: ["ops"], outside: [], unknown: false }],
        ["a known name (exported stack)", [{ type: ROLE, name: "ops", props: { name: "ops-1a2b" } }, { type: ATTACHMENT, name: "from", props: { roles: ["ops-1a2b"] } }], "roles", { names: ["ops"], outside: [], unknown: false }],
        ["a known ARN", [{ type: ROLE, name: "ops", props: { arn: "arn:aws:iam::111122223333:role/ops" } }, { type: ATTACHMENT, name: "from", props: { roles: "arn:aws:iam::111122223333:role/ops" } }], "roles", { names: ["ops"], outside: [], unknown: false }],
        ["a name of a role made elsewhere", [{ type: ATTACHMENT, name: "from", props: { roles: ["legacy"] } }], "roles", { names: [], outside: ["legacy"], unknown: false }],
        ["a mix of both, once each", [{ type: ROLE, name: "ops" }, { type: ATTACHMENT, name: "from", props: { roles: [UNKNOWN, "legacy", "legacy"] }, deps: { roles: ["ops"] } }], "roles", { names: ["ops"], outside: ["legacy"], unknown: false }],
        ["an unknown with no dependency", [{ type: ATTACHMENT, name: "from", props: { roles: [UNKNOWN] } }], "roles", { names: [], outside: [], unknown: true }],
        ["an unknown whose dependency is of another type", [{ type: USER, name: "u" }, { type: ATTACHMENT, name: "from", props: { roles: UNKNOWN }, deps: { roles: ["u"] } }], "roles", { names: [], outside: [], unknown: true }],
        ["a user of the same name is not a role", [{ type: USER, name: "ops", props: { name: "ops" } }, { type: ATTACHMENT, name: "from", props: { roles: ["ops"] } }], "roles", { names: [], outside: ["ops"], unknown: false }],
        ["an omitted property names nothing", [{ type: ATTACHMENT, name: "from", props: {} }], "roles", { names: [], outside: [], unknown: false }],
        ["values that are not strings are ignored", [{ type: ATTACHMENT, name: "from", props: { roles: [7, null, ""] } }], "roles", { names: [], outside: [], unknown: false }],
    ])("%s", (_name, resources, property, expected) => {
        expect(resolve(resources, property)).toEqual(expected);
    });
});
