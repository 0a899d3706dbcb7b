-- AlterTable
ALTER TABLE "operations" ADD COLUMN "production_lock" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "operations_production_lock_key" ON "operations"("production_lock");

-- At most one unfinished production operation: the unique lock column is set when a rollback is
-- written and released here, in the database, the moment the operation finishes, whichever code
-- finishes it. needs_attention keeps the lock: a dispatched deploy may still be running.
CREATE FUNCTION "operations_release_production_lock"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW."state" IN ('succeeded', 'failed') THEN
        NEW."production_lock" := NULL;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "operations_production_lock_release"
    BEFORE UPDATE ON "operations"
    FOR EACH ROW EXECUTE FUNCTION "operations_release_production_lock"();
