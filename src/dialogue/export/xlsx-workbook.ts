import ExcelJS from 'exceljs';
import type { TFunction } from 'i18next';
import type { ConferenceFigures } from '../conference-figures';
import type { DossierRow } from '../dossier-rows';
import type { PetitionRecord } from '../petition.model';
import { summaryRows } from './summary-rows';

export interface WorkbookInput {
  figures: ConferenceFigures;
  t: TFunction;
  dossierRows: AsyncIterable<DossierRow>;
  petitions: AsyncIterable<PetitionRecord>;
  /** Called once per streamed row, for progress. */
  onRow?: () => void;
}

const DOSSIER_COLUMNS = [
  'code', 'type', 'title', 'state', 'submitted_at', 'decided_at', 'current_due_at', 'received_in_scope', 'decided_in_scope', 'approved_in_scope', 'on_time',
  'processing_working_days', 'overdue_now', 'epr_recycling_obligation_kg', 'epr_contribution_vnd', 'ghg_emissions_tco2e', 'ghg_reduction_target_tco2e', 'renewable_capacity_kwp',
];
const PETITION_COLUMNS = ['code', 'topic', 'topic_label', 'organization', 'text', 'status', 'responsible_unit', 'response', 'received_at', 'answered_at', 'closed_at', 'linked_dossiers', 'channel'];

/**
 * The raw tables behind every figure, written with exceljs's streaming writer: each row is committed as it
 * comes from the cursor, so 10k+ rows never sit in memory. Column ids are stable (tools read them); the summary
 * sheet's labels follow the requested language.
 */
export async function writeWorkbook(input: WorkbookInput, filename: string): Promise<void> {
  const { figures, t } = input;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename, useSharedStrings: false, useStyles: false });
  workbook.creator = t('dialogue.department');

  const summary = workbook.addWorksheet('Summary');
  summary.addRow(['key', 'label', 'value', 'unit']).commit();
  for (const row of summaryRows(figures, t)) summary.addRow([row.key, row.label, row.value, row.unit]).commit();
  summary.commit();

  const dossiers = workbook.addWorksheet('Dossiers');
  dossiers.addRow(DOSSIER_COLUMNS).commit();
  for await (const r of input.dossierRows) {
    dossiers
      .addRow([
        r.code, r.type, r.title, r.state, r.submittedAt, r.decidedAt, r.currentDueAt, r.receivedInScope, r.decidedInScope, r.approvedInScope, r.onTime,
        r.processingWorkingDays, r.overdueNow, r.eprRecyclingObligationKg, r.eprContributionVnd, r.ghgEmissionsTco2e, r.ghgReductionTargetTco2e, r.renewableCapacityKwp,
      ])
      .commit();
    input.onRow?.();
  }
  dossiers.commit();

  const pgi = workbook.addWorksheet('PGI');
  pgi.addRow(['period', 'closed', 'component', 'indicator_id', 'name', 'unit', 'value']).commit();
  for (const period of figures.pgi) {
    for (const c of period.components) for (const i of c.indicators) pgi.addRow([period.id, period.closed, c.number, i.id, i.name.vi, i.unit, i.value]).commit();
  }
  pgi.commit();

  const certified = workbook.addWorksheet('Certified');
  certified.addRow(['kind', 'number', 'holder', 'dossier_code', 'issued_at', 'expires_at']).commit();
  for (const [kind, items] of [['eco_industrial_park', figures.certified.ecoIndustrialParks], ['eco_enterprise', figures.certified.ecoEnterprises]] as const) {
    for (const c of items) certified.addRow([kind, c.number, c.holderName, c.dossierCode, c.issuedAt, c.expiresAt]).commit();
  }
  certified.commit();

  const petitions = workbook.addWorksheet('Petitions');
  petitions.addRow(PETITION_COLUMNS).commit();
  for await (const p of input.petitions) {
    petitions
      .addRow([
        p.code, p.topic, t(`dialogue.topics.${p.topic}`), p.organizationName, p.text, p.status, p.responsibleUnit ?? null, p.response ?? null, p.receivedAt,
        p.answeredAt ?? null, p.closedAt ?? null, p.linkedDossierCodes.join(' '), p.channel,
      ])
      .commit();
    input.onRow?.();
  }
  petitions.commit();
  await workbook.commit();
}
