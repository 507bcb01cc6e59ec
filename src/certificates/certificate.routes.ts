import type { Request, Response } from 'express';
import { z } from 'zod';
import { WORKFLOW_TYPES } from '../../workflows/workflow-types';
import { SIGNED_IN, currentActor, type RouteDefinition } from '../http/route-table';
import { parseQuery } from '../http/validate';
import { listCertificates, publicRegister, REGISTER_STATUSES, verifyCertificate } from './certificate.service';
import { OPEN_DATA_SCHEMA, OPEN_DATA_SCHEMA_VERSION, openCertificates, openCertificatesCsv } from './open-data';

const registerQuerySchema = z.strictObject({
  type: z.enum(WORKFLOW_TYPES).optional(),
  /** Words of the holder's name or the certificate number, marks optional. */
  q: z.string().trim().max(100).optional(),
  /** Valid today unless asked otherwise. */
  status: z.enum(REGISTER_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export function certificateRoutes(deps: { now: () => Date }): RouteDefinition[] {
  /** The open records for either form, cacheable for 5 minutes (docs/OPEN-DATA.md). */
  const openData = (req: Request, res: Response) => {
    res.set('Cache-Control', 'public, max-age=300');
    return openCertificates(deps.now(), String(req.app.locals.baseUrl ?? ''));
  };
  return [
    {
      method: 'get',
      // Limited per address together with the lookup pages (PUBLIC_LOOKUP_PATHS, src/http/rate-limit.ts).
      path: '/api/v1/public/certificates/:code',
      allow: ['public'],
      async handler(req, res) {
        res.json(await verifyCertificate(String(req.params.code), deps.now()));
      },
    },
    {
      method: 'get',
      path: '/api/v1/public/certificates',
      allow: ['public'],
      async handler(req, res) {
        res.json(await publicRegister(parseQuery(req, registerQuerySchema), deps.now()));
      },
    },
    {
      method: 'get',
      path: '/api/v1/certificates',
      allow: SIGNED_IN,
      async handler(req, res) {
        res.json(await listCertificates(currentActor(req), deps.now()));
      },
    },
      {
      method: 'get',
      path: '/open-data/certificates.json',
      allow: ['public'],
      docs: { summary: 'Open data: every certificate (valid, expired, revoked) with its status, schema in docs/OPEN-DATA.md', tag: 'certificates' },
      async handler(req, res) {
        const items = await openData(req, res);
        res.json({ schema: `${String(req.app.locals.baseUrl ?? '')}/open-data/schema`, schemaVersion: OPEN_DATA_SCHEMA_VERSION, publisher: 'Sở Công Thương thành phố Hải Phòng', generatedAt: deps.now().toISOString(), count: items.length, items });
      },
    },
    {
      method: 'get',
      path: '/open-data/certificates.csv',
      allow: ['public'],
      docs: { summary: 'Open data: every certificate as CSV (UTF-8, header row), schema in docs/OPEN-DATA.md', tag: 'certificates' },
      async handler(req, res) {
        const items = await openData(req, res);
        res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="certificates.csv"' });
        res.send(openCertificatesCsv(items));
      },
    },
    {
      method: 'get',
      path: '/open-data/schema',
      allow: ['public'],
      docs: { summary: 'The open data schema: fields, types and meaning', tag: 'certificates' },
      handler(_req, res) {
        res.json(OPEN_DATA_SCHEMA);
      },
    },
  ];
}
