// The evidence report as JSON: the EvidenceReport data itself (docs/evidence-report.md), for archiving and for tools.
import type { EvidenceReport } from "./evidence";

export function formatEvidenceJson(e: EvidenceReport): string {
    return JSON.stringify(e, null, 2) + "\n";
}
