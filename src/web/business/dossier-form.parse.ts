import type { z } from 'zod';
import type { WorkflowType } from '../../../workflows/workflow-types';
import { DOSSIER_TYPES } from '../../applications/dossier-types';
import { formatLocaleNumber, parseLocaleNumber, type Locale } from '../../i18n';
import { fieldsOf, type FieldSpec, type RowsSpec } from './dossier-form.spec';

/** A field message before translation: a key under `business.errors` and its parameters. */
export interface FieldMessage {
  key: string;
  params?: Record<string, unknown>;
}

/** Everything the form needs to show itself again: the raw text typed, the rows to draw, the messages. */
export interface FormState {
  values: Record<string, string>;
  rowCounts: Record<string, number>;
  errors: Record<string, FieldMessage>;
}

export interface ParsedForm {
  title: string;
  industrialComplexCode: string;
  data: Record<string, unknown>;
  state: FormState;
  /** The "add a line" button of this list was pressed: show the form again with one more line, save nothing. */
  addRowTo?: string;
  /** The first field of the line just added, for the page to put the cursor in. */
  focus?: string;
}

const BLANK_ROWS = 2;
const MIN_ROWS = 3;
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const isRows = (spec: FieldSpec | RowsSpec): spec is RowsSpec => spec.kind === 'rows';

/** One input's text turned into the value the schema expects; undefined for a blank input. */
function convert(spec: FieldSpec, raw: string, locale: Locale): { value?: unknown; error?: FieldMessage } {
  const trimmed = raw.trim();
  if (trimmed === '') return {};
  switch (spec.kind) {
    case 'year':
      return /^\d{4}$/.test(trimmed) ? { value: Number(trimmed) } : { error: { key: 'business.errors.year' } };
    case 'integer':
    case 'number': {
      // In the page's convention: 50.000.000.000 and 1.250,5 on the Vietnamese side (src/i18n/locale-number.ts).
      const number = parseLocaleNumber(trimmed, locale);
      if (number === undefined) return { error: { key: spec.kind === 'integer' ? 'business.errors.integer' : 'business.errors.number' } };
      return { value: number };
    }
    case 'yes_no':
      return trimmed === 'yes' ? { value: true } : trimmed === 'no' ? { value: false } : { error: { key: 'business.errors.choice' } };
    case 'lines': {
      const lines = trimmed.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
      return lines.length ? { value: lines } : {};
    }
    default:
      return { value: trimmed };
  }
}

/** Sets `a.b` inside an object (evidence.<criterion> becomes evidence: { criterion }). */
function assign(target: Record<string, unknown>, name: string, value: unknown) {
  const [head, ...rest] = name.split('.');
  if (!rest.length) target[head!] = value;
  else assign((target[head!] ??= {}) as Record<string, unknown>, rest.join('.'), value);
}

function rowIndexesIn(body: Record<string, unknown>, name: string): number[] {
  const pattern = new RegExp(`^${name}\\.(\\d{1,3})\\.`);
  return [...new Set(Object.keys(body).flatMap((key) => (pattern.exec(key) ? [Number(pattern.exec(key)![1])] : [])))].sort((a, b) => a - b);
}

/** zod's issue, in words the page can translate. */
export function messageFor(issue: z.core.$ZodIssue): FieldMessage {
  switch (issue.code) {
    case 'invalid_type':
      return { key: issue.expected === 'int' ? 'business.errors.integer' : issue.expected === 'number' ? 'business.errors.number' : 'business.errors.invalid' };
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? { key: 'business.errors.required' } : { key: 'business.errors.minLength', params: { min: Number(issue.minimum) } };
      return { key: issue.inclusive === false ? 'business.errors.greaterThan' : 'business.errors.min', params: { min: Number(issue.minimum) } };
    case 'too_big':
      return { key: issue.origin === 'string' ? 'business.errors.maxLength' : 'business.errors.max', params: { max: Number(issue.maximum) } };
    case 'invalid_value':
      return { key: 'business.errors.choice' };
    case 'invalid_format':
      return { key: 'business.errors.format' };
    default:
      return { key: 'business.errors.invalid' };
  }
}

/**
 * Reads the posted form of one dossier type: converts text to the schema's types, validates title and data
 * with the same zod schemas the service uses, and keeps every raw value so a refused form loses nothing.
 */
export function parseDossierForm(type: WorkflowType, body: Record<string, unknown>, headerSchema: z.ZodType, locale: Locale): ParsedForm {
  const state: FormState = { values: {}, rowCounts: {}, errors: {} };
  const data: Record<string, unknown> = {};
  // Blank rows are dropped, so row k of the data may be row i of the form: errors must find their way back.
  const rowOrigin: Record<string, number[]> = {};

  for (const spec of fieldsOf(type)) {
    if (!isRows(spec)) {
      const raw = text(body[spec.name]);
      state.values[spec.name] = raw;
      const { value, error } = convert(spec, raw, locale);
      if (error) state.errors[spec.name] = error;
      else if (value !== undefined) assign(data, spec.name, value);
      continue;
    }
    const rows: Record<string, unknown>[] = [];
    const origin: number[] = [];
    const indexes = rowIndexesIn(body, spec.name).filter((i) => i < spec.maxRows);
    for (const index of indexes) {
      const row: Record<string, unknown> = {};
      for (const column of spec.columns) {
        const name = `${spec.name}.${index}.${column.name}`;
        const raw = text(body[name]);
        state.values[name] = raw;
        const { value, error } = convert(column, raw, locale);
        if (error) state.errors[name] = error;
        else if (value !== undefined) row[column.name] = value;
      }
      if (spec.columns.some((c) => text(body[`${spec.name}.${index}.${c.name}`]).trim() !== '')) {
        rows.push(row);
        origin.push(index);
      }
    }
    const lastIndex = indexes.length ? indexes[indexes.length - 1]! + 1 : 0;
    state.rowCounts[spec.name] = Math.min(spec.maxRows, Math.max(MIN_ROWS, origin.length ? origin[origin.length - 1]! + 1 + BLANK_ROWS : lastIndex));
    rowOrigin[spec.name] = origin;
    if (rows.length) data[spec.name] = rows;
  }

  const title = text(body.title).trim();
  const industrialComplexCode = text(body.industrialComplexCode).trim().toUpperCase();
  state.values.title = text(body.title);
  state.values.industrialComplexCode = text(body.industrialComplexCode);
  const header = headerSchema.safeParse({ title, ...(industrialComplexCode ? { industrialComplexCode } : {}) });
  if (!header.success) for (const issue of header.error.issues) state.errors[String(issue.path[0])] ??= messageFor(issue);

  // A name this form does not draw is refused by name, not dropped: the page shows it and saves nothing.
  for (const name of Object.keys(body)) if (name !== '_csrf' && name !== 'addRow' && !(name in state.values)) state.errors[name] = { key: 'input.errors.unknownField' };
  const grown = fieldsOf(type).find((spec): spec is RowsSpec => isRows(spec) && spec.name === body.addRow);
  if (grown) {
    const drawn = Math.max(MIN_ROWS, ...rowIndexesIn(body, grown.name).map((index) => index + 1));
    if (drawn < grown.maxRows) {
      state.rowCounts[grown.name] = drawn + 1;
      return { title, industrialComplexCode, data, state: { ...state, errors: {} }, addRowTo: grown.name, focus: `${grown.name}.${drawn}.${grown.columns[0]!.name}` };
    }
  }

  const parsed = DOSSIER_TYPES[type].dataSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      const origin = rowOrigin[path[0] ?? ''];
      if (origin && path[1] !== undefined) path[1] = String(origin[Number(path[1])] ?? path[1]);
      state.errors[path.join('.')] ??= messageFor(issue);
    }
  }
  return { title, industrialComplexCode, data, state };
}

function rawOf(spec: FieldSpec, value: unknown, locale: Locale): string {
  if (value === undefined || value === null) return '';
  if ((spec.kind === 'integer' || spec.kind === 'number') && typeof value === 'number') return formatLocaleNumber(value, locale);
  if (spec.kind === 'yes_no') return value === true ? 'yes' : value === false ? 'no' : '';
  if (spec.kind === 'lines' && Array.isArray(value)) return value.map(String).join('\n');
  return String(value);
}

const valueAt = (data: Record<string, unknown>, name: string): unknown =>
  name.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);

/** The form state of a saved dossier, for the edit page. */
export function formStateOf(type: WorkflowType, saved: { title?: string; industrialComplexCode?: string; data?: unknown }, locale: Locale): FormState {
  const data = (saved.data ?? {}) as Record<string, unknown>;
  const state: FormState = { values: { title: saved.title ?? '', industrialComplexCode: saved.industrialComplexCode ?? '' }, rowCounts: {}, errors: {} };
  for (const spec of fieldsOf(type)) {
    if (!isRows(spec)) {
      state.values[spec.name] = rawOf(spec, valueAt(data, spec.name), locale);
      continue;
    }
    const rows = Array.isArray(data[spec.name]) ? (data[spec.name] as Record<string, unknown>[]) : [];
    rows.forEach((row, index) => {
      for (const column of spec.columns) state.values[`${spec.name}.${index}.${column.name}`] = rawOf(column, row[column.name], locale);
    });
    state.rowCounts[spec.name] = Math.min(spec.maxRows, Math.max(MIN_ROWS, rows.length + BLANK_ROWS));
  }
  return state;
}

/** A blank form (rows drawn at their minimum). */
export function emptyFormState(type: WorkflowType, locale: Locale): FormState {
  return formStateOf(type, {}, locale);
}
