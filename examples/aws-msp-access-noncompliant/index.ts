// What msp-guard catches: an MSP access-zone VPC with no flow log, another whose flow log records only rejected
// traffic, security logs kept a month, and an exemption tag that names a policy that does not exist.
import * as aws from "@pulumi/aws";

const accessZone = { "msp:zone": "access" };

// Kept 30 days: AA22-131A asks for at least six months of the most important logs.
const auditLogGroup = new aws.cloudwatch.LogGroup("msp-activity", { retentionInDays: 30 });

// A waiver for debug logs, done properly: reported as exempted, with its reason.
new aws.cloudwatch.LogGroup("debug", {
    retentionInDays: 7,
    tags: {
        "msp-guard:exempt": "aws-cloudwatch-log-group-retention",
        "msp-guard:exempt-reason": "debug output only, no security events",
        "msp-guard:exempt-until": "2099-12-31",
    },
});

// In the access zone, but nobody records who connects through it.
new aws.ec2.Vpc("msp-access", { cidrBlock: "10.20.0.0/24", tags: accessZone });

// Records only rejected connections: accepted MSP sessions leave no trace.
const jumpVpc = new aws.ec2.Vpc("msp-jump", {
    cidrBlock: "10.21.0.0/24",
    tags: { ...accessZone, "msp-guard:exempt": "aws-ec2-vpc-flow-logs", "msp-guard:exempt-reason": "legacy" },
});
new aws.ec2.FlowLog("msp-jump", { vpcId: jumpVpc.id, trafficType: "REJECT", logDestination: auditLogGroup.arn });
