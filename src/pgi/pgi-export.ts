import ExcelJS from 'exceljs';
import { GENDER_GROUPS } from './contributions-for';
import type { PeriodView } from './period-view';

const HEADER = [
  'period', 'component', 'component_name', 'indicator_id', 'name_vi', 'name_en', 'unit', 'direction', 'value', 'numerator', 'denominator',
  'contributions', 'dossiers', ...GENDER_GROUPS.map((g) => `value_leader_${g}`), 'employees_female', 'employees_male', 'employees_other', 'dossier_codes',
];

type Cell = string | number | null;

/** One row per indicator: the figure, its sums, its gender breakdown and the dossiers behind it. */
export function indicatorRows(view: PeriodView): Cell[][] {
  return view.components.flatMap((component) =>
    component.indicators.map((value) => [
      view.period.id,
      component.number,
      component.name.vi,
      value.indicator.id,
      value.indicator.name.vi,
      value.indicator.name.en,
      value.indicator.unit,
      value.indicator.direction,
      value.value,
      value.numerator,
      value.denominator,
      value.contributions,
      value.lineage.length,
      ...GENDER_GROUPS.map((g) => value.gender.byLeadership[g].value),
      value.gender.workforce.female,
      value.gender.workforce.male,
      value.gender.workforce.other,
      value.lineage.map((line) => line.code).join(' '),
    ]),
  );
}

/** Quotes where needed, and defuses cells a spreadsheet would run as a formula (CSV injection). */
function csvCell(cell: Cell): string {
  if (cell === null) return '';
  let text = String(cell);
  if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a byte-order mark, so spreadsheet programs read the Vietnamese names correctly. */
export function periodCsv(view: PeriodView): string {
  return `\uFEFF${[HEADER, ...indicatorRows(view)].map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/** Two sheets: the indicators as in the CSV, and the lineage (one row per indicator and dossier). */
export async function periodXlsx(view: PeriodView): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Sở Công Thương Hải Phòng';
  const indicators = workbook.addWorksheet('Indicators');
  indicators.addRow(HEADER);
  for (const row of indicatorRows(view)) indicators.addRow(row);
  const lineage = workbook.addWorksheet('Lineage');
  lineage.addRow(['period', 'indicator_id', 'dossier_code', 'numerator', 'denominator']);
  for (const component of view.components) {
    for (const value of component.indicators) {
      for (const line of value.lineage) lineage.addRow([view.period.id, value.indicator.id, line.code, line.numerator, line.denominator]);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
