import Link from "next/link";
import type { RollbackOperationView } from "@/lib/releases/get-rollback-operations";
import { Notice } from "@/components/notice";
import { RefreshWhileActive } from "@/components/releases/refresh-while-active";

/** The production operation in flight, so nobody starts another one. */
export function ActiveRollbackNotice({ op }: { op: RollbackOperationView }) {
  const title =
    op.state === "needs_attention"
      ? `Rollback to ${op.targetSha.slice(0, 7)} started by ${op.actor} needs attention`
      : `Rollback to ${op.targetSha.slice(0, 7)} started by ${op.actor} is running`;
  return (
    <div className="mb-4" data-testid="active-rollback">
      <RefreshWhileActive active={op.active} />
      <Notice tone="warning" title={title}>
        <p>
          {op.stateLabel}.{" "}
          <Link
            href={`/production/rollback/${op.targetSha}?operation=${op.id}`}
            className="text-blue-800 underline"
          >
            Follow the rollback
          </Link>
        </p>
      </Notice>
    </div>
  );
}
