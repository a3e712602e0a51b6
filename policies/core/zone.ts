// The MSP access zone (PRODUCT.md): a resource belongs to it when it carries the `accessZoneTag`, or when it lives
// in a VPC or VNet that does (subnets, security groups, route tables, NSGs, peerings from it). Membership is
// followed through property dependencies, since the ids that link resources are unknown during preview.
import type { PlainObject } from "../lib/value";
import { isUnknown } from "../lib/value";
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

/** Properties through which a resource lives in a network. */
const NETWORK_LINKS = ["vpcId", "virtualNetworkName", "virtualNetworkId", "subnetId", "subnetIds", "networkSecurityGroupId", "routeTableId", "securityGroupIds", "vpcSecurityGroupIds"];

export interface ZoneCandidate {
    urn: string;
    props: PlainObject;
    propertyDependencies: Readonly<Record<string, readonly string[]>>;
}

/** The urns of every resource in the zone: tagged ones, and those linked to a zone network, to a fixpoint. */
export function accessZoneMembers(resources: readonly ZoneCandidate[], zone: ZoneTag): Set<string> {
    const members = new Set(resources.filter((r) => taggedInZone(r.props, zone) === true).map((r) => r.urn));
    let grew = true;
    while (grew) {
        grew = false;
        for (const r of resources) {
            if (members.has(r.urn)) continue;
            const linked = NETWORK_LINKS.some((key) => (r.propertyDependencies[key] ?? []).some((urn) => members.has(urn)));
            if (linked) {
                members.add(r.urn);
                grew = true;
            }
        }
    }
    return members;
}
