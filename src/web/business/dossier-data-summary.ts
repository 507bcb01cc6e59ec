import type { WorkflowType } from '../../../workflows/workflow-types';
import { formStateOf } from './dossier-form.parse';
import { fieldsOf, type FieldSpec } from './dossier-form.spec';

type Translate = (key: string, params?: Record<string, unknown>) => string;

function shown(spec: FieldSpec, raw: string, t: Translate, locale: 'vi' | 'en'): string {
  if (spec.kind === 'yes_no') return raw === 'yes' ? t('common.yes') : t('common.no');
  if (spec.kind === 'select') {
    const option = spec.options?.find((o) => o.value === raw);
    return option?.label ? option.label[locale] : option ? t(`business.options.${spec.name}.${raw}`) : raw;
  }
  // Numbers arrive written in the page's convention already (formStateOf).
  const text = raw;
  return spec.unit ? `${text} ${spec.unit}` : text;
}

/** What the applicant entered, as label/value pairs in the form's order (blank fields left out). */
export function dataSummary(type: WorkflowType, data: unknown, t: Translate, locale: 'vi' | 'en'): { label: string; value: string }[] {
  const { values, rowCounts } = formStateOf(type, { data }, locale);
  const labelOf = (spec: FieldSpec) => (spec.label ? spec.label[locale] : t(`business.fields.${spec.name}`));
  const out: { label: string; value: string }[] = [];
  for (const spec of fieldsOf(type)) {
    if (spec.kind !== 'rows') {
      const raw = values[spec.name] ?? '';
      if (raw !== '') out.push({ label: labelOf(spec), value: shown(spec, raw, t, locale) });
      continue;
    }
    for (let row = 0; row < (rowCounts[spec.name] ?? 0); row++) {
      const cells = spec.columns
        .map((column) => ({ column, raw: values[`${spec.name}.${row}.${column.name}`] ?? '' }))
        .filter((cell) => cell.raw !== '')
        .map((cell) => `${labelOf(cell.column)}: ${shown(cell.column, cell.raw, t, locale)}`);
      if (cells.length) out.push({ label: `${t(`business.fields.${spec.name}`)} · ${t('business.form.line', { n: row + 1 })}`, value: cells.join('; ') });
    }
  }
  return out;
}
