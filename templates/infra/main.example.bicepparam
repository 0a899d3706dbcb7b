using './main.bicep'

param namePrefix = 'shop'
param githubRepository = 'acme/shop'
// Object id of Release Desk's identity; leave empty to assign it later.
param releaseDeskPrincipalId = ''
