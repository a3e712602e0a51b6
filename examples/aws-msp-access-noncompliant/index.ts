// What msp-guard catches on AWS, each a way MSP access goes wrong (AA22-131A):
// - an MSP role that long-term access keys can assume without MFA (BoolIfExists) and without an ExternalId, that
//   still trusts a former MSP's account, holds AdministratorAccess, keeps sessions for 12 hours, has no boundary;
// - an MSP user with a console password but no MFA policy, a long-lived access key, in an administrators group;
// - a weak password policy; an access-zone VPC with no flow log and another recording only rejected traffic;
// - security logs kept a month; an exemption tag naming a policy that does not exist.
// msp-guard.json beside this file names the current MSP's account and the customer's own.
import * as aws from "@pulumi/aws";

const CURRENT_MSP = "111122223333";
const FORMER_MSP = "999988887777";
const accessZone = { "msp:zone": "access" };

const auditLogGroup = new aws.cloudwatch.LogGroup("msp-activity", { retentionInDays: 30 });

// A waiver done properly: reported as exempted, with its reason.
new aws.cloudwatch.LogGroup("debug", {
    retentionInDays: 7,
    tags: {
        "msp-guard:exempt": "aws-cloudwatch-log-group-retention",
        "msp-guard:exempt-reason": "debug output only, no security events",
        "msp-guard:exempt-until": "2099-12-31",
    },
});

new aws.ec2.Vpc("msp-access", { cidrBlock: "10.20.0.0/24", tags: accessZone });
const jumpVpc = new aws.ec2.Vpc("msp-jump", {
    cidrBlock: "10.21.0.0/24",
    tags: { ...accessZone, "msp-guard:exempt": "aws-ec2-vpc-flow-logs", "msp-guard:exempt-reason": "legacy" },
});
new aws.ec2.FlowLog("msp-jump", { vpcId: jumpVpc.id, trafficType: "REJECT", logDestination: auditLogGroup.arn });

const mspRole = new aws.iam.Role("msp-admin", {
    assumeRolePolicy: JSON.stringify({
        Version: "2012-10-17",
        Statement: [
            {
                Sid: "MspAdmins",
                Effect: "Allow",
                Principal: { AWS: [`arn:aws:iam::${CURRENT_MSP}:root`, FORMER_MSP] },
                Action: "sts:AssumeRole",
                Condition: { BoolIfExists: { "aws:MultiFactorAuthPresent": "true" } },
            },
        ],
    }),
    maxSessionDuration: 43200,
});
new aws.iam.RolePolicyAttachment("msp-admin", { role: mspRole.name, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });

const admins = new aws.iam.Group("administrators");
new aws.iam.GroupPolicyAttachment("administrators", { group: admins.name, policyArn: "arn:aws:iam::aws:policy/AdministratorAccess" });

const mspUser = new aws.iam.User("msp-engineer", { path: "/msp/" });
new aws.iam.UserLoginProfile("msp-engineer", { user: mspUser.name });
new aws.iam.AccessKey("msp-engineer", { user: mspUser.name });
new aws.iam.UserGroupMembership("msp-engineer", { user: mspUser.name, groups: [admins.name] });

new aws.iam.AccountPasswordPolicy("weak", { minimumPasswordLength: 8 });
