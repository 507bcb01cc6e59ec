import fc from 'fast-check';
import { z } from 'zod';
import { DOSSIER_TYPES } from '../../../src/applications/dossier-types';
import { routeTable } from '../../../src/http/app';
import { inputProblems, MAX_INPUT_DEPTH, queryProblems } from '../../../src/http/input-guard';

type JsonSchema = { type?: string; properties?: Record<string, JsonSchema>; additionalProperties?: unknown; [key: string]: unknown };

/** Paths of object schemas that list properties yet take unknown keys too. */
function looseObjects(schema: unknown, path = '$'): string[] {
  if (!schema || typeof schema !== 'object') return [];
  const node = schema as JsonSchema;
  const here = node.properties && node.additionalProperties !== false ? [path] : [];
  return [...here, ...Object.entries(node).flatMap(([key, child]) => (typeof child === 'object' ? looseObjects(child, `${path}.${key}`) : []))];
}

// Events are checked per type in a refinement (the fields a type takes come from the workflow's event schema).
const CHECKED_IN_A_REFINEMENT = new Set(['post /api/v1/applications/:id/events']);

describe('strict schemas at the edge', () => {
  it('when any API route declares a body or query schema, then every object in it refuses unknown keys', () => {
    const loose = routeTable({})
      .filter((route) => route.path.startsWith('/api/') && !CHECKED_IN_A_REFINEMENT.has(`${route.method} ${route.path}`))
      .flatMap((route) => [route.docs?.body, route.docs?.query].flatMap((schema) => (schema ? looseObjects(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' })).map((p) => `${route.method} ${route.path} ${p}`) : [])));
    expect(loose).toEqual([]);
  });

  it.each(Object.keys(DOSSIER_TYPES))('when the %s data schema is read, then every object in it refuses unknown keys', (type) => {
    expect(looseObjects(z.toJSONSchema(DOSSIER_TYPES[type as keyof typeof DOSSIER_TYPES].dataSchema, { io: 'input' }))).toEqual([]);
  });
});

describe('the input guard', () => {
  const plainKey = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/).filter((key) => !['__proto__', 'constructor', 'prototype'].includes(key));
  const hostileKey = fc.oneof(
    fc.constantFrom('__proto__', 'constructor', 'prototype'),
    fc.string({ maxLength: 8 }).map((s) => `$${s}`),
    fc.tuple(plainKey, plainKey).map(([a, b]) => `${a}.${b}`),
    fc.tuple(plainKey, fc.string({ maxLength: 6 })).map(([a, b]) => `${a}[${b}]`),
  );
  const shallowJson = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', maxDepth: MAX_INPUT_DEPTH - 2 }, fc.jsonValue({ maxDepth: 0 }), fc.array(tie('value'), { maxLength: 3 }), fc.dictionary(plainKey, tie('value'), { maxKeys: 3 })),
  })).value;

  /** Text that puts `key` as an own key `depth` objects down, as a client's JSON would. */
  const nestedWith = (key: string, path: string[]) => JSON.parse(path.reduceRight((inner, name) => `{${JSON.stringify(name)}:${inner}}`, `{${JSON.stringify(key)}:1}`)) as unknown;

  it('property: a hostile key anywhere above the depth limit is always reported, with its path', () => {
    fc.assert(
      fc.property(hostileKey, fc.array(plainKey, { maxLength: MAX_INPUT_DEPTH - 2 }), (key, path) => {
        const problems = inputProblems(nestedWith(key, path), { allowDottedKeys: false });
        expect(problems).toContainEqual({ field: [...path, key].join('.'), kind: 'operatorKey' });
      }),
    );
  });

  it('property: plain JSON within the depth limit is never refused', () => {
    fc.assert(fc.property(shallowJson, (value) => expect(inputProblems({ body: value }, { allowDottedKeys: false })).toEqual([])));
  });

  it('when nesting passes the limit, then one problem names where, and the walk stops there', () => {
    const deep = JSON.parse(`${'{"x":'.repeat(10_000)}1${'}'.repeat(10_000)}`) as unknown;
    const problems = inputProblems(deep, { allowDottedKeys: false });
    expect(problems).toEqual([{ field: Array(MAX_INPUT_DEPTH).fill('x').join('.'), kind: 'tooDeep' }]);
  });

  it('when a form names its inputs with dots, then they pass; operator and prototype keys still do not', () => {
    expect(inputProblems({ 'productLines.0.productCode': 'x' }, { allowDottedKeys: true })).toEqual([]);
    // A computed ['__proto__'] key is an own key, as JSON.parse makes it.
    expect(inputProblems({ $where: 'x', ['__proto__']: 'y' }, { allowDottedKeys: true }).map((p) => p.field)).toEqual(['$where', '__proto__']);
    expect(inputProblems(JSON.parse('{"__proto__":1}'), { allowDottedKeys: true }).map((p) => p.field)).toEqual(['__proto__']);
  });

  it('when a query repeats a key or uses brackets, then each is named', () => {
    expect(queryProblems({ state: ['a', 'b'], 'type[$gt]': '', page: '2' })).toEqual([
      { field: 'state', kind: 'list' },
      { field: 'type[$gt]', kind: 'operatorKey' },
    ]);
  });
});
