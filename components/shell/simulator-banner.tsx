export function SimulatorBanner({ apiUrl }: { apiUrl: string }) {
  return (
    <div role="status" className="bg-amber-300 px-4 py-1.5 text-center text-sm font-medium text-amber-950">
      Simulator mode: GitHub and Azure are simulated ({apiUrl}). Nothing here touches a real repository or
      cluster.
    </div>
  );
}
