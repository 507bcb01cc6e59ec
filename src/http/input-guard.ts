import type { RequestHandler } from 'express';
import { validationFailed, type FieldError } from '../errors';

/**
 * Input shapes no client needs and an attacker likes, refused before any schema or query sees them:
 * - keys a MongoDB filter or update would read as an operator (`$where`, `$ne`) or a path (`a.b`), and the
 *   bracket keys (`state[$ne]`) that other query parsers turn into objects;
 * - keys that reach an object's prototype when copied (`__proto__`, `constructor`, `prototype`);
 * - nesting deeper than any of our bodies (a dossier's data is 4 levels: body.data.productLines[0].field);
 * - repeated query keys (`?state=a&state=b`): no route takes a list in its query.
 * Dotted names stay allowed in urlencoded and multipart forms: that is how the dossier form names its
 * inputs (`productLines.0.productCode`), and a form's names are only read, one known name at a time.
 */
export const MAX_INPUT_DEPTH = 8;
const MAX_REPORTED = 20;
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type InputProblemKind = 'operatorKey' | 'tooDeep' | 'list';
export interface InputProblem {
  field: string;
  kind: InputProblemKind;
}

const refusedKey = (key: string, allowDots: boolean) => PROTOTYPE_KEYS.has(key) || /[$[\]]/.test(key) || (!allowDots && key.includes('.'));
const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/** Every refused key and the first place that nests too deep; recursion stops at the depth limit. */
export function inputProblems(value: unknown, options: { allowDottedKeys: boolean; depth?: number; path?: string } = { allowDottedKeys: false }): InputProblem[] {
  const depth = options.depth ?? 0;
  const path = options.path ?? '';
  if (value === null || typeof value !== 'object') return [];
  if (depth >= MAX_INPUT_DEPTH) return [{ field: path || '(body)', kind: 'tooDeep' }];
  const problems: InputProblem[] = [];
  // Own keys only: JSON.parse makes "__proto__" an own key, which is exactly what must be seen.
  for (const key of Object.keys(value)) {
    const field = join(path, key);
    if (refusedKey(key, options.allowDottedKeys)) problems.push({ field, kind: 'operatorKey' });
    else problems.push(...inputProblems((value as Record<string, unknown>)[key], { ...options, depth: depth + 1, path: field }));
    if (problems.length >= MAX_REPORTED) break;
  }
  return problems;
}

/** Query values are single strings: a repeated key (an array) is refused. */
export function queryProblems(query: Record<string, unknown>): InputProblem[] {
  return Object.entries(query).flatMap(([field, value]): InputProblem[] =>
    refusedKey(field, false) ? [{ field, kind: 'operatorKey' }] : typeof value === 'string' ? [] : [{ field, kind: 'list' }],
  );
}

type Translate = (key: string) => string;

/** Runs on every route of the table, after authorization: 400 naming each refused field, in the page's language. */
export const refuseHostileInput: RequestHandler = (req, res, next) => {
  const form = Boolean(req.is(['urlencoded', 'multipart']));
  const problems = [...queryProblems(req.query as Record<string, unknown>), ...inputProblems(req.body, { allowDottedKeys: form })].slice(0, MAX_REPORTED);
  if (problems.length === 0) return next();
  const t = (res.locals.t as Translate | undefined) ?? ((key: string) => key);
  const fieldErrors: FieldError[] = problems.map((p) => ({ field: p.field, message: t(`input.errors.${p.kind}`) }));
  next(validationFailed(fieldErrors, t('input.refused')));
};
