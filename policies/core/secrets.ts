// Secret awareness. `@pulumi/policy` unwraps secrets before a validator sees a resource's properties, so on its
// own a policy cannot tell that `"hunter2"` was `pulumi.secret("hunter2")`. To guarantee that no message echoes a
// secret, the pack (in index.ts, before serving) wraps the SDK's property deserializer: it asks it to keep the
// secret markers, notes every secret leaf value, then hands the SDK the plain values it expects. Messages are
// scrubbed of those values in one place (the policy wrapper), whatever a validator wrote.

/** Secret leaf values (as strings) per deserialized property bag, keyed by the bag object itself. */
const secretLeaves = new WeakMap<object, string[]>();

interface DeserializeModule {
    deserializeProperties(struct: unknown, proxySecrets: boolean): Record<string, unknown>;
}
interface SecretClass {
    new (value: unknown): { value: unknown };
}

const GET_TARGET = "__getSpecialProxyTarget";
let installed = false;

/** Installs the tracking deserializer. Returns false when the SDK no longer has the shape we rely on. */
export function installSecretTracking(): boolean {
    if (installed) return true;
    const deserialize = require("@pulumi/policy/deserialize") as Partial<DeserializeModule>;
    const { Secret } = require("@pulumi/policy") as { Secret?: SecretClass };
    const original = deserialize.deserializeProperties;
    if (typeof original !== "function" || typeof Secret !== "function") return false;
    deserialize.deserializeProperties = (struct: unknown, proxySecrets: boolean) => {
        // Remediation asks for secret-preserving proxies; keep that path exactly as the SDK has it.
        if (proxySecrets) return original(struct, true);
        const wrapped = original(struct, true) as Record<string, unknown>;
        const target = (wrapped as Record<string, unknown>)[GET_TARGET] as Record<string, unknown> | undefined;
        const props = target ?? wrapped;
        const leaves: string[] = [];
        const plain = unwrapSecrets(props, Secret, false, leaves) as Record<string, unknown>;
        if (leaves.length > 0) secretLeaves.set(plain, leaves);
        return plain;
    };
    installed = true;
    return true;
}

function unwrapSecrets(value: unknown, Secret: SecretClass, insideSecret: boolean, leaves: string[]): unknown {
    if (value instanceof Secret) return unwrapSecrets(value.value, Secret, true, leaves);
    if (Array.isArray(value)) return value.map((v) => unwrapSecrets(v, Secret, insideSecret, leaves));
    if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) out[k] = unwrapSecrets(v, Secret, insideSecret, leaves);
        return out;
    }
    if (insideSecret && value !== null && value !== undefined && typeof value !== "object") leaves.push(String(value), ...leavesOfJson(value));
    return value;
}

/**
 * The leaf values inside a secret that is a JSON document (a policy document passed as `pulumi.secret(JSON.stringify(…))`):
 * a message quoting one element of it (an account id, an ARN) would otherwise reveal part of the secret.
 */
export function leavesOfJson(value: unknown): string[] {
    if (typeof value !== "string" || !/^\s*[[{]/.test(value)) return [];
    let parsed: unknown;
    try {
        parsed = JSON.parse(value);
    } catch {
        return [];
    }
    const leaves: string[] = [];
    const walk = (node: unknown): void => {
        if (Array.isArray(node)) node.forEach(walk);
        else if (node !== null && typeof node === "object") Object.values(node).forEach(walk);
        else if (node !== null) leaves.push(String(node));
    };
    walk(parsed);
    return leaves;
}

/** The secret leaf values of a property bag as the SDK handed it over (proxied or not). */
export function secretValuesOf(props: unknown): string[] {
    if (props === null || typeof props !== "object") return [];
    const target = ((props as Record<string, unknown>)[GET_TARGET] as object | undefined) ?? props;
    return secretLeaves.get(target) ?? [];
}

/** Marks values of a property bag as secret: for tests and runners that build bags by hand. */
export function markSecretValues(props: object, values: string[]): void {
    secretLeaves.set(props, [...(secretLeaves.get(props) ?? []), ...values]);
}

const REDACTED = "[secret]";

/**
 * A function that replaces every occurrence of the given secret values in a message. Built once per evaluation:
 * a stack can hold thousands of secrets and produce thousands of findings, so the values are sorted once, each
 * pattern is compiled only when a message contains its value, and most secrets cost one `includes` per message.
 * Over-redacting is the safe failure.
 */
export function makeScrubber(secrets: readonly string[]): (message: string) => string {
    // Longest first, so a secret that contains another is removed whole.
    const values = [...new Set(secrets)].filter((v) => v.length > 0).sort((a, b) => b.length - a.length);
    if (values.length === 0) return (message) => message;
    const patterns = new Map<string, RegExp>();
    const patternFor = (secret: string): RegExp => {
        let pattern = patterns.get(secret);
        if (!pattern) {
            const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
            // Short values ("7", "true") only as whole words, or every digit in a message would go.
            pattern = secret.length < 4 ? new RegExp(`(?<![\\w.-])${escaped}(?![\\w.-])`, "g") : new RegExp(escaped, "g");
            patterns.set(secret, pattern);
        }
        return pattern;
    };
    return (message) => {
        let out = message;
        for (const secret of values) if (out.includes(secret)) out = out.replace(patternFor(secret), REDACTED);
        return out;
    };
}
