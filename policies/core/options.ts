// Policy knobs as typed data: one definition yields the JSON schema that Pulumi validates
// (`--policy-pack-config`, Pulumi Cloud) and the TypeScript type a validator reads.

export type JsonSchema = { [key: string]: unknown };

export interface Option<T> {
    readonly default: T;
    readonly schema: JsonSchema;
}

export type Options = Record<string, Option<unknown>>;

/** The typed configuration a validator receives for a set of options. */
export type ConfigOf<O extends Options> = { readonly [K in keyof O]: O[K] extends Option<infer T> ? T : never };

function make<T>(defaultValue: T, schema: JsonSchema): Option<T> {
    return { default: defaultValue, schema: { ...schema, default: defaultValue } };
}

export const option = {
    integer(defaultValue: number, description: string, range: { minimum?: number; maximum?: number } = {}): Option<number> {
        return make(defaultValue, { type: "integer", description, ...range });
    },
    boolean(defaultValue: boolean, description: string): Option<boolean> {
        return make(defaultValue, { type: "boolean", description });
    },
    string(defaultValue: string, description: string, constraints: { pattern?: string; minLength?: number } = {}): Option<string> {
        return make(defaultValue, { type: "string", description, ...constraints });
    },
    strings(defaultValue: string[], description: string, item: { pattern?: string } = {}): Option<string[]> {
        return make(defaultValue, { type: "array", description, items: { type: "string", ...item }, uniqueItems: true });
    },
    integers(defaultValue: number[], description: string, range: { minimum?: number; maximum?: number } = {}): Option<number[]> {
        return make(defaultValue, { type: "array", description, items: { type: "integer", ...range }, uniqueItems: true });
    },
    /** A value of a shape described by a full schema; the caller vouches that T matches it. */
    custom<T>(defaultValue: T, schema: JsonSchema): Option<T> {
        return make(defaultValue, schema);
    },
};

/** Pulumi's `configSchema` for a set of options: every knob optional, every knob with its default. */
export function toConfigSchema(options: Options): { properties: Record<string, JsonSchema> } {
    const properties: Record<string, JsonSchema> = {};
    for (const [key, opt] of Object.entries(options)) properties[key] = opt.schema;
    return { properties };
}
