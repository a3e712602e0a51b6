// Real Pulumi programs run on Pulumi's Node.js runtime against the stand-in engine; every registration must be what
// the engine sees: urns, parents, providers, dependencies, property dependencies, options, and inputs in the analyzer
// wire encoding (unknown sentinels, secret markers). Each program runs once per mode; results are frozen.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runProgram } from "../../../cli/program/run";
import type { CapturedOptions, CapturedResource, RunOptions, RunResult, WireValue } from "../../../cli/program/types";
import { SECRET_SIG, SIG_KEY, UNKNOWN } from "../../../cli/program/wire";

const PROGRAMS = path.resolve(__dirname, "../../fixtures/programs");

function deepFreeze<T>(value: T): T {
    if (typeof value === "object" && value !== null) {
        for (const inner of Object.values(value)) deepFreeze(inner);
        Object.freeze(value);
    }
    return value;
}

async function run(program: string, opts: RunOptions = {}): Promise<RunResult> {
    return deepFreeze(await runProgram(path.resolve(PROGRAMS, program), opts));
}

const secret = (value: WireValue): WireValue => ({ [SIG_KEY]: SECRET_SIG, value });
const options = (o: Partial<CapturedOptions> = {}): CapturedOptions => ({
    protect: false,
    ignoreChanges: [],
    aliases: [],
    additionalSecretOutputs: [],
    ...o,
});
const byName = (result: RunResult, name: string): CapturedResource => {
    const found = result.resources.find((r) => r.name === name);
    if (found === undefined) throw new Error(`no resource named ${name}`);
    return found;
};

function isAlive(pid: number): boolean {
    try {
        process.kill(pid, 0);
        return true;
    } catch {
        return false;
    }
}

describe("aws-access: components, explicit and default providers, dependsOn, secrets, stack config, getPolicyDocument, a read", () => {
    const urn = (qualifiedType: string, name: string) => `urn:pulumi:dev::aws-access::${qualifiedType}::${name}`;
    const STACK = urn("pulumi:pulumi:Stack", "aws-access-dev");
    const DEFAULT_AWS = urn("pulumi:providers:aws", "default_7_48_0");
    const US_EAST = urn("pulumi:providers:aws", "us-east");
    const ARCHIVE = urn("msp:logging:Archive", "archive");
    const BUCKET = urn("msp:logging:Archive$aws:s3/bucket:Bucket", "archive-bucket");
    const ROLE = urn("aws:iam/role:Role", "msp-role");
    const TRUST_POLICY = JSON.stringify(
        {
            Version: "2012-10-17",
            Statement: [
                {
                    Effect: "Allow",
                    Action: "sts:AssumeRole",
                    Principal: { AWS: "arn:aws:iam::210987654321:root" },
                    Condition: { StringEquals: { "sts:ExternalId": "msp-external-id" } },
                },
            ],
        },
        null,
        2,
    );
    const ssmInputs = { description: secret("break-glass credential"), type: "SecureString", value: secret("[secret]") };

    let preview: RunResult;
    let known: RunResult;
    let pids: number[];
    beforeAll(async () => {
        const spawned: number[] = [];
        preview = await run("aws-access", { onSpawn: (pid) => spawned.push(pid) });
        known = await run("aws-access", { known: true, onSpawn: (pid) => spawned.push(pid) });
        pids = spawned;
    });

    it("captures every registration (reads are not registrations) as the engine sees it in a first preview", () => {
        const expected: CapturedResource[] = [
            {
                urn: STACK,
                type: "pulumi:pulumi:Stack",
                name: "aws-access-dev",
                custom: false,
                dependencies: [],
                propertyDependencies: {},
                options: options(),
                inputs: {},
                // The read role's arn is known even in preview: the engine reads existing resources then too.
                outputs: {
                    breakGlassArn: "arn:aws:iam::123456789012:role/BreakGlassAdmin",
                    projectName: "aws-access",
                    roleArn: UNKNOWN,
                    stackName: "dev",
                },
            },
            {
                urn: DEFAULT_AWS,
                type: "pulumi:providers:aws",
                name: "default_7_48_0",
                custom: true,
                dependencies: [],
                propertyDependencies: {},
                options: options(),
                inputs: { region: "eu-west-1", version: "7.48.0" },
                outputs: { region: "eu-west-1", version: "7.48.0" },
            },
            {
                urn: ARCHIVE,
                type: "msp:logging:Archive",
                name: "archive",
                custom: false,
                parent: STACK,
                dependencies: [],
                propertyDependencies: {},
                options: options(),
                inputs: {},
                outputs: { bucketName: "archive-logs" },
            },
            {
                urn: BUCKET,
                type: "aws:s3/bucket:Bucket",
                name: "archive-bucket",
                custom: true,
                parent: ARCHIVE,
                provider: `${DEFAULT_AWS}::${UNKNOWN}`,
                dependencies: [],
                propertyDependencies: { bucket: [], tags: [] },
                // The SDK aliases Bucket to its former BucketV2 type; the engine resolves the spec under the parent.
                options: options({ aliases: [urn("msp:logging:Archive$aws:s3/bucketV2:BucketV2", "archive-bucket")] }),
                inputs: { bucket: "archive-logs", tags: { team: "platform" } },
                outputs: { bucket: "archive-logs", tags: { team: "platform" } },
            },
            {
                urn: urn("aws:ssm/parameter:Parameter", "db-password"),
                type: "aws:ssm/parameter:Parameter",
                name: "db-password",
                custom: true,
                parent: STACK,
                provider: `${DEFAULT_AWS}::${UNKNOWN}`,
                dependencies: [],
                propertyDependencies: { description: [], type: [], value: [] },
                options: options({
                    aliases: [urn("aws:ssm/parameter:Parameter", "old-db-password")],
                    deleteBeforeReplace: true,
                    // The program's list, then the SDK's own secret outputs for the type.
                    additionalSecretOutputs: ["value", "value", "valueWo"],
                    customTimeouts: { create: 300, delete: 5400 },
                }),
                inputs: ssmInputs,
                outputs: ssmInputs,
            },
            {
                urn: US_EAST,
                type: "pulumi:providers:aws",
                name: "us-east",
                custom: true,
                parent: STACK,
                dependencies: [],
                propertyDependencies: { region: [], skipCredentialsValidation: [], skipRegionValidation: [] },
                options: options({ additionalSecretOutputs: ["accessKey", "secretKey", "token"] }),
                inputs: { region: "us-east-1", skipCredentialsValidation: "false", skipRegionValidation: "true" },
                outputs: { region: "us-east-1", skipCredentialsValidation: "false", skipRegionValidation: "true" },
            },
            {
                urn: ROLE,
                type: "aws:iam/role:Role",
                name: "msp-role",
                custom: true,
                parent: STACK,
                provider: `${US_EAST}::${UNKNOWN}`,
                dependencies: [],
                propertyDependencies: { assumeRolePolicy: [], path: [], tags: [] },
                options: options({ protect: true, ignoreChanges: ["tags"] }),
                inputs: { assumeRolePolicy: TRUST_POLICY, path: "/msp/", tags: { "msp:provider": "acme" } },
                outputs: { assumeRolePolicy: TRUST_POLICY, path: "/msp/", tags: { "msp:provider": "acme" } },
            },
            {
                urn: urn("aws:iam/rolePolicy:RolePolicy", "msp-role-logs"),
                type: "aws:iam/rolePolicy:RolePolicy",
                name: "msp-role-logs",
                custom: true,
                parent: STACK,
                provider: `${US_EAST}::${UNKNOWN}`,
                // dependsOn the component means on its children.
                dependencies: [BUCKET, ROLE],
                propertyDependencies: { policy: [BUCKET], role: [ROLE] },
                options: options(),
                // The bucket's arn and the role's name are outputs of new resources: unknown in preview.
                inputs: { policy: UNKNOWN, role: UNKNOWN },
                outputs: { policy: UNKNOWN, role: UNKNOWN },
            },
        ];
        expect(preview).toEqual({ project: "aws-access", stack: "dev", resources: expected });
    });

    it("with known outputs, the policy built from the bucket's arn and the role's name is concrete", () => {
        const logsPolicy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::archive-logs/*"}]}';
        expect(byName(known, "msp-role-logs")).toEqual({
            urn: urn("aws:iam/rolePolicy:RolePolicy", "msp-role-logs"),
            type: "aws:iam/rolePolicy:RolePolicy",
            name: "msp-role-logs",
            custom: true,
            parent: STACK,
            provider: `${US_EAST}::a754c2a0-e049-4a11-8938-2742bf8f3029`,
            dependencies: [BUCKET, ROLE],
            propertyDependencies: { policy: [BUCKET], role: [ROLE] },
            options: options(),
            inputs: { policy: logsPolicy, role: "msp-role-d359611" },
            outputs: { name: "msp-role-logs-8b9204d", policy: logsPolicy, role: "msp-role-d359611" },
            id: "msp-role-logs-8b9204d",
        });
    });

    it("with known outputs, a role gets an auto-name, an id and an IAM arn with its path", () => {
        const role = byName(known, "msp-role");
        expect(role.id).toBe("msp-role-d359611");
        expect(role.outputs.arn).toBe("arn:aws:iam::123456789012:role/msp/msp-role-d359611");
        expect(byName(known, "aws-access-dev").outputs).toEqual({
            breakGlassArn: "arn:aws:iam::123456789012:role/BreakGlassAdmin",
            projectName: "aws-access",
            roleArn: "arn:aws:iam::123456789012:role/msp/msp-role-d359611",
            stackName: "dev",
        });
    });

    it("with known outputs, providers have ids and resources reference them by urn::id", () => {
        const defaultProvider = byName(known, "default_7_48_0");
        expect(defaultProvider.id).toBe("78279286-d5bb-4fed-8602-06db42fddf78");
        expect(byName(known, "archive-bucket").provider).toBe(`${DEFAULT_AWS}::78279286-d5bb-4fed-8602-06db42fddf78`);
        expect(byName(known, "archive-bucket").outputs).toEqual({
            arn: "arn:aws:s3:::archive-logs",
            bucket: "archive-logs",
            tags: { team: "platform" },
        });
    });

    it("leaves no child process behind", () => {
        expect(pids).toHaveLength(2);
        for (const pid of pids) expect(isAlive(pid)).toBe(false);
    });
});

describe("azure-lighthouse: object runtime, main directory, project config defaults, an explicit stack config file", () => {
    const urn = (qualifiedType: string, name: string) => `urn:pulumi:customer-a::azure-lighthouse::${qualifiedType}::${name}`;
    const STACK = urn("pulumi:pulumi:Stack", "azure-lighthouse-customer-a");
    const PROVIDER = `${urn("pulumi:providers:azure-native", "default_3_28_0")}::${UNKNOWN}`;
    const GROUP = urn("azure-native:resources:ResourceGroup", "landing");
    const VAULT = urn("azure-native:keyvault:Vault", "secrets");
    let result: RunResult;
    beforeAll(async () => {
        result = await run("azure-lighthouse", {
            stack: "customer-a",
            stackConfigFile: path.join(PROGRAMS, "azure-lighthouse", "config", "customer-a.yaml"),
        });
    });

    it("names the project and stack, and creates the default provider from the package's config, secrets included", () => {
        expect(result.project).toBe("azure-lighthouse");
        expect(result.stack).toBe("customer-a");
        expect(result.resources.map((r) => r.urn)).toEqual([
            STACK,
            urn("pulumi:providers:azure-native", "default_3_28_0"),
            urn("azure-native:managedservices:RegistrationDefinition", "msp-delegation"),
            GROUP,
            VAULT,
            urn("azure-native:authorization:ManagementLockAtResourceGroupLevel", "landing-lock"),
        ]);
        expect(byName(result, "default_3_28_0").inputs).toEqual({
            clientSecret: secret("[secret]"),
            location: "northeurope",
            version: "3.28.0",
        });
    });

    it("getClientConfig answers with the offline subscription and tenant", () => {
        expect(byName(result, "msp-delegation")).toEqual({
            urn: urn("azure-native:managedservices:RegistrationDefinition", "msp-delegation"),
            type: "azure-native:managedservices:RegistrationDefinition",
            name: "msp-delegation",
            custom: true,
            parent: STACK,
            provider: PROVIDER,
            dependencies: [],
            propertyDependencies: { properties: [], scope: [] },
            // azure-native aliases every type to its former API-versioned types.
            options: options({
                aliases: [
                    "v20180601preview",
                    "v20190401preview",
                    "v20190601",
                    "v20190901",
                    "v20200201preview",
                    "v20220101preview",
                    "v20221001",
                ].map((v) => urn(`azure-native:managedservices/${v}:RegistrationDefinition`, "msp-delegation")),
            }),
            inputs: {
                properties: {
                    authorizations: [
                        { principalId: "66666666-7777-8888-9999-000000000000", roleDefinitionId: "acdd72a7-3385-48ef-bd42-f606fba81ae7" },
                    ],
                    managedByTenantId: "11111111-2222-3333-4444-555555555555",
                    registrationDefinitionName: "MSP operations",
                },
                scope: "/subscriptions/00000000-0000-0000-0000-000000000000",
            },
            outputs: {
                properties: {
                    authorizations: [
                        { principalId: "66666666-7777-8888-9999-000000000000", roleDefinitionId: "acdd72a7-3385-48ef-bd42-f606fba81ae7" },
                    ],
                    managedByTenantId: "11111111-2222-3333-4444-555555555555",
                    registrationDefinitionName: "MSP operations",
                },
                scope: "/subscriptions/00000000-0000-0000-0000-000000000000",
            },
        });
        expect((byName(result, "secrets").inputs.properties as Record<string, WireValue>).tenantId).toBe(
            "00000000-0000-0000-0000-000000000001",
        );
    });

    it("an input of a new resource's input is known, an output that is not an input is unknown", () => {
        const vault = byName(result, "secrets");
        expect(vault.inputs.location).toBe("northeurope");
        expect(vault.inputs.resourceGroupName).toBe(UNKNOWN);
        expect(vault.propertyDependencies).toEqual({ location: [GROUP], properties: [], resourceGroupName: [GROUP] });
        expect(byName(result, "landing-lock")).toMatchObject({
            dependencies: [VAULT, GROUP],
            propertyDependencies: { level: [], resourceGroupName: [GROUP] },
            inputs: { level: "CanNotDelete", resourceGroupName: UNKNOWN },
        });
    });
});

describe("transforms-and-refs: stack and resource transforms, invoke transforms, resource references, secrets", () => {
    const urn = (qualifiedType: string, name: string) => `urn:pulumi:dev::transforms-and-refs::${qualifiedType}::${name}`;
    const ROLE = urn("aws:iam/role:Role", "auditor");
    let result: RunResult;
    beforeAll(async () => {
        result = await run("transforms-and-refs");
    });

    it("a stack transform adds the owner tag to roles and buckets, and a secret input stays secret", () => {
        expect(byName(result, "auditor").inputs).toEqual({
            assumeRolePolicy:
                '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":"ec2.amazonaws.com"}}]}',
            description: secret("reads the audit trail"),
            tags: { purpose: "audit", "msp-guard:owner": "platform" },
        });
        expect(byName(result, "evidence").inputs).toEqual({ bucket: "msp-evidence", tags: { "msp-guard:owner": "platform" } });
    });

    it("a resource transform changes the options the engine records", () => {
        expect(byName(result, "evidence").options.protect).toBe(true);
        expect(byName(result, "auditor").options.protect).toBe(false);
    });

    it("an invoke transform changes the arguments of getPolicyDocument", () => {
        const policy = JSON.parse(byName(result, "auditor-read").inputs.policy as string) as { Id: string; Statement: unknown[] };
        expect(policy.Id).toBe("msp-guard");
        expect(policy.Statement).toEqual([
            { Sid: "ReadLogs", Effect: "Allow", Action: ["logs:GetLogEvents", "logs:DescribeLogStreams"], Resource: "*" },
            {
                Sid: "DenyOutsideOrg",
                Effect: "Deny",
                NotAction: "iam:*",
                NotResource: "arn:aws:s3:::${aws:username}/*",
                Condition: { Bool: { "aws:SecureTransport": "false" }, StringNotEquals: { "aws:PrincipalOrgID": "o-abc123" } },
            },
        ]);
    });

    it("a data source depending on a resource being created is unknown in preview, rendered with known outputs", async () => {
        const EVIDENCE = urn("aws:s3/bucket:Bucket", "evidence-archive");
        expect(byName(result, "auditor-evidence")).toMatchObject({
            dependencies: [EVIDENCE, ROLE],
            propertyDependencies: { policy: [EVIDENCE], role: [ROLE] },
            inputs: { policy: UNKNOWN, role: UNKNOWN },
        });
        const known = await run("transforms-and-refs", { known: true });
        expect(JSON.parse(byName(known, "auditor-evidence").inputs.policy as string)).toEqual({
            Version: "2012-10-17",
            Id: "msp-guard",
            Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "arn:aws:s3:::msp-evidence-archive/*" }],
        });
        // With known outputs, a resource reference is the referenced resource's id.
        expect(byName(known, "auditor-readonly").inputs.role).toBe(byName(known, "auditor").id);
    });

    it("a resource passed as an input is its id as an analyzer receives it: unknown in preview", () => {
        expect(byName(result, "auditor-readonly")).toMatchObject({
            dependencies: [ROLE],
            propertyDependencies: { policyArn: [], role: [ROLE] },
            inputs: { policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess", role: UNKNOWN },
        });
    });
});

describe("js-package-main: a JavaScript program with a package.json main and an async entry point", () => {
    let result: RunResult;
    beforeAll(async () => {
        result = await run("js-package-main");
    });

    it("data sources answer with the offline account, region, partition and zones; the async result is the stack's outputs", () => {
        expect(byName(result, "js-package-main-dev").outputs).toEqual({
            accountId: "123456789012",
            arn: "arn:aws:iam::123456789012:user/msp-guard-offline",
            partition: "aws",
            trailName: "audit-us-east-1",
            zones: ["us-east-1a", "us-east-1b", "us-east-1c"],
        });
        expect(byName(result, "audit").inputs).toEqual({
            isMultiRegionTrail: true,
            name: "audit-us-east-1",
            s3BucketName: "audit-123456789012",
        });
    });

    it("an invoke registers the default provider it goes to, as the engine does", () => {
        expect(result.resources.map((r) => r.type)).toEqual(["pulumi:providers:aws", "pulumi:pulumi:Stack", "aws:cloudtrail/trail:Trail"]);
    });
});

describe("a program outside any node_modules tree", () => {
    it("runs on msp-guard's own @pulumi packages", async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "msp-guard-program-"));
        try {
            fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: loose\nruntime: nodejs\n");
            fs.writeFileSync(
                path.join(dir, "index.ts"),
                'import * as aws from "@pulumi/aws";\nexport const bucket = new aws.s3.Bucket("b", { bucket: "loose" }).bucket;\n',
            );
            const result = await run(dir);
            expect(result.resources.map((r) => r.urn)).toEqual([
                "urn:pulumi:dev::loose::pulumi:pulumi:Stack::loose-dev",
                "urn:pulumi:dev::loose::pulumi:providers:aws::default_7_48_0",
                "urn:pulumi:dev::loose::aws:s3/bucket:Bucket::b",
            ]);
            expect(byName(result, "loose-dev").outputs).toEqual({ bucket: "loose" });
        } finally {
            fs.rmSync(dir, { recursive: true, force: true });
        }
    });
});
