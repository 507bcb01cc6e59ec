import ExcelJS from 'exceljs';
import type { selfAssessment } from '../../applications';

type Figures = ReturnType<typeof selfAssessment>;
type Translate = (key: string, params?: Record<string, unknown>) => string;

/**
 * The self-assessment as a workbook for the Department's report: the indicators per procedure, their formulas
 * and source, and the dossiers behind each figure, in the reader's language.
 */
export async function decision766Workbook(input: { periodId: string; figures: Figures; definitions: Record<string, { vi: string; en: string }>; source: { vi: string; en: string }; locale: 'vi' | 'en'; t: Translate }): Promise<Buffer> {
  const { figures, t, locale } = input;
  const ids = Object.keys(input.definitions);
  const workbook = new ExcelJS.Workbook();
  const rows = [...figures.byProcedure, figures.total];
  const name = (type: string) => (type === 'all' ? t('leader.d766.all') : t(`types.${type}`));

  const sheet = workbook.addWorksheet(t('leader.d766.sheets.indicators'));
  sheet.addRow([t('leader.d766.caption', { id: input.periodId })]).font = { bold: true };
  sheet.addRow([t('leader.d766.procedure'), t('leader.d766.decided'), ...ids]).font = { bold: true };
  for (const row of rows) sheet.addRow([name(row.type), row.decided, ...ids.map((id) => row.indicators.find((i) => i.id === id)?.value ?? null)]);
  sheet.getColumn(1).width = 44;

  const formulas = workbook.addWorksheet(t('leader.d766.sheets.definitions'));
  formulas.addRow([t('leader.d766.sheets.indicator'), t('leader.d766.how')]).font = { bold: true };
  for (const id of ids) formulas.addRow([id, input.definitions[id]![locale]]);
  formulas.addRow([]);
  formulas.addRow([input.source[locale]]);
  formulas.getColumn(2).width = 120;

  const dossiers = workbook.addWorksheet(t('leader.d766.sheets.dossiers'));
  dossiers.addRow([t('leader.d766.procedure'), t('leader.d766.sheets.indicator'), t('leader.d766.sheets.dossier')]).font = { bold: true };
  for (const row of figures.byProcedure) for (const indicator of row.indicators) for (const code of indicator.dossiers) dossiers.addRow([name(row.type), indicator.id, code]);
  dossiers.getColumn(1).width = 44;
  dossiers.getColumn(3).width = 30;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
