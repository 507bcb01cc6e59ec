import type { WorkflowType } from '../../../workflows/workflow-types';

/**
 * What a briefing reads of a dossier beyond its dates and state: the figures it adds up (EPR obligations,
 * GHG inventories, rooftop solar) and the kind of eco certificate asked for, taken from the dossier's data and
 * calculation results. Kept in its summary, so a report over a year of dossiers reads summaries in memory
 * instead of decoding every dossier document (~7 KB each).
 */
export interface ReportFacts {
  /** Green transformation: `eco_industrial_park` or `eco_enterprise`. */
  certificateKind?: string;
  eprRecyclingObligationKg?: number;
  eprContributionVnd?: number;
  ghgEmissionsTco2e?: number;
  ghgReductionTargetTco2e?: number;
  renewableCapacityKwp?: number;
}

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
const resultOf = (results: Record<string, unknown> | undefined, name: string) => ((results?.[name] as { result?: Record<string, unknown> } | undefined)?.result ?? {});

/** The facts of one dossier of its type (the others left out), from its data and results as they stand. */
export function reportFactsOf(type: WorkflowType, data: Record<string, unknown> | undefined, results: Record<string, unknown> | undefined): ReportFacts {
  const facts: ReportFacts = {};
  if (type === 'green_transformation') {
    facts.certificateKind = typeof data?.certificateKind === 'string' ? data.certificateKind : undefined;
  } else if (type === 'epr') {
    facts.eprRecyclingObligationKg = num(resultOf(results, 'eprObligation').totalRecyclingObligationKg);
    facts.eprContributionVnd = num(resultOf(results, 'eprObligation').totalContributionVnd);
  } else if (type === 'emissions_reduction') {
    facts.ghgEmissionsTco2e = num(resultOf(results, 'ghgEmissions').totalEmissionsTco2e);
    facts.ghgReductionTargetTco2e = num(data?.reductionTargetTco2e);
  } else if (type === 'renewable_energy') {
    facts.renewableCapacityKwp = num(data?.capacityKw);
  }
  // Undefined facts are left out, so the stored summary holds only what the dossier has.
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)) as ReportFacts;
}
