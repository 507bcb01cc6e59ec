import type { TFunction } from 'i18next';
import { WORKFLOW_TYPES } from '../../../workflows/workflow-types';
import type { ConferenceFigures } from '../conference-figures';
import { PETITION_STATUSES } from '../petition-topics';

export interface SummaryRow {
  /** A stable path into the figures API answer (e.g. `dossiers.byType.epr.received`), so tools can match them. */
  key: string;
  label: string;
  value: number | null;
  unit: string;
}

/** Every headline figure as a row: the XLSX summary sheet, and what the tests compare with the API. */
export function summaryRows(figures: ConferenceFigures, t: TFunction): SummaryRow[] {
  const d = figures.dossiers;
  const rows: SummaryRow[] = [];
  const add = (key: string, label: string, value: number | null, unit = '') => rows.push({ key, label, value, unit });
  for (const type of WORKFLOW_TYPES) {
    for (const measure of ['received', 'decided', 'approved', 'rejected'] as const) {
      add(`dossiers.byType.${type}.${measure}`, `${t(`dialogue.types.${type}`)}: ${t(`dialogue.${measure}`)}`, d.byType[type][measure]);
    }
  }
  for (const measure of ['received', 'decided', 'approved', 'rejected'] as const) add(`dossiers.total.${measure}`, `${t('dialogue.total')}: ${t(`dialogue.${measure}`)}`, d.total[measure]);
  add('dossiers.onTime.onTime', t('dialogue.onTimeRate'), d.onTime.onTime);
  add('dossiers.onTime.ratePercent', t('dialogue.onTimeRate'), d.onTime.ratePercent, '%');
  add('dossiers.averageProcessingWorkingDays', t('dialogue.averageDays'), d.averageProcessingWorkingDays, t('dialogue.workingDays'));
  add('dossiers.overdueCount', t('dialogue.overdueList'), d.overdueCount);
  const h = d.highlights;
  add('dossiers.highlights.eprRecyclingObligationKg', t('dialogue.eprObligation'), h.eprRecyclingObligationKg, 'kg');
  add('dossiers.highlights.eprContributionVnd', t('dialogue.eprContribution'), h.eprContributionVnd, 'VND');
  add('dossiers.highlights.ghgEmissionsTco2e', t('dialogue.ghgEmissions'), h.ghgEmissionsTco2e, 'tCO2e');
  add('dossiers.highlights.ghgReductionTargetTco2e', t('dialogue.ghgReduction'), h.ghgReductionTargetTco2e, 'tCO2e');
  add('dossiers.highlights.renewableCapacityKwp', t('dialogue.renewableCapacity'), h.renewableCapacityKwp, 'kWp');
  add('certified.ecoIndustrialParks.length', t('dialogue.ecoParks'), figures.certified.ecoIndustrialParks.length);
  add('certified.ecoEnterprises.length', t('dialogue.ecoEnterprises'), figures.certified.ecoEnterprises.length);
  add('petitions.total', t('dialogue.petitions'), figures.petitions.total);
  add('petitions.open', t('dialogue.openItems'), figures.petitions.open);
  for (const status of PETITION_STATUSES) add(`petitions.byStatus.${status}`, t(`dialogue.statuses.${status}`), figures.petitions.byStatus[status]);
  figures.petitions.byTopic.forEach((group, i) => add(`petitions.byTopic.${i}.total`, t(`dialogue.topics.${group.topic}`), group.total));
  return rows;
}
