// The MSP access zone (PRODUCT.md): a resource belongs to it when it carries the `accessZoneTag`. (Membership through
// the VPC or VNet a subnet, security group or NSG lives in belongs here too, once a network policy needs it.)
import { isUnknown, PlainObject } from "../lib/value";
import { readTags, tagValue } from "./tags";

export interface ZoneTag {
    key: string;
    value: string;
}

export function parseZoneTag(setting: string): ZoneTag {
    const at = setting.indexOf("=");
    return at < 0 ? { key: setting, value: "" } : { key: setting.slice(0, at), value: setting.slice(at + 1) };
}

/** Whether a resource's own tags place it in the zone: yes, no, or unknown during preview. */
export function taggedInZone(props: PlainObject, zone: ZoneTag): boolean | "unknown" {
    const tags = readTags(props);
    const value = tagValue(tags, zone.key);
    if (value === undefined) return tags.unknown ? "unknown" : false;
    if (isUnknown(value)) return "unknown";
    return value.toLowerCase() === zone.value.toLowerCase();
}
