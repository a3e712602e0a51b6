// The typed config accessor. A validator never parses raw config: it receives `ConfigOf<its options>`, with
// each absent key set to its schema default exactly as the Pulumi CLI fills them (top-level `default`s only),
// and each key checked against its schema. The Pulumi CLI refuses invalid config before a run; this is the
// second line of defence for runners that do not (the SDK's own `getConfig()` applies no defaults either).
import type { ErrorObject, ValidateFunction } from "ajv";
import type { ConfigOf, Options } from "./options";

export interface ConfigReading<O extends Options> {
    config: ConfigOf<O>;
    /** Keys whose value was invalid and replaced by the default, with why. Empty when all is well. */
    problems: string[];
}

type Validators = Map<string, ValidateFunction>;

let ajvInstance: import("ajv").default | undefined;
function ajv(): import("ajv").default {
    // Loaded on first use: most previews never see invalid config, and start-up time matters.
    if (!ajvInstance) {
        const Ajv = (require("ajv") as typeof import("ajv")).default;
        ajvInstance = new Ajv({ allErrors: true, strict: false });
    }
    return ajvInstance;
}

function describeSchemaErrors(errors: ErrorObject[] | null | undefined): string {
    return (errors ?? []).map((e) => `${e.instancePath || "value"} ${e.message ?? "is invalid"}`).join("; ");
}

/**
 * Reads config for one policy; caches the result per distinct raw config, since it rarely changes in a run.
 * The Pulumi CLI sends every key, defaults included; a value equal to its default is valid by construction (a
 * meta-test proves every default satisfies its schema), so only keys set to something else are validated, each
 * with a validator compiled the first time it is needed. That keeps JSON-schema compilation off most previews.
 */
export function makeConfigReader<O extends Options>(options: O): (raw: Record<string, unknown>) => ConfigReading<O> {
    const validators: Validators = new Map();
    const defaults = new Map(Object.entries(options).map(([k, o]) => [k, JSON.stringify(o.default)]));
    let lastKey: string | undefined;
    let lastReading: ConfigReading<O> | undefined;
    return (raw) => {
        const key = JSON.stringify(raw);
        if (key === lastKey && lastReading) return lastReading;
        const config: Record<string, unknown> = {};
        const problems: string[] = [];
        for (const [name, opt] of Object.entries(options)) {
            const given = raw[name];
            if (given === undefined || JSON.stringify(given) === defaults.get(name)) {
                config[name] = opt.default;
                continue;
            }
            let validate = validators.get(name);
            if (!validate) {
                validate = ajv().compile(opt.schema);
                validators.set(name, validate);
            }
            if (validate(given)) {
                config[name] = given;
            } else {
                config[name] = opt.default;
                problems.push(`config key "${name}" is invalid (${describeSchemaErrors(validate.errors)}); using the default`);
            }
        }
        lastKey = key;
        lastReading = { config: config as ConfigOf<O>, problems };
        return lastReading;
    };
}
