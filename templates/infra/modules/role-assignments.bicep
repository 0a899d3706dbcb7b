// Who may do what. The GitHub Actions identity: push images, deploy into the cluster, create and
// delete namespaces, read the storage keys. The kubelet: pull images. Release Desk: read telemetry
// (and optionally read workloads for live namespace readiness).
param registryName string
param clusterName string
param storageAccountNames array
param workspaceNames array

@description('Principal (object) id of the GitHub Actions user-assigned identity.')
param githubPrincipalId string

@description('Object id of the cluster\'s kubelet identity.')
param kubeletObjectId string

@description('Object id of Release Desk\'s identity; empty to skip its assignments.')
param releaseDeskPrincipalId string = ''

@allowed(['ServicePrincipal', 'User', 'Group'])
param releaseDeskPrincipalType string = 'ServicePrincipal'

param releaseDeskReadsKubernetes bool = true

// Built-in role definition ids (the same in every tenant).
var roles = {
  acrPush: '8311e382-0749-4cb8-b61a-304f252e45ec'
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d'
  reader: 'acdd72a7-3385-48ef-bd42-f606fba81ae7'
  aksClusterUser: '4abbcc35-e782-43d8-92c5-2d3f1bd2253f'
  aksRbacWriter: 'a7ffa36f-339b-4b5c-8bdf-e2c188b2c0eb'
  aksRbacReader: '7f6c6a51-bcf8-42ba-9220-52d62157d7db'
  storageKeyOperator: '81a9662b-bebf-436f-a333-f67b29880f12'
  logAnalyticsReader: '73c42c96-874c-492b-b04d-ab87d138a893'
}

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' existing = {
  name: registryName
}

resource cluster 'Microsoft.ContainerService/managedClusters@2024-02-01' existing = {
  name: clusterName
}

resource storageAccounts 'Microsoft.Storage/storageAccounts@2023-05-01' existing = [
  for accountName in storageAccountNames: {
    name: accountName
  }
]

resource workspaces 'Microsoft.OperationalInsights/workspaces@2022-10-01' existing = [
  for workspaceName in workspaceNames: {
    name: workspaceName
  }
]

// RBAC Writer covers namespaced objects but not namespaces themselves; staging needs one per commit.
resource namespaceManager 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'aks-namespace-manager')
  properties: {
    roleName: 'AKS namespace manager ${uniqueString(resourceGroup().id)}'
    description: 'Create, read and delete Kubernetes namespaces (staging namespaces per commit).'
    type: 'CustomRole'
    permissions: [
      {
        actions: []
        notActions: []
        dataActions: [
          'Microsoft.ContainerService/managedClusters/namespaces/read'
          'Microsoft.ContainerService/managedClusters/namespaces/write'
          'Microsoft.ContainerService/managedClusters/namespaces/delete'
        ]
        notDataActions: []
      }
    ]
    assignableScopes: [
      resourceGroup().id
    ]
  }
}

resource githubAcrPush 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, githubPrincipalId, roles.acrPush)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.acrPush)
    principalId: githubPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// `az acr login` and `az acr show` read the registry resource to find its login server.
resource githubAcrReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, githubPrincipalId, roles.reader)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.reader)
    principalId: githubPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource kubeletAcrPull 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(registry.id, kubeletObjectId, roles.acrPull)
  scope: registry
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.acrPull)
    principalId: kubeletObjectId
    principalType: 'ServicePrincipal'
  }
}

resource githubClusterUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(cluster.id, githubPrincipalId, roles.aksClusterUser)
  scope: cluster
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.aksClusterUser)
    principalId: githubPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource githubRbacWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(cluster.id, githubPrincipalId, roles.aksRbacWriter)
  scope: cluster
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.aksRbacWriter)
    principalId: githubPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource githubNamespaceManager 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(cluster.id, githubPrincipalId, 'aks-namespace-manager')
  scope: cluster
  dependsOn: [
    namespaceManager
  ]
  properties: {
    // Role definitions are addressed at subscription level even when defined in a resource group.
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', namespaceManager.name)
    principalId: githubPrincipalId
    principalType: 'ServicePrincipal'
  }
}

resource githubStorageKeys 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for index in range(0, length(storageAccountNames)): {
    name: guid(storageAccounts[index].id, githubPrincipalId, roles.storageKeyOperator)
    scope: storageAccounts[index]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageKeyOperator)
      principalId: githubPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

resource releaseDeskLogs 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for index in range(0, length(workspaceNames)): if (!empty(releaseDeskPrincipalId)) {
    name: guid(workspaces[index].id, releaseDeskPrincipalId, roles.logAnalyticsReader)
    scope: workspaces[index]
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.logAnalyticsReader)
      principalId: releaseDeskPrincipalId
      principalType: releaseDeskPrincipalType
    }
  }
]

resource releaseDeskClusterUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(releaseDeskPrincipalId) && releaseDeskReadsKubernetes) {
  name: guid(cluster.id, releaseDeskPrincipalId, roles.aksClusterUser)
  scope: cluster
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.aksClusterUser)
    principalId: releaseDeskPrincipalId
    principalType: releaseDeskPrincipalType
  }
}

// Read-only on workloads (no secrets: the built-in RBAC Reader excludes them).
resource releaseDeskRbacReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(releaseDeskPrincipalId) && releaseDeskReadsKubernetes) {
  name: guid(cluster.id, releaseDeskPrincipalId, roles.aksRbacReader)
  scope: cluster
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.aksRbacReader)
    principalId: releaseDeskPrincipalId
    principalType: releaseDeskPrincipalType
  }
}
