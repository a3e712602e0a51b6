// Data-source calls (invokes) answered offline. A known token returns what its provider would plausibly return for
// the fixed offline identity (account 123456789012, the configured region, the zero Azure subscription); any other
// token echoes its arguments so that a program never fails on a call nobody mocked.

import { AWS_ACCOUNT_ID, AZURE_CLIENT_ID, AZURE_OBJECT_ID, AZURE_SUBSCRIPTION_ID, AZURE_TENANT_ID } from "./known";
import { renderPolicyDocument } from "./policy-document";

export interface InvokeContext {
    /** AWS region of the provider the call goes to (explicit provider, else `aws:region`, else us-east-1). */
    awsRegion: string;
}

type InvokeHandler = (args: Record<string, unknown>, ctx: InvokeContext) => Record<string, unknown>;

const HANDLERS: Record<string, InvokeHandler> = {
    "aws:iam/getPolicyDocument:getPolicyDocument": (args) => renderPolicyDocument(args),
    "aws:index/getCallerIdentity:getCallerIdentity": () => ({
        accountId: AWS_ACCOUNT_ID,
        arn: `arn:aws:iam::${AWS_ACCOUNT_ID}:user/msp-guard-offline`,
        id: AWS_ACCOUNT_ID,
        userId: "AIDAMSPGUARDOFFLINE01",
    }),
    "aws:index/getRegion:getRegion": (args, ctx) => {
        const region = stringArg(args.region) ?? stringArg(args.name) ?? ctx.awsRegion;
        return { ...args, description: region, endpoint: `ec2.${region}.amazonaws.com`, id: region, name: region, region };
    },
    "aws:index/getPartition:getPartition": (_args, ctx) => {
        const partition = partitionOf(ctx.awsRegion);
        const dnsSuffix = partition === "aws-cn" ? "amazonaws.com.cn" : "amazonaws.com";
        return { dnsSuffix, id: partition, partition, reverseDnsPrefix: dnsSuffix.split(".").reverse().join(".") };
    },
    "aws:index/getAvailabilityZones:getAvailabilityZones": (args, ctx) => {
        const region = stringArg(args.region) ?? ctx.awsRegion;
        const excludeNames = stringList(args.excludeNames);
        const excludeZoneIds = stringList(args.excludeZoneIds);
        const short = zoneIdPrefix(region);
        const zones = ["a", "b", "c"]
            .map((letter, i) => ({ name: `${region}${letter}`, zoneId: `${short}-az${i + 1}` }))
            .filter((z) => !excludeNames.includes(z.name) && !excludeZoneIds.includes(z.zoneId));
        return {
            ...args,
            groupNames: [region],
            id: region,
            names: zones.map((z) => z.name),
            region,
            zoneIds: zones.map((z) => z.zoneId),
        };
    },
    "azure-native:authorization:getClientConfig": () => ({
        clientId: AZURE_CLIENT_ID,
        objectId: AZURE_OBJECT_ID,
        subscriptionId: AZURE_SUBSCRIPTION_ID,
        tenantId: AZURE_TENANT_ID,
    }),
};

/** The result of invoke `token`: a known token's answer, else the arguments themselves. */
export function runInvoke(token: string, args: Record<string, unknown>, ctx: InvokeContext): Record<string, unknown> {
    const handler = HANDLERS[token];
    return handler === undefined ? { ...args } : handler(args, ctx);
}

/** `us-east-1` -> `use1`, `ap-southeast-2` -> `apse2`: the prefix of AWS zone ids. */
function zoneIdPrefix(region: string): string {
    const [area = "", direction = "", number = ""] = region.split("-");
    const compass = direction
        .replace(/north/g, "n")
        .replace(/south/g, "s")
        .replace(/east/g, "e")
        .replace(/west/g, "w")
        .replace(/central/g, "c");
    return `${area}${compass}${number}`;
}

function partitionOf(region: string): string {
    if (region.startsWith("cn-")) return "aws-cn";
    if (region.startsWith("us-gov-")) return "aws-us-gov";
    if (region.startsWith("us-iso-")) return "aws-iso";
    if (region.startsWith("us-isob-")) return "aws-iso-b";
    return "aws";
}

function stringArg(value: unknown): string | undefined {
    return typeof value === "string" && value !== "" ? value : undefined;
}

function stringList(value: unknown): string[] {
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
