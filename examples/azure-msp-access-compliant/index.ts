// A compliant layout for MSP access on Azure: the MSP access network is its own VNet, tagged `msp:zone=access`,
// and the Log Analytics workspace that collects security logs keeps them a year.
import * as resources from "@pulumi/azure-native/resources";
import * as network from "@pulumi/azure-native/network";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";

const group = new resources.ResourceGroup("msp-access");

new operationalinsights.Workspace("security-logs", {
    resourceGroupName: group.name,
    sku: { name: "PerGB2018" },
    retentionInDays: 365,
});

new network.VirtualNetwork("msp-access", {
    resourceGroupName: group.name,
    addressSpace: { addressPrefixes: ["10.30.0.0/24"] },
    tags: { "msp:zone": "access" },
});
