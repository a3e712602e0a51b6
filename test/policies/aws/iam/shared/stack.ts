// A StackView built from minimal resources, for the shared IAM helpers' tests (policies get theirs from the wrapper).
import type { StackResourceView, StackView } from "../../../../../policies/core/policy";
import { PlainObject, UNKNOWN } from "../../../../../policies/lib/value";

export { UNKNOWN };

export interface Resource {
    type: string;
    name: string;
    props?: PlainObject;
    /** property → names of resources (of any type in the stack) it depends on. */
    deps?: Record<string, string[]>;
}

export const urnOf = (type: string, name: string): string => `urn:pulumi:dev::test::${type}::${name}`;

export function stackOf(resources: Resource[]): StackView {
    const byName = new Map(resources.map((r) => [r.name, r]));
    const views: StackResourceView[] = resources.map((r) => ({
        type: r.type,
        name: r.name,
        urn: urnOf(r.type, r.name),
        props: r.props ?? {},
        dependencies: [],
        propertyDependencies: Object.fromEntries(
            Object.entries(r.deps ?? {}).map(([key, names]) => [key, names.map((n) => urnOf(byName.get(n)?.type ?? "unknown:x:X", n))]),
        ),
    }));
    return {
        resources: views,
        ofType: (...types) => views.filter((v) => types.includes(v.type)),
        byUrn: (urn) => views.find((v) => v.urn === urn),
    };
}
