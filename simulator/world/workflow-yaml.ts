/**
 * The workflow files on the default branch, served by the contents API so the app's setup page can
 * check triggers, inputs and run-names the way it would against a real repository.
 */
export const WORKFLOW_YAML: Record<string, string> = {
  ".github/workflows/ci-staging.yml": `name: CI + staging

on:
  push:
    branches: [testing]

permissions:
  contents: read
  deployments: write
  id-token: write

env:
  REGISTRY: acmeshop.azurecr.io

jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with: { python-version: "3.12" }
      - run: pip install ruff && ruff check .

  test-product_service:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with: { python-version: "3.12" }
      - run: pip install -r product_service/requirements.txt
      - run: pytest product_service
  test-order_service:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: pip install -r order_service/requirements.txt && pytest order_service
  test-customer_service:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: pip install -r customer_service/requirements.txt && pytest customer_service

  build-push:
    name: build-push-\${{ matrix.service }}
    needs: [lint, test-product_service, test-order_service, test-customer_service]
    runs-on: ubuntu-latest
    strategy:
      matrix:
        service: [product_service, order_service, customer_service, frontend]
    outputs:
      digest: \${{ steps.push.outputs.digest }}
    steps:
      - uses: actions/checkout@v4
      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
      - run: az acr login --name acmeshop
      - id: push
        run: |
          docker build -t $REGISTRY/\${{ matrix.service }}:\${{ github.sha }} \${{ matrix.service }}
          docker push $REGISTRY/\${{ matrix.service }}:\${{ github.sha }}
          echo "digest=$(docker inspect --format='{{index .RepoDigests 0}}' $REGISTRY/\${{ matrix.service }}:\${{ github.sha }})" >> "$GITHUB_OUTPUT"

  deploy-staging:
    needs: build-push
    runs-on: ubuntu-latest
    environment: staging
    steps:
      - uses: actions/checkout@v4
      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
      - uses: azure/aks-set-context@v4
        with: { resource-group: acme-rg, cluster-name: acme-aks }
      - run: kubectl create namespace "staging-\${GITHUB_SHA::7}" --dry-run=client -o yaml | kubectl apply -f -
      - run: kubectl apply -k k8s/overlays/staging -n "staging-\${GITHUB_SHA::7}"
      - name: Create GitHub deployment
        uses: actions/github-script@v7
        with:
          script: |
            const sha = context.sha;
            const { data } = await github.rest.repos.createDeployment({
              ...context.repo, ref: sha, environment: "staging", auto_merge: false, required_contexts: [],
              payload: { namespace: \`staging-\${sha.slice(0, 7)}\`, images: JSON.parse(process.env.DIGESTS) },
            });
            core.setOutput("deployment_id", data.id);

  smoke:
    needs: deploy-staging
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: ./scripts/smoke.sh "staging-\${GITHUB_SHA::7}"
`,
  ".github/workflows/staging-teardown.yml": `name: Staging teardown
run-name: Teardown \${{ inputs.sha }} [\${{ inputs.correlation_id }}]

on:
  workflow_dispatch:
    inputs:
      sha:
        description: Commit SHA whose staging namespace is removed
        required: true
        type: string
      namespace:
        description: Kubernetes namespace to delete (staging-<short sha>)
        required: true
        type: string
      correlation_id:
        description: Release Desk operation id, echoed in the run name
        required: true
        type: string

permissions:
  contents: read
  deployments: write
  id-token: write

jobs:
  teardown:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
      - uses: azure/aks-set-context@v4
        with: { resource-group: acme-rg, cluster-name: acme-aks }
      - run: kubectl delete namespace "\${{ inputs.namespace }}" --ignore-not-found
      - name: Mark staging deployment inactive
        uses: actions/github-script@v7
        with:
          script: |
            const deployments = await github.rest.repos.listDeployments({ ...context.repo, environment: "staging", sha: "\${{ inputs.sha }}" });
            for (const d of deployments.data) {
              await github.rest.repos.createDeploymentStatus({ ...context.repo, deployment_id: d.id, state: "inactive" });
            }
`,
  ".github/workflows/deploy-production.yml": `name: Deploy production
run-name: Deploy \${{ inputs.sha || github.sha }} (\${{ inputs.reason || 'release' }}) [\${{ inputs.correlation_id || 'push' }}]

on:
  push:
    branches: [main]
  workflow_dispatch:
    inputs:
      sha:
        description: Commit SHA to deploy (its accepted image digests)
        required: true
        type: string
      reason:
        description: Why this deploy happens
        required: true
        type: choice
        options: [release, rollback]
        default: release
      correlation_id:
        description: Release Desk operation id, echoed in the run name
        required: true
        type: string

permissions:
  contents: read
  deployments: write
  id-token: write

concurrency:
  group: production
  cancel-in-progress: false

jobs:
  resolve-digests:
    runs-on: ubuntu-latest
    outputs:
      images: \${{ steps.digests.outputs.images }}
    steps:
      - uses: actions/checkout@v4
      - uses: azure/login@v2
        with:
          client-id: \${{ secrets.AZURE_CLIENT_ID }}
          tenant-id: \${{ secrets.AZURE_TENANT_ID }}
          subscription-id: \${{ secrets.AZURE_SUBSCRIPTION_ID }}
      - id: digests
        run: ./scripts/resolve-digests.sh "\${{ inputs.sha || github.sha }}" >> "$GITHUB_OUTPUT"

  deploy:
    needs: resolve-digests
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
      - uses: azure/aks-set-context@v4
        with: { resource-group: acme-rg, cluster-name: acme-aks }
      - run: ./scripts/deploy.sh production '\${{ needs.resolve-digests.outputs.images }}'

  smoke:
    needs: deploy
    runs-on: ubuntu-latest
    steps:
      - run: ./scripts/smoke.sh production

  rollback-on-failure:
    needs: smoke
    if: failure()
    runs-on: ubuntu-latest
    steps:
      - run: ./scripts/redeploy-previous.sh production
`,
};
