import { z } from 'zod';
import { WORKFLOW_TYPES } from '../../workflows/workflow-types';
import { SIGNED_IN, currentActor, type RouteDefinition } from '../http/route-table';
import { parseQuery } from '../http/validate';
import { listCertificates, publicRegister, REGISTER_STATUSES, verifyCertificate } from './certificate.service';

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
  ];
}
