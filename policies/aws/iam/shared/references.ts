// How a property of one resource names other resources of the stack: an IAM attachment's `role`, a membership's
// `users`, an attachment's `policyArn`. During preview the value is unknown (it is another new resource's output),
// and the property dependency says which resource it came from; with known values (an exported stack, `--known`)
// the value itself is the role's name or the policy's ARN. Both are followed; what is left is either a known value
// naming nothing in the stack (a role made elsewhere, an AWS managed policy) or an unknown with no dependency.
import type { StackResourceView, StackView } from "../../../core/policy";
import { asList, isUnknown } from "../../../lib/value";

export interface Reference {
    /** Resources of the wanted types that the property names. */
    readonly resources: readonly StackResourceView[];
    /** Known values that name no resource of the wanted types in the stack. */
    readonly outside: readonly string[];
    /** Some value is unknown during preview and no property dependency says what it names. */
    readonly unknown: boolean;
}

/** Output properties by which IAM resources are named: a name, the provider id, or an ARN. */
export const IDENTIFYING_KEYS: readonly string[] = ["name", "id", "arn"];

export interface ReferenceResolver {
    /** What `from.props[property]` (one value or a list) names among resources of `types`. */
    resolve(from: StackResourceView, property: string, types: readonly string[]): Reference;
}

/** A resolver for one stack; it indexes each type's identifying values on first use. */
export function referenceResolver(stack: StackView): ReferenceResolver {
    const byValue = new Map<string, Map<string, StackResourceView[]>>();
    const indexOf = (type: string): Map<string, StackResourceView[]> => {
        let index = byValue.get(type);
        if (index) return index;
        index = new Map();
        for (const resource of stack.ofType(type)) {
            for (const key of IDENTIFYING_KEYS) {
                const value = resource.props[key];
                if (typeof value !== "string" || value === "") continue;
                const list = index.get(value) ?? [];
                if (!list.includes(resource)) list.push(resource);
                index.set(value, list);
            }
        }
        byValue.set(type, index);
        return index;
    };

    return {
        resolve(from, property, types) {
            const resources: StackResourceView[] = [];
            const add = (r: StackResourceView) => {
                if (!resources.includes(r)) resources.push(r);
            };
            for (const urn of from.propertyDependencies[property] ?? []) {
                const r = stack.byUrn(urn);
                if (r && types.includes(r.type)) add(r);
            }
            const fromDependencies = resources.length;
            const outside: string[] = [];
            let unknownValues = 0;
            for (const value of asList(from.props[property])) {
                if (isUnknown(value)) unknownValues++;
                else if (typeof value === "string" && value !== "") {
                    const named = types.flatMap((t) => indexOf(t).get(value) ?? []);
                    if (named.length) named.forEach(add);
                    else if (!outside.includes(value)) outside.push(value);
                }
            }
            return { resources, outside, unknown: unknownValues > 0 && fromDependencies === 0 };
        },
    };
}
