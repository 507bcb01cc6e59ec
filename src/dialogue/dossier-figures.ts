import { WORKFLOW_TYPES, type WorkflowType } from '../../workflows/workflow-types';
import type { DossierRow } from './dossier-rows';

export interface TypeCounts {
  received: number;
  decided: number;
  approved: number;
  rejected: number;
}

export interface DossierFigures {
  byType: Record<WorkflowType, TypeCounts>;
  total: TypeCounts;
  onTime: { decided: number; onTime: number; ratePercent: number | null };
  averageProcessingWorkingDays: number | null;
  overdueCount: number;
  highlights: {
    eprRecyclingObligationKg: number;
    eprContributionVnd: number;
    ghgEmissionsTco2e: number;
    ghgReductionTargetTco2e: number;
    renewableCapacityKwp: number;
  };
}

/** Rounded once, here, so the API, the DOCX, the PDF and the XLSX summary show the same digits. */
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits + 0;

/** Folds dossier rows into figures; a fold, so it runs over a cursor without holding the rows. */
export function dossierFigureFolder() {
  const zero = (): TypeCounts => ({ received: 0, decided: 0, approved: 0, rejected: 0 });
  const byType = Object.fromEntries(WORKFLOW_TYPES.map((t) => [t, zero()])) as Record<WorkflowType, TypeCounts>;
  const total = zero();
  let onTime = 0;
  let daysSum = 0;
  let daysCount = 0;
  let overdueCount = 0;
  const highlights = { eprRecyclingObligationKg: 0, eprContributionVnd: 0, ghgEmissionsTco2e: 0, ghgReductionTargetTco2e: 0, renewableCapacityKwp: 0 };
  return {
    add(row: DossierRow): void {
      const counts = [byType[row.type], total].filter(Boolean);
      for (const c of counts) {
        if (row.receivedInScope) c.received += 1;
        if (row.decidedInScope) {
          c.decided += 1;
          if (row.approvedInScope) c.approved += 1;
          else c.rejected += 1;
        }
      }
      if (row.onTime) onTime += 1;
      if (row.processingWorkingDays !== null) {
        daysSum += row.processingWorkingDays;
        daysCount += 1;
      }
      if (row.overdueNow) overdueCount += 1;
      for (const key of Object.keys(highlights) as (keyof typeof highlights)[]) highlights[key] += row[key] ?? 0;
    },
    result(): DossierFigures {
      return {
        byType,
        total,
        onTime: { decided: total.decided, onTime, ratePercent: total.decided === 0 ? null : round((onTime / total.decided) * 100, 1) },
        averageProcessingWorkingDays: daysCount === 0 ? null : round(daysSum / daysCount, 1),
        overdueCount,
        highlights: {
          eprRecyclingObligationKg: round(highlights.eprRecyclingObligationKg, 3),
          eprContributionVnd: Math.round(highlights.eprContributionVnd),
          ghgEmissionsTco2e: round(highlights.ghgEmissionsTco2e, 3),
          ghgReductionTargetTco2e: round(highlights.ghgReductionTargetTco2e, 3),
          renewableCapacityKwp: round(highlights.renewableCapacityKwp, 3),
        },
      };
    },
  };
}
