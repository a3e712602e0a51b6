// Urns, provider names and durations the way the Pulumi engine builds and parses them
// (sdk/go/common/resource/urn.go, pkg/resource/deploy/providers/provider_request.go, Go's time.ParseDuration).

export const ROOT_STACK_TYPE = "pulumi:pulumi:Stack";
const PROVIDER_TYPE_PREFIX = "pulumi:providers:";

export function providerType(pkg: string): string {
    return PROVIDER_TYPE_PREFIX + pkg;
}

export function isProviderType(type: string): boolean {
    return type.startsWith(PROVIDER_TYPE_PREFIX);
}

/** The package of a type token (`aws:iam/role:Role` -> `aws`), or of a provider type (`pulumi:providers:aws`). */
export function packageOfType(type: string): string {
    return isProviderType(type) ? type.slice(PROVIDER_TYPE_PREFIX.length) : type.split(":")[0];
}

export interface UrnParts {
    stack: string;
    project: string;
    /** The parent-type chain and type, `$`-separated. */
    qualifiedType: string;
    type: string;
    name: string;
}

export function parseUrn(urn: string): UrnParts {
    const parts = urn.split("::");
    const head = parts[0] ?? "";
    const qualifiedType = parts[2] ?? "";
    return {
        stack: head.startsWith("urn:pulumi:") ? head.slice("urn:pulumi:".length) : head,
        project: parts[1] ?? "",
        qualifiedType,
        type: qualifiedType.split("$").pop() ?? "",
        name: parts.slice(3).join("::"),
    };
}

/**
 * `urn:pulumi:<stack>::<project>::<parent-type-chain$>type::name`, as resource.CreateURN builds it: below a parent
 * other than the root stack, the parent's urn up to its name followed by `$`; below the root stack or no parent,
 * the given stack and project (the stack's type never appears in a child's urn).
 */
export function createUrn(stack: string, project: string, parent: string | undefined, type: string, name: string): string {
    if (parent === undefined || parent === "" || parseUrn(parent).qualifiedType === ROOT_STACK_TYPE) {
        return `urn:pulumi:${stack}::${project}::${type}::${name}`;
    }
    return `${parent.slice(0, parent.lastIndexOf("::"))}$${type}::${name}`;
}

/** The name the engine gives the default provider of a package version: `default_7_48_0`. */
export function defaultProviderName(version: string | undefined, pluginDownloadURL?: string): string {
    let base = "default";
    const v = version === undefined || version === "" ? undefined : parseSemver(version);
    if (v !== undefined) {
        base += `_${v.major}_${v.minor}_${v.patch}`;
        for (const pre of v.pre) base += `_${pre}`;
        for (const build of v.build) base += `_${build}`;
    }
    if (pluginDownloadURL !== undefined && pluginDownloadURL !== "") base += `_${intoQName(pluginDownloadURL)}`;
    return base;
}

interface Semver {
    major: number;
    minor: number;
    patch: number;
    pre: string[];
    build: string[];
}

function parseSemver(version: string): Semver | undefined {
    const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+([0-9A-Za-z.-]+))?$/.exec(version.trim());
    if (m === null) return undefined;
    return {
        major: Number(m[1]),
        minor: Number(m[2]),
        patch: Number(m[3]),
        pre: m[4] === undefined ? [] : m[4].split("."),
        build: m[5] === undefined ? [] : m[5].split("."),
    };
}

/** tokens.IntoQName: every segment between `/` made a legal name, characters outside `[A-Za-z0-9_.]` become `_`. */
export function intoQName(s: string): string {
    const segments = s
        .split("/")
        .filter((segment) => segment !== "")
        .map((segment) => {
            const first = /^[A-Za-z_.]$/.test(segment[0]) ? segment[0] : "_";
            return first + segment.slice(1).replace(/[^A-Za-z0-9_.]/g, "_");
        });
    return segments.length === 0 ? "_" : segments.join("/");
}

/** Nanoseconds per unit. */
const DURATION_UNITS: Record<string, number> = {
    ns: 1,
    us: 1e3,
    "µs": 1e3,
    "μs": 1e3,
    ms: 1e6,
    s: 1e9,
    m: 60e9,
    h: 3600e9,
};

/** Go's time.ParseDuration, in seconds: "5m", "1h30m", "1.5h", "300ms". Throws on anything else. */
export function parseGoDuration(text: string): number {
    const invalid = () => new Error(`time: invalid duration "${text}"`);
    let rest = text;
    let sign = 1;
    if (rest.startsWith("-") || rest.startsWith("+")) {
        sign = rest[0] === "-" ? -1 : 1;
        rest = rest.slice(1);
    }
    if (rest === "0") return 0;
    if (rest === "") throw invalid();
    let total = 0;
    const part = /^(\d*(?:\.\d*)?)([a-zµμ]+)/;
    while (rest !== "") {
        const m = part.exec(rest);
        if (m === null || m[1] === "" || m[1] === ".") throw invalid();
        const unit = DURATION_UNITS[m[2]];
        if (unit === undefined) throw new Error(`time: unknown unit "${m[2]}" in duration "${text}"`);
        total += Math.trunc(Number(m[1]) * unit);
        rest = rest.slice(m[0].length);
    }
    return (sign * total) / 1e9;
}
