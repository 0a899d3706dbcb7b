import Link from "next/link";
import { findRollbackOffer } from "@/lib/releases/find-rollback-offer";

/**
 * Shown on the overview when production turned unhealthy after its latest deploy: the way back to
 * the last deployment that was healthy, through the same confirmation and checks as the history's.
 */
export async function RollbackOffer({ canRollBack }: { canRollBack: boolean }) {
  let offer;
  try {
    offer = await findRollbackOffer();
  } catch {
    // The environment cards already say when GitHub cannot be read; the offer just stays away.
    return null;
  }
  if (!offer) return null;
  const current = offer.currentSha.slice(0, 7);
  return (
    <section
      aria-labelledby="rollback-offer-heading"
      data-testid="rollback-offer"
      className="mb-6 rounded border border-red-300 bg-red-50 p-4 text-red-950"
    >
      <h2 id="rollback-offer-heading" className="font-semibold">
        Production turned unhealthy after deploying {current}
      </h2>
      {offer.crossings.length > 0 ? (
        <ul className="mt-1 list-disc pl-5 text-sm">
          {offer.crossings.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      ) : null}
      {!offer.target ? (
        <p className="mt-2 text-sm">No recent production deployment was healthy after it went out.</p>
      ) : canRollBack ? (
        <Link
          href={`/production/rollback/${offer.target.sha}`}
          className="mt-2 inline-block rounded bg-red-800 px-3 py-1.5 text-sm font-medium text-white"
        >
          Review a rollback to {offer.target.sha.slice(0, 7)} (last healthy)
        </Link>
      ) : (
        <p className="mt-2 text-sm">
          The last healthy deployment was {offer.target.sha.slice(0, 7)}; a lead can roll production back to
          it.
        </p>
      )}
    </section>
  );
}
