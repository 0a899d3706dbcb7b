// Azure Container Registry holding the shop's images; pushed to by GitHub Actions, pulled by AKS.
@description('Registry name: 5-50 lowercase letters and digits, unique in Azure.')
param name string
param location string
param tags object

@description('Standard suffices for one team; Premium adds private endpoints and geo-replication.')
@allowed(['Basic', 'Standard', 'Premium'])
param sku string = 'Standard'

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    // Identities sign in through Microsoft Entra ID; there is no shared admin password.
    adminUserEnabled: false
    anonymousPullEnabled: false
    publicNetworkAccess: 'Enabled'
  }
}

output name string = registry.name
output id string = registry.id
output loginServer string = registry.properties.loginServer
