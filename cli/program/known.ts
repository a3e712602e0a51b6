// Plausible concrete outputs for `known: true` runs, where a resource's computed outputs are known as after
// `pulumi up`: an id, an ARN for AWS resources, an auto-generated physical name, an Azure resource id. Every value is
// derived deterministically from the resource's urn, so two runs of a program produce the same values.

import { createHash } from "crypto";
import { packageOfType } from "./urn";

export const AWS_ACCOUNT_ID = "123456789012";
export const AWS_DEFAULT_REGION = "us-east-1";
export const AZURE_SUBSCRIPTION_ID = "00000000-0000-0000-0000-000000000000";
export const AZURE_TENANT_ID = "00000000-0000-0000-0000-000000000001";
export const AZURE_CLIENT_ID = "00000000-0000-0000-0000-000000000002";
export const AZURE_OBJECT_ID = "00000000-0000-0000-0000-000000000003";

export interface KnownState {
    id: string;
    /** Computed outputs to add to the inputs (never overriding an input). */
    outputs: Record<string, string>;
}

function hex(seed: string, length: number): string {
    return createHash("sha256").update(seed).digest("hex").slice(0, length);
}

/** A version-4-shaped uuid derived from the seed (provider ids, Azure principal ids). */
export function stableUuid(seed: string): string {
    const h = hex(seed, 32);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Pulumi auto-naming: the logical name and a 7-character random suffix. */
export function autoName(name: string, urn: string): string {
    return `${name}-${hex(urn, 7)}`;
}

/**
 * Plausible outputs of a resource. `region` is the AWS region its provider targets; `physicalName` names a resource
 * that already exists (a read), where a new one would get an auto-name.
 */
export function knownState(
    type: string,
    name: string,
    urn: string,
    inputs: Record<string, unknown>,
    region: string,
    physicalName?: string,
): KnownState {
    const pkg = packageOfType(type);
    const physical = physicalName ?? autoName(name, urn);
    if (pkg === "aws") return awsState(type, urn, inputs, region, physical);
    if (pkg === "azure-native") return azureState(type, inputs, physical);
    const resourceName = typeof inputs.name === "string" ? inputs.name : physical;
    return { id: resourceName, outputs: { name: resourceName } };
}

// ---- AWS ----

/** Type-token module -> ARN service, where they differ. */
const AWS_ARN_SERVICE: Record<string, string> = {
    cfg: "config",
    cloudwatch: "logs",
    lb: "elasticloadbalancing",
    alb: "elasticloadbalancing",
    elb: "elasticloadbalancing",
    sfn: "states",
    cognito: "cognito-idp",
    opensearch: "es",
    elasticsearch: "es",
};

/** IAM resources: global, path-qualified, `arn:aws:iam::<account>:<kind>/<path><name>`. */
const IAM_KINDS: Record<string, string> = {
    role: "role",
    user: "user",
    group: "group",
    policy: "policy",
    instanceProfile: "instance-profile",
    openIdConnectProvider: "oidc-provider",
    samlProvider: "saml-provider",
};

/** EC2 id prefixes (`sg-0a1b...`). */
const EC2_PREFIXES: Record<string, string> = {
    vpc: "vpc",
    subnet: "subnet",
    securityGroup: "sg",
    securityGroupRule: "sgrule",
    internetGateway: "igw",
    natGateway: "nat",
    routeTable: "rtb",
    networkAcl: "acl",
    instance: "i",
    eip: "eipalloc",
    flowLog: "fl",
    vpcPeeringConnection: "pcx",
    vpcEndpoint: "vpce",
    transitGateway: "tgw",
    networkInterface: "eni",
    launchTemplate: "lt",
    keyPair: "key",
};

function awsState(type: string, urn: string, inputs: Record<string, unknown>, region: string, generated: string): KnownState {
    const [, moduleAndResource = ""] = type.split(":");
    const [module = "", resource = ""] = moduleAndResource.split("/");
    const account = AWS_ACCOUNT_ID;
    const str = (key: string): string | undefined => (typeof inputs[key] === "string" ? (inputs[key] as string) : undefined);
    const outputs: Record<string, string> = {};

    if (module === "s3" && (resource === "bucket" || resource === "bucketV2")) {
        const bucket = str("bucket") ?? generated.toLowerCase();
        return { id: bucket, outputs: { bucket, arn: `arn:aws:s3:::${bucket}` } };
    }
    const physical = str("name") ?? generated;
    if (str("name") === undefined) outputs.name = physical;

    if (module === "iam") {
        // IAM is global; only principals and policies have an ARN (attachments and inline policies have none).
        if (IAM_KINDS[resource] === undefined) return { id: physical, outputs };
        const path = str("path") ?? "/";
        outputs.arn = `arn:aws:iam::${account}:${IAM_KINDS[resource]}${path}${physical}`;
        return { id: resource === "policy" ? outputs.arn : physical, outputs };
    }
    if (module === "ec2" && EC2_PREFIXES[resource] !== undefined) {
        const id = `${EC2_PREFIXES[resource]}-${hex(urn, 17)}`;
        outputs.arn = `arn:aws:ec2:${region}:${account}:${kebab(resource)}/${id}`;
        return { id, outputs };
    }
    if (module === "kms" && resource === "key") {
        const id = stableUuid(urn);
        outputs.arn = `arn:aws:kms:${region}:${account}:key/${id}`;
        outputs.keyId = id;
        return { id, outputs };
    }
    const service = AWS_ARN_SERVICE[module] ?? module;
    switch (`${module}/${resource}`) {
        case "sns/topic":
        case "sqs/queue":
            outputs.arn = `arn:aws:${module}:${region}:${account}:${physical}`;
            break;
        case "lambda/function":
            outputs.arn = `arn:aws:lambda:${region}:${account}:function:${physical}`;
            break;
        case "cloudwatch/logGroup":
            outputs.arn = `arn:aws:logs:${region}:${account}:log-group:${physical}`;
            break;
        default:
            outputs.arn = `arn:aws:${service}:${region}:${account}:${kebab(resource)}/${physical}`;
    }
    return { id: physical, outputs };
}

function kebab(s: string): string {
    return s.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

// ---- Azure ----

/** azure-native module -> resource provider namespace, where plain capitalisation is wrong. */
const AZURE_NAMESPACES: Record<string, string> = {
    keyvault: "Microsoft.KeyVault",
    managedservices: "Microsoft.ManagedServices",
    recoveryservices: "Microsoft.RecoveryServices",
    operationalinsights: "Microsoft.OperationalInsights",
    containerservice: "Microsoft.ContainerService",
    containerregistry: "Microsoft.ContainerRegistry",
    dataprotection: "Microsoft.DataProtection",
    managedidentity: "Microsoft.ManagedIdentity",
    documentdb: "Microsoft.DocumentDB",
    dbforpostgresql: "Microsoft.DBforPostgreSQL",
    dbformysql: "Microsoft.DBforMySQL",
    insights: "Microsoft.Insights",
    resources: "Microsoft.Resources",
    securityinsights: "Microsoft.SecurityInsights",
    apimanagement: "Microsoft.ApiManagement",
};

function azureState(type: string, inputs: Record<string, unknown>, generated: string): KnownState {
    const [, module = "", typeName = ""] = type.split(":");
    const namespace = AZURE_NAMESPACES[module] ?? `Microsoft.${module.charAt(0).toUpperCase()}${module.slice(1)}`;
    const subscription = `/subscriptions/${AZURE_SUBSCRIPTION_ID}`;
    const str = (key: string): string | undefined => (typeof inputs[key] === "string" ? (inputs[key] as string) : undefined);

    if (module === "resources" && typeName === "ResourceGroup") {
        const rg = str("resourceGroupName") ?? generated;
        return { id: `${subscription}/resourceGroups/${rg}`, outputs: { name: rg } };
    }
    const resourceName = azureResourceName(typeName, inputs) ?? generated;
    const collection = plural(typeName.charAt(0).toLowerCase() + typeName.slice(1));
    const resourceGroup = str("resourceGroupName");
    const scope = str("scope");
    const base = resourceGroup !== undefined ? `${subscription}/resourceGroups/${resourceGroup}` : scope ?? subscription;
    const id = `${base}/providers/${namespace}/${collection}/${resourceName}`;
    return { id, outputs: { name: resourceName, type: `${namespace}/${collection}` } };
}

/** The `...Name` input naming the resource: `<typeName>Name`, else the only `...Name` input besides the group's. */
function azureResourceName(typeName: string, inputs: Record<string, unknown>): string | undefined {
    const own = inputs[`${typeName.charAt(0).toLowerCase()}${typeName.slice(1)}Name`];
    if (typeof own === "string") return own;
    const candidates = Object.entries(inputs).filter(
        ([k, v]) => k.endsWith("Name") && k !== "resourceGroupName" && typeof v === "string",
    );
    return candidates.length === 1 ? (candidates[0][1] as string) : undefined;
}

function plural(word: string): string {
    if (/[^aeiou]y$/.test(word)) return word.slice(0, -1) + "ies";
    if (/(s|x|ch|sh)$/.test(word)) return word + "es";
    return word + "s";
}
