import { stackPolicy, StackResourceView } from "../../core/policy";
import { sharedSettings } from "../../core/settings";
import { parseZoneTag, taggedInZone } from "../../core/zone";
import { isUnknown } from "../../lib/value";

const VPC = "aws:ec2/vpc:Vpc";
const FLOW_LOG = "aws:ec2/flowLog:FlowLog";

/** A flow log with no traffic type records nothing: the provider requires it; treat absence as "not ALL". */
const FULL_TRAFFIC = "ALL";

/**
 * The flow logs of each VPC, found through a flow log's vpcId dependency (preview) or the VPC's known id
 * (exported stacks). Indexed once, so a stack of thousands of VPCs is not compared pairwise.
 */
function flowLogIndex(flowLogs: readonly StackResourceView[]): (vpc: StackResourceView) => StackResourceView[] {
    const byKey = new Map<string, StackResourceView[]>();
    const add = (key: string, flowLog: StackResourceView) => {
        const list = byKey.get(key) ?? [];
        if (!list.includes(flowLog)) list.push(flowLog);
        byKey.set(key, list);
    };
    for (const flowLog of flowLogs) {
        for (const urn of flowLog.propertyDependencies.vpcId ?? []) add(`urn ${urn}`, flowLog);
        const id = flowLog.props.vpcId;
        if (typeof id === "string") add(`id ${id}`, flowLog);
    }
    return (vpc) => {
        const id = vpc.props.id;
        const found = [...(byKey.get(`urn ${vpc.urn}`) ?? []), ...(typeof id === "string" ? byKey.get(`id ${id}`) ?? [] : [])];
        return [...new Set(found)];
    };
}

export default stackPolicy({
    name: "aws-ec2-access-zone-vpc-flow-logs",
    description: "Every VPC in the MSP access zone must record all its traffic with a VPC flow log.",
    severity: "medium",
    recommendations: ["R2", "R4"],
    area: "logging",
    remediation: "Add an aws.ec2.FlowLog with vpcId set to the access-zone VPC, trafficType \"ALL\", delivered to a log group or bucket kept at least 180 days.",
    types: [VPC, FLOW_LOG],
    config: sharedSettings("accessZoneTag"),
    validate(stack, { config, report, cannotVerify }) {
        const zone = parseZoneTag(config.accessZoneTag);
        const flowLogsOf = flowLogIndex(stack.ofType(FLOW_LOG));
        for (const vpc of stack.ofType(VPC)) {
            const inZone = taggedInZone(vpc.props, zone);
            const logs = flowLogsOf(vpc);
            if (inZone === "unknown") {
                if (logs.length === 0) cannotVerify({ urn: vpc.urn, message: `Whether VPC "${vpc.name}" is in the access zone depends on tags not known yet`, property: "tags" });
                continue;
            }
            if (!inZone) continue;
            if (logs.length === 0) {
                report({ urn: vpc.urn, message: `Access-zone VPC "${vpc.name}" has no flow log` });
                continue;
            }
            const traffic = logs.map((f) => f.props.trafficType);
            if (traffic.some((t) => typeof t === "string" && t.toUpperCase() === FULL_TRAFFIC)) continue;
            if (traffic.some(isUnknown)) {
                cannotVerify({ urn: vpc.urn, message: `The traffic type of the flow logs of VPC "${vpc.name}" is not known yet`, property: "trafficType" });
                continue;
            }
            report({
                urn: vpc.urn,
                message: `The flow logs of access-zone VPC "${vpc.name}" record only ${traffic.map((t) => JSON.stringify(t ?? "nothing")).join(", ")} traffic`,
                property: "trafficType",
                fix: 'Set trafficType to "ALL" on its flow log.',
            });
        }
    },
});
