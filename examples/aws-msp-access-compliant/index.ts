// A compliant layout for MSP access on AWS: the MSP access zone is its own VPC, tagged `msp:zone=access`, whose
// traffic is recorded in full by a flow log kept a year; security logs are kept at least six months.
import * as aws from "@pulumi/aws";

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

export const accessVpcId = accessVpc.id;
export const auditLogGroupName = auditLogGroup.name;
