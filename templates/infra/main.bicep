// Azure infrastructure for the shop and its two-stage pipeline, deployed into one resource group:
//   az deployment group create -g <rg> -f main.bicep -p main.example.bicepparam
// The deploying principal needs Owner (or Contributor + User Access Administrator / Role Based
// Access Control Administrator) on the resource group: it creates role assignments and a custom role.
targetScope = 'resourceGroup'

@description('Short lowercase prefix for resource names (3-8 letters or digits).')
@minLength(3)
@maxLength(8)
param namePrefix string

@description('Region of every resource.')
param location string = resourceGroup().location

@description('GitHub repository allowed to sign in as the pipeline identity, as owner/name.')
param githubRepository string

@description('OpenID Connect issuer of GitHub Actions tokens (change for GitHub Enterprise Server).')
param githubOidcIssuer string = 'https://token.actions.githubusercontent.com'

@description('Object id of Release Desk\'s identity (its managed identity or app registration\'s service principal). Empty: no assignments for it.')
param releaseDeskPrincipalId string = ''

@allowed(['ServicePrincipal', 'User', 'Group'])
param releaseDeskPrincipalType string = 'ServicePrincipal'

@description('Also let Release Desk read workloads (not secrets) in the cluster, for live namespace readiness.')
param releaseDeskReadsKubernetes bool = true

@description('AKS version; empty for the region\'s default.')
param kubernetesVersion string = ''

param systemNodeVmSize string = 'Standard_D4ds_v5'

@minValue(1)
param systemNodeMinCount int = 2

@minValue(1)
param systemNodeMaxCount int = 4

@allowed(['Basic', 'Standard', 'Premium'])
param registrySku string = 'Standard'

@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

param tags object = {
  application: 'shop'
  managedBy: 'bicep'
}

var suffix = uniqueString(resourceGroup().id)
var registryName = toLower('${namePrefix}${suffix}')
var clusterName = 'aks-${namePrefix}'
// Storage account names: 3-24 lowercase letters and digits, unique in Azure.
var stagingStorageName = toLower('${namePrefix}stg${take(suffix, 10)}')
var productionStorageName = toLower('${namePrefix}prd${take(suffix, 10)}')

module registry 'modules/registry.bicep' = {
  name: 'registry'
  params: {
    name: registryName
    location: location
    tags: tags
    sku: registrySku
  }
}

module stagingMonitoring 'modules/monitoring.bicep' = {
  name: 'monitoring-staging'
  params: {
    environmentName: 'staging'
    namePrefix: namePrefix
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module productionMonitoring 'modules/monitoring.bicep' = {
  name: 'monitoring-production'
  params: {
    environmentName: 'production'
    namePrefix: namePrefix
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module stagingStorage 'modules/storage.bicep' = {
  name: 'storage-staging'
  params: {
    name: stagingStorageName
    environmentName: 'staging'
    location: location
    tags: tags
  }
}

module productionStorage 'modules/storage.bicep' = {
  name: 'storage-production'
  params: {
    name: productionStorageName
    environmentName: 'production'
    location: location
    tags: tags
  }
}

module cluster 'modules/aks.bicep' = {
  name: 'aks'
  params: {
    name: clusterName
    location: location
    tags: tags
    kubernetesVersion: kubernetesVersion
    systemNodeVmSize: systemNodeVmSize
    systemNodeMinCount: systemNodeMinCount
    systemNodeMaxCount: systemNodeMaxCount
    // Cluster logs and Defender data go to the production workspace.
    logAnalyticsWorkspaceResourceId: productionMonitoring.outputs.workspaceResourceId
  }
}

module githubIdentity 'modules/github-identity.bicep' = {
  name: 'github-identity'
  params: {
    name: 'id-${namePrefix}-github-actions'
    location: location
    tags: tags
    githubRepository: githubRepository
    issuer: githubOidcIssuer
  }
}

module roleAssignments 'modules/role-assignments.bicep' = {
  name: 'role-assignments'
  params: {
    registryName: registry.outputs.name
    clusterName: cluster.outputs.name
    storageAccountNames: [
      stagingStorage.outputs.name
      productionStorage.outputs.name
    ]
    workspaceNames: [
      stagingMonitoring.outputs.workspaceName
      productionMonitoring.outputs.workspaceName
    ]
    githubPrincipalId: githubIdentity.outputs.principalId
    kubeletObjectId: cluster.outputs.kubeletObjectId
    releaseDeskPrincipalId: releaseDeskPrincipalId
    releaseDeskPrincipalType: releaseDeskPrincipalType
    releaseDeskReadsKubernetes: releaseDeskReadsKubernetes
  }
}

// Repository variables for the workflows (Settings → Secrets and variables → Actions → Variables).
output AZURE_CLIENT_ID string = githubIdentity.outputs.clientId
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_SUBSCRIPTION_ID string = subscription().subscriptionId
output AZURE_RESOURCE_GROUP string = resourceGroup().name
output ACR_NAME string = registry.outputs.name
output ACR_LOGIN_SERVER string = registry.outputs.loginServer
output AKS_RESOURCE_GROUP string = resourceGroup().name
output AKS_CLUSTER_NAME string = cluster.outputs.name

// Environment variables (Settings → Environments → staging / production → Variables).
output STAGING_STORAGE_ACCOUNT_NAME string = stagingStorage.outputs.name
output PRODUCTION_STORAGE_ACCOUNT_NAME string = productionStorage.outputs.name
output STAGING_APPLICATIONINSIGHTS_CONNECTION_STRING string = stagingMonitoring.outputs.appInsightsConnectionString
output PRODUCTION_APPLICATIONINSIGHTS_CONNECTION_STRING string = productionMonitoring.outputs.appInsightsConnectionString

// Release Desk configuration: the Log Analytics workspace id per environment.
output STAGING_WORKSPACE_ID string = stagingMonitoring.outputs.workspaceCustomerId
output PRODUCTION_WORKSPACE_ID string = productionMonitoring.outputs.workspaceCustomerId
output AKS_OIDC_ISSUER_URL string = cluster.outputs.oidcIssuerUrl
