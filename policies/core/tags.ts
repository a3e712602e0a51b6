// Reading tags across AWS and Azure shapes: a `tags` map (both clouds), or a list of `{key, value}` /
// `{Key, Value}` entries (AWS Auto Scaling and a few others). Keys compare case-insensitively: Azure tag names
// are case-insensitive, and our own tag keys should not depend on a user's capitalisation.
import { Plain, PlainObject, Unknown, isPlainObject, isUnknown } from "../lib/value";

export interface TagReading {
    /** Tag values by lower-cased key; a value may be unknown during preview. */
    readonly values: ReadonlyMap<string, string | Unknown>;
    /** The tag set as a whole is unknown during preview, so any tag may be there. */
    readonly unknown: boolean;
}

const NO_TAGS: TagReading = { values: new Map(), unknown: false };

export function readTags(props: PlainObject, property = "tags"): TagReading {
    const raw = props[property];
    if (raw === undefined || raw === null) return NO_TAGS;
    if (isUnknown(raw)) return { values: new Map(), unknown: true };
    const values = new Map<string, string | Unknown>();
    let unknown = false;
    const add = (key: Plain | undefined, value: Plain | undefined) => {
        if (isUnknown(key)) unknown = true;
        else if (typeof key === "string") values.set(key.toLowerCase(), isUnknown(value) ? (value as Unknown) : String(value ?? ""));
    };
    if (Array.isArray(raw)) {
        for (const entry of raw) {
            if (isUnknown(entry)) unknown = true;
            else if (isPlainObject(entry)) add(entry.key ?? entry.Key, entry.value ?? entry.Value);
        }
    } else if (isPlainObject(raw)) {
        for (const [key, value] of Object.entries(raw)) add(key, value);
    }
    return { values, unknown };
}

/** A tag's value, `undefined` when absent. */
export function tagValue(tags: TagReading, key: string): string | Unknown | undefined {
    return tags.values.get(key.toLowerCase());
}
