// A deterministic, preview-shaped stack for the benchmark: what the engine would send for a program that mixes
// resource types msp-guard's policies read (log groups, VPCs and their flow logs, IAM roles and resource policies,
// Log Analytics workspaces, exemption tags on any AWS or Azure resource) with types no policy reads (subnets,
// parameters, random passwords). Values the engine would not know during a first preview are the unknown
// sentinel; some inputs are secrets. Same seed and count, same resources.
import { UNKNOWN_SENTINEL, WireProperties, WireProvider, WireResource, WireValue, wireSecret } from "../cli/driver/wire";

const STACK = "bench";
const PROJECT = "bench";

export function urnOf(type: string, name: string): string {
    return `urn:pulumi:${STACK}::${PROJECT}::${type}::${name}`;
}

/** A small, fast, seeded generator (mulberry32): the same seed gives the same stack on every machine. */
export function seededRandom(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
        state = (state + 0x6d2b79f5) >>> 0;
        let t = state;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

type Weighted<T> = ReadonlyArray<readonly [T, number]>;

class Picker {
    constructor(private readonly random: () => number) {}

    chance(p: number): boolean {
        return this.random() < p;
    }

    int(min: number, max: number): number {
        return min + Math.floor(this.random() * (max - min + 1));
    }

    one<T>(values: readonly T[]): T {
        return values[Math.floor(this.random() * values.length)];
    }

    weighted<T>(choices: Weighted<T>): T {
        const total = choices.reduce((sum, [, w]) => sum + w, 0);
        let roll = this.random() * total;
        for (const [value, weight] of choices) {
            roll -= weight;
            if (roll < 0) return value;
        }
        return choices[choices.length - 1][0];
    }
}

/** Marks a value absent from the inputs (the property is omitted). */
const OMIT = Symbol("omit");
type Maybe = WireValue | typeof OMIT;

function props(entries: Record<string, Maybe>): WireProperties {
    const out: WireProperties = {};
    for (const [key, value] of Object.entries(entries)) if (value !== OMIT) out[key] = value;
    return out;
}

const STACK_URN = urnOf("pulumi:pulumi:Stack", `${PROJECT}-${STACK}`);

const AWS_PROVIDER: WireProvider = {
    type: "pulumi:providers:aws",
    name: "default_7_48_0",
    urn: urnOf("pulumi:providers:aws", "default_7_48_0"),
    properties: { region: "eu-west-1", skipCredentialsValidation: "false", version: "7.48.0" },
};
const AZURE_PROVIDER: WireProvider = {
    type: "pulumi:providers:azure-native",
    name: "default_3_28_0",
    urn: urnOf("pulumi:providers:azure-native", "default_3_28_0"),
    properties: { location: "westeurope", version: "3.28.0" },
};
const RANDOM_PROVIDER: WireProvider = {
    type: "pulumi:providers:random",
    name: "default_4_18_0",
    urn: urnOf("pulumi:providers:random", "default_4_18_0"),
    properties: { version: "4.18.0" },
};

/** Accounts that show up in trust policies: the customer's own, an MSP, a SaaS vendor, an unknown one. */
const ACCOUNTS = ["111111111111", "222222222222", "333333333333", "444444444444"];
const POLICY_NAMES_IN_EXEMPTIONS = [
    "aws-cloudwatch-log-group-retention",
    "aws-ec2-access-zone-vpc-flow-logs",
    "azure-operationalinsights-workspace-retention",
    "aws-s3-no-such-policy",
];

/** Builds resources in dependency order; each group adds one resource and its dependants. */
class StackBuilder {
    readonly resources: WireResource[] = [];
    private serial = 0;

    constructor(private readonly pick: Picker) {}

    private add(type: string, prefix: string, provider: WireProvider, properties: WireProperties, deps: Record<string, string[]> = {}): WireResource {
        const name = `${prefix}-${++this.serial}`;
        const dependencies = [...new Set(Object.values(deps).flat())];
        const resource: WireResource = {
            urn: urnOf(type, name),
            type,
            name,
            properties,
            parent: STACK_URN,
            dependencies,
            propertyDependencies: deps,
            provider,
        };
        this.resources.push(resource);
        return resource;
    }

    addRoots(): void {
        this.resources.push({ urn: STACK_URN, type: "pulumi:pulumi:Stack", name: `${PROJECT}-${STACK}`, properties: {} });
        for (const p of [AWS_PROVIDER, AZURE_PROVIDER, RANDOM_PROVIDER]) {
            this.resources.push({ urn: p.urn, type: p.type, name: p.name, properties: p.properties, parent: STACK_URN });
        }
        // One per account, and too weak.
        this.add("aws:iam/accountPasswordPolicy:AccountPasswordPolicy", "password-policy", AWS_PROVIDER, props({
            minimumPasswordLength: 8,
            requireLowercaseCharacters: true,
            requireUppercaseCharacters: true,
            requireNumbers: true,
            requireSymbols: false,
            allowUsersToChangePassword: true,
        }));
    }

    /** Ordinary tags, sometimes an exemption (valid, naming an unknown policy, lapsed, without a reason). */
    private tags(extra: Record<string, WireValue> = {}): WireValue {
        const tags: Record<string, WireValue> = { team: this.pick.one(["platform", "data", "web", "security"]), env: this.pick.one(["dev", "prod"]), ...extra };
        if (this.pick.chance(0.05)) {
            tags["msp-guard:exempt"] = this.pick.one(POLICY_NAMES_IN_EXEMPTIONS);
            if (this.pick.chance(0.8)) tags["msp-guard:exempt-reason"] = "Ticket SEC-1234: legacy system, decommissioned next quarter";
            tags["msp-guard:exempt-until"] = this.pick.one(["2099-12-31", "2020-01-01", "31/12/2099"]);
        }
        return tags;
    }

    logGroup(): void {
        const retention = this.pick.weighted<Maybe>([
            [OMIT, 10],
            [1, 3],
            [7, 6],
            [14, 6],
            [30, 15],
            [90, 10],
            [180, 15],
            [365, 20],
            [731, 5],
            [0, 2],
            [UNKNOWN_SENTINEL, 4],
            [wireSecret(400), 2],
            ["thirty", 1],
        ]);
        this.add("aws:cloudwatch/logGroup:LogGroup", "log-group", AWS_PROVIDER, props({
            name: `/aws/lambda/function-${this.serial + 1}`,
            retentionInDays: retention,
            kmsKeyId: this.pick.chance(0.3) ? UNKNOWN_SENTINEL : OMIT,
            skipDestroy: false,
            tags: this.tags(),
        }));
    }

    /** A bucket, sometimes with a bucket policy that grants another account read access. */
    bucket(): void {
        const bucket = this.add("aws:s3/bucketV2:BucketV2", "bucket", AWS_PROVIDER, props({
            bucket: this.pick.chance(0.5) ? `bench-bucket-${this.serial + 1}` : OMIT,
            forceDestroy: false,
            objectLockEnabled: this.pick.chance(0.2),
            tags: this.pick.chance(0.03) ? UNKNOWN_SENTINEL : this.tags({ "data-class": this.pick.one(["public", "internal", "confidential"]) }),
        }));
        if (this.pick.chance(0.3)) {
            const document = JSON.stringify({
                Version: "2012-10-17",
                Statement: [{ Sid: "CrossAccountRead", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${this.pick.one(ACCOUNTS)}:root` }, Action: ["s3:GetObject", "s3:ListBucket"], Resource: "*" }],
            });
            this.add("aws:s3/bucketPolicy:BucketPolicy", "bucket-policy", AWS_PROVIDER, props({
                bucket: UNKNOWN_SENTINEL,
                policy: this.pick.weighted<WireValue>([[document, 80], [UNKNOWN_SENTINEL, 15], [wireSecret(document), 5]]),
            }), { bucket: [bucket.urn] });
        }
    }

    role(): void {
        const account = this.pick.one(ACCOUNTS);
        const principal: WireValue = this.pick.chance(0.6) ? { AWS: `arn:aws:iam::${account}:root` } : { Service: this.pick.one(["lambda.amazonaws.com", "ec2.amazonaws.com", "ecs-tasks.amazonaws.com"]) };
        const statement: Record<string, WireValue> = { Sid: "Trust", Effect: "Allow", Principal: principal, Action: "sts:AssumeRole" };
        if (this.pick.chance(0.4)) statement.Condition = { Bool: { "aws:MultiFactorAuthPresent": "true" } };
        const document = JSON.stringify({ Version: "2012-10-17", Statement: [statement] });
        const msp = this.pick.chance(0.15);
        this.add("aws:iam/role:Role", "role", AWS_PROVIDER, props({
            name: OMIT,
            path: msp && this.pick.chance(0.5) ? "/msp/" : "/",
            assumeRolePolicy: this.pick.weighted<WireValue>([[document, 85], [wireSecret(document), 10], [UNKNOWN_SENTINEL, 5]]),
            managedPolicyArns: this.pick.chance(0.5) ? ["arn:aws:iam::aws:policy/ReadOnlyAccess"] : [],
            maxSessionDuration: this.pick.one([3600, 3600, 14400, 43200]),
            tags: this.tags(msp ? { "msp:provider": "acme-msp" } : {}),
        }));
    }

    parameter(): void {
        this.add("aws:ssm/parameter:Parameter", "parameter", AWS_PROVIDER, props({
            name: `/app/config/${this.serial + 1}`,
            type: "SecureString",
            value: wireSecret(`s3cr3t-value-${this.pick.int(100000, 999999)}`),
            tags: this.tags(),
        }));
    }

    /** A VPC with subnets and a security group, usually a flow log; some in the access zone. */
    network(): void {
        const zone = this.pick.weighted<WireValue>([
            [{ Name: "workload" }, 60],
            [{ Name: "msp-access", "msp:zone": "access" }, 30],
            [{ Name: "msp-access", "msp:zone": UNKNOWN_SENTINEL }, 4],
            [UNKNOWN_SENTINEL, 3],
            [{ Name: "msp-access", "MSP:Zone": "ACCESS" }, 3],
        ]);
        const octet = this.pick.int(0, 255);
        const vpc = this.add("aws:ec2/vpc:Vpc", "vpc", AWS_PROVIDER, props({
            cidrBlock: `10.${octet}.0.0/16`,
            enableDnsHostnames: true,
            enableDnsSupport: true,
            tags: typeof zone === "object" && zone !== null && !Array.isArray(zone) ? this.tags(zone) : zone,
        }));
        const subnets = this.pick.int(1, 3);
        for (let i = 0; i < subnets; i++) {
            this.add("aws:ec2/subnet:Subnet", "subnet", AWS_PROVIDER, props({
                vpcId: UNKNOWN_SENTINEL,
                cidrBlock: `10.${octet}.${i}.0/24`,
                mapPublicIpOnLaunch: this.pick.chance(0.2),
                tags: this.tags(),
            }), { vpcId: [vpc.urn] });
        }
        this.add("aws:ec2/securityGroup:SecurityGroup", "security-group", AWS_PROVIDER, props({
            vpcId: UNKNOWN_SENTINEL,
            description: "Managed by Pulumi",
            ingress: [
                { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
                { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [this.pick.one(["10.0.0.0/8", "203.0.113.0/24", "0.0.0.0/0"])] },
            ],
            egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
            tags: this.tags(),
        }), { vpcId: [vpc.urn] });
        if (this.pick.chance(0.75)) {
            const logs = this.add("aws:cloudwatch/logGroup:LogGroup", "flow-log-group", AWS_PROVIDER, props({
                retentionInDays: this.pick.one([90, 180, 365]),
                tags: this.tags(),
            }));
            this.add("aws:ec2/flowLog:FlowLog", "flow-log", AWS_PROVIDER, props({
                vpcId: UNKNOWN_SENTINEL,
                trafficType: this.pick.weighted<WireValue>([["ALL", 80], ["REJECT", 12], [UNKNOWN_SENTINEL, 4], ["accept", 4]]),
                logDestination: UNKNOWN_SENTINEL,
                logDestinationType: "cloud-watch-logs",
                iamRoleArn: UNKNOWN_SENTINEL,
                maxAggregationInterval: 600,
                tags: this.tags(),
            }), { vpcId: [vpc.urn], logDestination: [logs.urn] });
        }
    }

    /** A resource group with a Log Analytics workspace, usually a virtual network too. */
    azure(): void {
        const group = this.add("azure-native:resources:ResourceGroup", "rg", AZURE_PROVIDER, props({ location: "westeurope", tags: this.tags() }));
        const skuName = this.pick.weighted<WireValue>([["PerGB2018", 85], ["Free", 5], [UNKNOWN_SENTINEL, 3], ["CapacityReservation", 7]]);
        this.add("azure-native:operationalinsights:Workspace", "workspace", AZURE_PROVIDER, props({
            resourceGroupName: UNKNOWN_SENTINEL,
            location: "westeurope",
            sku: { name: skuName },
            retentionInDays: this.pick.weighted<Maybe>([[OMIT, 15], [30, 20], [90, 15], [180, 20], [365, 20], [730, 5], [UNKNOWN_SENTINEL, 5]]),
            features: { enableLogAccessUsingOnlyResourcePermissions: true },
            tags: this.tags(),
        }), { resourceGroupName: [group.urn] });
        if (this.pick.chance(0.7)) {
            const octet = this.pick.int(0, 255);
            this.add("azure-native:network:VirtualNetwork", "vnet", AZURE_PROVIDER, props({
                resourceGroupName: UNKNOWN_SENTINEL,
                location: "westeurope",
                addressSpace: { addressPrefixes: [`10.${octet}.0.0/16`] },
                subnets: [
                    { name: "workload", addressPrefix: `10.${octet}.1.0/24` },
                    { name: "AzureBastionSubnet", addressPrefix: `10.${octet}.2.0/26` },
                ],
                tags: this.tags(this.pick.chance(0.3) ? { "msp:zone": "access" } : {}),
            }), { resourceGroupName: [group.urn] });
        }
    }

    password(): void {
        this.add("random:index/randomPassword:RandomPassword", "password", RANDOM_PROVIDER, props({ length: 24, special: true, overrideSpecial: "!#$%" }));
    }
}

type Group = "logGroup" | "bucket" | "role" | "parameter" | "network" | "azure" | "password";
const GROUPS: Weighted<Group> = [
    ["logGroup", 20],
    ["bucket", 18],
    ["role", 14],
    ["parameter", 6],
    ["network", 5],
    ["azure", 4],
    ["password", 3],
];

/** `count` resources (the stack and its default providers included), the same for the same seed. */
export function generateStack(count: number, seed: number): WireResource[] {
    const pick = new Picker(seededRandom(seed));
    const builder = new StackBuilder(pick);
    builder.addRoots();
    while (builder.resources.length < count) builder[pick.weighted(GROUPS)]();
    // A group may overshoot; what is cut is always a dependant, never a resource something else points at.
    return builder.resources.slice(0, count);
}

/** One resource a policy reads and flags, for timing a pack's first verdict. */
export function probeResource(): WireResource {
    const type = "aws:cloudwatch/logGroup:LogGroup";
    return {
        urn: urnOf(type, "probe"),
        type,
        name: "probe",
        properties: { name: "/aws/lambda/probe", retentionInDays: 30, tags: { team: "platform" } },
        parent: STACK_URN,
        provider: AWS_PROVIDER,
    };
}

/** How many resources of each type: for the report, so a reader sees what was measured. */
export function typeCounts(resources: readonly WireResource[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const r of resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
    return counts;
}
