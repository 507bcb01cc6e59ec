import type { WorkflowType } from '../../../workflows/workflow-types';

/**
 * The figures a briefing adds up over dossiers (EPR obligations, GHG inventories, rooftop solar), taken from a
 * dossier's data and calculation results. Kept in its summary, so a report over a year of dossiers reads
 * summaries in memory instead of decoding every dossier document (~7 KB each).
 */
export interface ReportFigures {
  eprRecyclingObligationKg?: number;
  eprContributionVnd?: number;
  ghgEmissionsTco2e?: number;
  ghgReductionTargetTco2e?: number;
  renewableCapacityKwp?: number;
}

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const resultOf = (results: Record<string, unknown> | undefined, name: string) => ((results?.[name] as { result?: Record<string, unknown> } | undefined)?.result ?? {});

/** The figures of one dossier of its type (the others left out), from its data and results as they stand. */
export function reportFiguresOf(type: WorkflowType, data: Record<string, unknown> | undefined, results: Record<string, unknown> | undefined): ReportFigures {
  const figures: ReportFigures = {};
  if (type === 'epr') {
    figures.eprRecyclingObligationKg = num(resultOf(results, 'eprObligation').totalRecyclingObligationKg);
    figures.eprContributionVnd = num(resultOf(results, 'eprObligation').totalContributionVnd);
  } else if (type === 'emissions_reduction') {
    figures.ghgEmissionsTco2e = num(resultOf(results, 'ghgEmissions').totalEmissionsTco2e);
    figures.ghgReductionTargetTco2e = num(data?.reductionTargetTco2e);
  } else if (type === 'renewable_energy') {
    figures.renewableCapacityKwp = num(data?.capacityKw);
  }
  // Undefined figures are left out, so the stored summary holds only what the dossier has.
  return Object.fromEntries(Object.entries(figures).filter(([, value]) => value !== undefined)) as ReportFigures;
}
