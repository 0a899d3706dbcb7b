// One environment's telemetry: a Log Analytics workspace and a workspace-based Application
// Insights resource. Release Desk queries the workspace (AppRequests, AppExceptions, ...).
@description('staging or production')
param environmentName string
param namePrefix string
param location string
param tags object

@minValue(30)
@maxValue(730)
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: 'log-${namePrefix}-${environmentName}'
  location: location
  tags: union(tags, { environment: environmentName })
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
    features: {
      enableLogAccessUsingOnlyResourcePermissions: true
    }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${namePrefix}-${environmentName}'
  location: location
  tags: union(tags, { environment: environmentName })
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    IngestionMode: 'LogAnalytics'
  }
}

output workspaceName string = workspace.name
output workspaceResourceId string = workspace.id
@description('The workspace id Release Desk configures for this environment (a GUID).')
output workspaceCustomerId string = workspace.properties.customerId
output appInsightsName string = appInsights.name
@description('Not a secret (an ingestion endpoint and key); set it as the GitHub environment variable APPLICATIONINSIGHTS_CONNECTION_STRING.')
output appInsightsConnectionString string = appInsights.properties.ConnectionString
