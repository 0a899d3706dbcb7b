// The AKS cluster: Microsoft Entra ID authentication with Azure RBAC for Kubernetes (no local
// accounts), OIDC issuer and workload identity, the Azure Policy add-on, Defender for Containers
// through the security profile, and Container Insights.
param name string
param location string
param tags object

@description('Empty: the region\'s default version.')
param kubernetesVersion string = ''

param systemNodeVmSize string = 'Standard_D4ds_v5'

@minValue(1)
param systemNodeMinCount int = 2

@minValue(1)
param systemNodeMaxCount int = 4

@description('Workspace receiving Container Insights logs and Defender for Containers data.')
param logAnalyticsWorkspaceResourceId string

resource cluster 'Microsoft.ContainerService/managedClusters@2024-02-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Base'
    tier: 'Standard'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    dnsPrefix: name
    kubernetesVersion: empty(kubernetesVersion) ? null : kubernetesVersion
    enableRBAC: true
    disableLocalAccounts: true
    aadProfile: {
      managed: true
      enableAzureRBAC: true
    }
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        osType: 'Linux'
        osSKU: 'AzureLinux'
        type: 'VirtualMachineScaleSets'
        vmSize: systemNodeVmSize
        count: systemNodeMinCount
        enableAutoScaling: true
        minCount: systemNodeMinCount
        maxCount: systemNodeMaxCount
      }
    ]
    networkProfile: {
      networkPlugin: 'azure'
      networkPluginMode: 'overlay'
      loadBalancerSku: 'standard'
    }
    oidcIssuerProfile: {
      enabled: true
    }
    securityProfile: {
      workloadIdentity: {
        enabled: true
      }
      defender: {
        logAnalyticsWorkspaceResourceId: logAnalyticsWorkspaceResourceId
        securityMonitoring: {
          enabled: true
        }
      }
      imageCleaner: {
        enabled: true
        intervalHours: 48
      }
    }
    addonProfiles: {
      azurepolicy: {
        enabled: true
      }
      omsagent: {
        enabled: true
        config: {
          logAnalyticsWorkspaceResourceID: logAnalyticsWorkspaceResourceId
        }
      }
    }
    autoUpgradeProfile: {
      upgradeChannel: 'stable'
      nodeOSUpgradeChannel: 'NodeImage'
    }
  }
}

output name string = cluster.name
output id string = cluster.id
output oidcIssuerUrl string = cluster.properties.oidcIssuerProfile.issuerURL
@description('Object id of the kubelet identity, which needs AcrPull on the registry.')
output kubeletObjectId string = cluster.properties.identityProfile.kubeletidentity.objectId
