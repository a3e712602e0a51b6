// A compliant layout for MSP access on AWS.
// - The MSP reaches the account through one role that only its own account can assume, with MFA and an ExternalId,
//   for one hour at a time, with read-only rights plus support cases, under a permissions boundary.
// - The MSP access zone is its own VPC, tagged `msp:zone=access`, whose traffic a flow log records in full.
// - Security logs are kept at least six months; console passwords resist brute force and spraying.
// msp-guard.json beside this file names the MSP's account (mspAccountIds) and the customer's own (trustedAccountIds).
import * as aws from "@pulumi/aws";

const MSP_ACCOUNT = "111122223333";
const accessZone = { "msp:zone": "access" };

const flowLogGroup = new aws.cloudwatch.LogGroup("msp-access-flow-logs", { retentionInDays: 365 });
const auditLogGroup = new aws.cloudwatch.LogGroup("msp-activity", { retentionInDays: 400 });

const flowLogRole = new aws.iam.Role("msp-access-flow-logs", {
    assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [{ Effect: "Allow", Principal: { Service: "vpc-flow-logs.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
});

const accessVpc = new aws.ec2.Vpc("msp-access", { cidrBlock: "10.20.0.0/24", tags: accessZone });
new aws.ec2.Subnet("msp-access-a", { vpcId: accessVpc.id, cidrBlock: "10.20.0.0/26", tags: accessZone });
new aws.ec2.FlowLog("msp-access", {
    vpcId: accessVpc.id,
    trafficType: "ALL",
    logDestination: flowLogGroup.arn,
    iamRoleArn: flowLogRole.arn,
});

// The MSP's way in: its account only, with MFA and the ExternalId agreed in the contract.
const mspTrust = aws.iam.getPolicyDocumentOutput({
    statements: [
        {
            sid: "MspOperators",
            actions: ["sts:AssumeRole"],
            principals: [{ type: "AWS", identifiers: [`arn:aws:iam::${MSP_ACCOUNT}:root`] }],
            conditions: [
                { test: "Bool", variable: "aws:MultiFactorAuthPresent", values: ["true"] },
                { test: "StringEquals", variable: "sts:ExternalId", values: ["acme-msp-7f3c9e"] },
            ],
        },
    ],
});

// What the MSP may do besides reading: work support cases. (Not ssm:StartSession: a shell on an instance hands
// over the instance's role, an escalation msp-guard reports.)
const operations = aws.iam.getPolicyDocumentOutput({
    statements: [{ sid: "SupportCases", actions: ["support:CreateCase", "support:AddCommunicationToCase", "support:ResolveCase"], resources: ["*"] }],
});

const mspRole = new aws.iam.Role("msp-operator", {
    path: "/msp/",
    assumeRolePolicy: mspTrust.json,
    maxSessionDuration: 3600,
    permissionsBoundary: "arn:aws:iam::aws:policy/ReadOnlyAccess",
    inlinePolicies: [{ name: "operations", policy: operations.json }],
    tags: { "msp:provider": "acme-msp" },
});
new aws.iam.RolePolicyAttachment("msp-operator-read-only", { role: mspRole.name, policyArn: "arn:aws:iam::aws:policy/ReadOnlyAccess" });

new aws.iam.AccountPasswordPolicy("strict", {
    minimumPasswordLength: 16,
    passwordReusePrevention: 24,
    maxPasswordAge: 90,
    requireSymbols: true,
    requireNumbers: true,
    requireUppercaseCharacters: true,
    requireLowercaseCharacters: true,
});

export const accessVpcId = accessVpc.id;
export const auditLogGroupName = auditLogGroup.name;
export const mspRoleArn = mspRole.arn;
