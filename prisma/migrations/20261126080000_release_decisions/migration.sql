-- CreateTable
CREATE TABLE "release_decisions" (
    "id" UUID NOT NULL,
    "sha" TEXT NOT NULL,
    "decision" TEXT NOT NULL,
    "reviewer" TEXT NOT NULL,
    "reviewer_roles" TEXT[],
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "checklist" JSONB NOT NULL,
    "notes" TEXT,
    "pr_head_sha" TEXT,
    "pr_number" INTEGER,
    "images" JSONB NOT NULL,
    "health_snapshot" JSONB,
    "keep_staging" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "release_decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "operations" (
    "id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "release_sha" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "correlation_id" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "github_run_id" BIGINT,
    "github_run_url" TEXT,
    "dispatched_at" TIMESTAMPTZ(3),
    "actor" TEXT NOT NULL,
    "depends_on" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "operations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "release_decisions_sha_key" ON "release_decisions"("sha");

-- CreateIndex
CREATE UNIQUE INDEX "operations_correlation_id_key" ON "operations"("correlation_id");

-- CreateIndex
CREATE INDEX "operations_release_sha_idx" ON "operations"("release_sha");

-- CreateIndex
CREATE INDEX "operations_state_next_attempt_at_idx" ON "operations"("state", "next_attempt_at");
