// The values the stand-in engine makes up offline: data-source answers, and plausible outputs for `known: true`.
import { runInvoke } from "../../../cli/program/invokes";
import { autoName, knownState, stableUuid } from "../../../cli/program/known";

const ctx = { awsRegion: "eu-west-1" };

describe("runInvoke", () => {
    it("getCallerIdentity is the offline account", () => {
        expect(runInvoke("aws:index/getCallerIdentity:getCallerIdentity", {}, ctx)).toEqual({
            accountId: "123456789012",
            arn: "arn:aws:iam::123456789012:user/msp-guard-offline",
            id: "123456789012",
            userId: "AIDAMSPGUARDOFFLINE01",
        });
    });

    it.each([
        { name: "the provider's region", args: {}, region: "eu-west-1" },
        { name: "an explicit region argument", args: { region: "ap-southeast-2" }, region: "ap-southeast-2" },
    ])("getRegion answers $name", ({ args, region }) => {
        expect(runInvoke("aws:index/getRegion:getRegion", args, ctx)).toMatchObject({
            region,
            name: region,
            id: region,
            endpoint: `ec2.${region}.amazonaws.com`,
        });
    });

    it.each([
        { region: "eu-west-1", partition: "aws", dnsSuffix: "amazonaws.com" },
        { region: "cn-north-1", partition: "aws-cn", dnsSuffix: "amazonaws.com.cn" },
        { region: "us-gov-west-1", partition: "aws-us-gov", dnsSuffix: "amazonaws.com" },
    ])("getPartition in $region is $partition", ({ region, partition, dnsSuffix }) => {
        expect(runInvoke("aws:index/getPartition:getPartition", {}, { awsRegion: region })).toEqual({
            partition,
            id: partition,
            dnsSuffix,
            reverseDnsPrefix: dnsSuffix.split(".").reverse().join("."),
        });
    });

    it("getAvailabilityZones lists three zones with AWS zone ids, minus excluded ones", () => {
        expect(runInvoke("aws:index/getAvailabilityZones:getAvailabilityZones", { excludeNames: ["ap-southeast-2b"] }, { awsRegion: "ap-southeast-2" })).toMatchObject({
            names: ["ap-southeast-2a", "ap-southeast-2c"],
            zoneIds: ["apse2-az1", "apse2-az3"],
            region: "ap-southeast-2",
        });
    });

    it("getClientConfig is the zero subscription and the offline tenant", () => {
        expect(runInvoke("azure-native:authorization:getClientConfig", {}, ctx)).toEqual({
            clientId: "00000000-0000-0000-0000-000000000002",
            objectId: "00000000-0000-0000-0000-000000000003",
            subscriptionId: "00000000-0000-0000-0000-000000000000",
            tenantId: "00000000-0000-0000-0000-000000000001",
        });
    });

    it("any other data source echoes its arguments", () => {
        expect(runInvoke("aws:ec2/getVpc:getVpc", { default: true, tags: { a: "b" } }, ctx)).toEqual({ default: true, tags: { a: "b" } });
    });
});

describe("knownState", () => {
    const URN = "urn:pulumi:dev::p::aws:iam/role:Role::ops";

    it("auto-names like Pulumi (name and 7 hex characters), deterministically", () => {
        expect(autoName("ops", URN)).toMatch(/^ops-[0-9a-f]{7}$/);
        expect(autoName("ops", URN)).toBe(autoName("ops", URN));
        expect(stableUuid(URN)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    });

    it.each([
        {
            name: "an IAM role: id is its name, arn global with its path",
            type: "aws:iam/role:Role",
            inputs: { name: "ops", path: "/msp/" },
            state: { id: "ops", outputs: { arn: "arn:aws:iam::123456789012:role/msp/ops" } },
        },
        {
            name: "an IAM policy: id is its arn",
            type: "aws:iam/policy:Policy",
            inputs: { name: "read" },
            state: { id: "arn:aws:iam::123456789012:policy/read", outputs: { arn: "arn:aws:iam::123456789012:policy/read" } },
        },
        {
            name: "an S3 bucket: global arn from the bucket name",
            type: "aws:s3/bucket:Bucket",
            inputs: { bucket: "logs" },
            state: { id: "logs", outputs: { bucket: "logs", arn: "arn:aws:s3:::logs" } },
        },
        {
            name: "a log group: regional logs arn",
            type: "aws:cloudwatch/logGroup:LogGroup",
            inputs: { name: "audit" },
            state: { id: "audit", outputs: { arn: "arn:aws:logs:eu-west-1:123456789012:log-group:audit" } },
        },
        {
            name: "another AWS resource: service from the type's module, resource in kebab case",
            type: "aws:cloudtrail/trail:Trail",
            inputs: { name: "org" },
            state: { id: "org", outputs: { arn: "arn:aws:cloudtrail:eu-west-1:123456789012:trail/org" } },
        },
        {
            name: "an Azure resource group",
            type: "azure-native:resources:ResourceGroup",
            inputs: { resourceGroupName: "landing" },
            state: { id: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/landing", outputs: { name: "landing" } },
        },
        {
            name: "an Azure resource in a group: provider namespace and pluralised type",
            type: "azure-native:keyvault:Vault",
            inputs: { resourceGroupName: "landing", vaultName: "secrets" },
            state: {
                id: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/landing/providers/Microsoft.KeyVault/vaults/secrets",
                outputs: { name: "secrets", type: "Microsoft.KeyVault/vaults" },
            },
        },
        {
            name: "an Azure resource at a scope",
            type: "azure-native:authorization:RoleAssignment",
            inputs: { scope: "/subscriptions/s", roleAssignmentName: "ra" },
            state: {
                id: "/subscriptions/s/providers/Microsoft.Authorization/roleAssignments/ra",
                outputs: { name: "ra", type: "Microsoft.Authorization/roleAssignments" },
            },
        },
    ])("$name", ({ type, inputs, state }) => {
        expect(knownState(type, "r", `urn:pulumi:dev::p::${type}::r`, inputs, "eu-west-1")).toEqual(state);
    });

    it("a resource without a name gets an auto-name as its name output", () => {
        const urn = "urn:pulumi:dev::p::aws:sns/topic:Topic::alerts";
        const name = autoName("alerts", urn);
        expect(knownState("aws:sns/topic:Topic", "alerts", urn, {}, "eu-west-1")).toEqual({
            id: name,
            outputs: { name, arn: `arn:aws:sns:eu-west-1:123456789012:${name}` },
        });
    });
});
