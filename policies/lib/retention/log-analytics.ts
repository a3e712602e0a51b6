// Log Analytics workspace retention (Microsoft.OperationalInsights/workspaces, properties.retentionInDays).

/** What an omitted `retentionInDays` means on the PerGB2018 and most other SKUs: 30 days. */
export const LOG_ANALYTICS_RETENTION_WHEN_OMITTED = 30;

/** Interactive retention can be set up to two years. */
export const LOG_ANALYTICS_MAX_RETENTION_DAYS = 730;

/** The Free SKU keeps data seven days and cannot be changed. */
export const LOG_ANALYTICS_FREE_SKU_RETENTION_DAYS = 7;
