// The identity GitHub Actions signs in as (azure/login with OpenID Connect): no client secret exists.
// Each federated credential trusts one kind of token subject from one repository.
param name string
param location string
param tags object

@description('owner/repository on GitHub, e.g. acme/shop.')
param githubRepository string

@description('OpenID Connect issuer of GitHub Actions (GitHub Enterprise Server has its own).')
param issuer string = 'https://token.actions.githubusercontent.com'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

// Jobs with `environment: staging|production` present the environment subject; the image build job
// (no environment) presents the branch subject.
var subjects = [
  { name: 'environment-staging', subject: 'repo:${githubRepository}:environment:staging' }
  { name: 'environment-production', subject: 'repo:${githubRepository}:environment:production' }
  { name: 'branch-testing', subject: 'repo:${githubRepository}:ref:refs/heads/testing' }
  { name: 'branch-main', subject: 'repo:${githubRepository}:ref:refs/heads/main' }
]

// One at a time: Entra ID rejects concurrent writes of federated credentials on one identity.
@batchSize(1)
resource federatedCredentials 'Microsoft.ManagedIdentity/userAssignedIdentities/federatedIdentityCredentials@2023-01-31' = [
  for item in subjects: {
    parent: identity
    name: item.name
    properties: {
      issuer: issuer
      subject: item.subject
      audiences: [
        'api://AzureADTokenExchange'
      ]
    }
  }
]

output id string = identity.id
output name string = identity.name
output clientId string = identity.properties.clientId
output principalId string = identity.properties.principalId
