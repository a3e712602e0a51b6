// Go's encoding/json output, byte for byte: json.Marshal (compact, HTML-safe escaping) and json.MarshalIndent.
// Objects are `Map`s so that the key order is exactly the order the Go code emits (struct field order, or sorted
// keys for Go maps), whatever JavaScript does with integer-like keys.

export type GoJson = null | boolean | number | string | GoJson[] | GoObject;
export type GoObject = Map<string, GoJson>;

/** A Go map: keys in byte order. */
export function goMap(entries: Iterable<[string, GoJson]>): GoObject {
    return new Map([...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** A value decoded into Go's `any`: objects become maps with sorted keys. */
export function fromJson(value: unknown): GoJson {
    if (value === null || typeof value === "boolean" || typeof value === "number" || typeof value === "string") {
        return value;
    }
    if (Array.isArray(value)) return value.map(fromJson);
    if (typeof value === "object") {
        return goMap(Object.entries(value as Record<string, unknown>).map(([k, v]): [string, GoJson] => [k, fromJson(v)]));
    }
    return null;
}

export function marshal(value: GoJson): string {
    return encode(value, undefined, "");
}

export function marshalIndent(value: GoJson, indent: string): string {
    return encode(value, indent, "");
}

function encode(value: GoJson, indent: string | undefined, current: string): string {
    if (value === null) return "null";
    if (typeof value === "boolean") return value ? "true" : "false";
    if (typeof value === "number") return encodeNumber(value);
    if (typeof value === "string") return encodeString(value);
    const inner = indent === undefined ? undefined : current + indent;
    const open = (parts: string[], l: string, r: string): string => {
        if (parts.length === 0) return l + r;
        if (indent === undefined || inner === undefined) return l + parts.join(",") + r;
        return `${l}\n${inner}${parts.join(`,\n${inner}`)}\n${current}${r}`;
    };
    if (Array.isArray(value)) return open(value.map((v) => encode(v, indent, inner ?? "")), "[", "]");
    const separator = indent === undefined ? ":" : ": ";
    const parts: string[] = [];
    for (const [k, v] of value) parts.push(encodeString(k) + separator + encode(v, indent, inner ?? ""));
    return open(parts, "{", "}");
}

/**
 * Go formats float64 as the shortest representation, in exponent form below 1e-6 and from 1e21, where it writes
 * "1e-7" and "1e+21": the same text as JavaScript's.
 */
function encodeNumber(n: number): string {
    if (!Number.isFinite(n)) throw new Error(`json: unsupported value: ${n}`);
    const abs = Math.abs(n);
    return abs !== 0 && (abs < 1e-6 || abs >= 1e21) ? n.toExponential() : String(n);
}

/** Go's encodeState.string with HTML escaping on (the json.Marshal default). */
function encodeString(s: string): string {
    let out = '"';
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0xd800 && c <= 0xdbff) {
            const next = s.charCodeAt(i + 1);
            if (next >= 0xdc00 && next <= 0xdfff) {
                out += s[i] + s[i + 1];
                i++;
            } else {
                out += "\ufffd";
            }
            continue;
        }
        if (c >= 0xdc00 && c <= 0xdfff) {
            out += "\ufffd";
            continue;
        }
        switch (c) {
            case 0x22:
                out += '\\"';
                continue;
            case 0x5c:
                out += "\\\\";
                continue;
            case 0x0a:
                out += "\\n";
                continue;
            case 0x0d:
                out += "\\r";
                continue;
            case 0x09:
                out += "\\t";
                continue;
            case 0x08:
                out += "\\b";
                continue;
            case 0x0c:
                out += "\\f";
                continue;
            case 0x3c:
            case 0x3e:
            case 0x26:
            case 0x2028:
            case 0x2029:
                out += "\\u" + c.toString(16).padStart(4, "0");
                continue;
        }
        out += c < 0x20 ? "\\u" + c.toString(16).padStart(4, "0") : s[i];
    }
    return out + '"';
}

const CRC_TABLE: Uint32Array = (() => {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        table[n] = c >>> 0;
    }
    return table;
})();

/** crc32.ChecksumIEEE of the UTF-8 bytes, as Terraform's create.StringHashcode uses it. */
export function crc32(text: string): number {
    let crc = 0xffffffff;
    for (const byte of Buffer.from(text, "utf8")) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
}
