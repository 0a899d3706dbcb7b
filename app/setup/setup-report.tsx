import { getReadinessReport } from "@/lib/readiness/readiness-report";
import { ReadinessReportView } from "@/components/setup/readiness-report-view";

/** Streams in after the page's heading: the checks ask GitHub and Azure. */
export async function SetupReport() {
  const report = await getReadinessReport();
  return <ReadinessReportView report={report} />;
}
