// What msp-guard catches on Azure: a security-log workspace left at the 30-day default, another on the Free SKU
// (seven days, cannot be raised), and an exemption that has lapsed.
import * as resources from "@pulumi/azure-native/resources";
import * as operationalinsights from "@pulumi/azure-native/operationalinsights";

const group = new resources.ResourceGroup("msp-access");

// retentionInDays omitted: the service keeps 30 days.
new operationalinsights.Workspace("security-logs", {
    resourceGroupName: group.name,
    sku: { name: "PerGB2018" },
});

new operationalinsights.Workspace("legacy-logs", {
    resourceGroupName: group.name,
    sku: { name: "Free" },
    tags: {
        "msp-guard:exempt": "azure-operationalinsights-workspace-retention",
        "msp-guard:exempt-reason": "to be migrated in Q1",
        "msp-guard:exempt-until": "2025-03-31",
    },
});
