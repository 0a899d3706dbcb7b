import { getDatabase } from "@/lib/db/client";
import { tryAdvisoryLock, type Exclusive } from "@/lib/db/try-advisory-lock";
import { runDueOperations, type RunReport } from "@/lib/operations/run-due-operations";

/** The advisory lock key of the operations pass: "RDrecon" in ASCII, a number nothing else picks. */
export const RECONCILE_LOCK_KEY = 0x52_44_72_65_63_6f_6en;

/**
 * One pass over due operations, by one replica at a time on a shared PostgreSQL. Replicas that find the
 * lock taken skip the pass (the holder is doing the work) instead of queueing behind it. Each
 * operation is still claimed by a conditional update, so even two passes at once could not run one
 * step twice; the lock keeps replicas from scanning, racing and re-reading GitHub in parallel.
 */
export async function reconcileOperations(): Promise<Exclusive<RunReport>> {
  const { driver } = await getDatabase();
  return tryAdvisoryLock(driver, RECONCILE_LOCK_KEY, runDueOperations);
}
