import { z } from 'zod';
import { workflowDiagram } from '../../workflows/workflow-diagram';
import { DVCQG_SOURCE, DVCQG_STATUSES, dvcqgMappingFor } from '../../workflows/dvcqg-status';
import { getWorkflow, listWorkflows } from '../../workflows/registry';
import type { WorkingCalendar } from '../calendar';
import { APPLICANTS, SIGNED_IN, STAFF, currentActor, type RouteDefinition } from '../http/route-table';
import { parseBody, parseInput, parseQuery } from '../http/validate';
import { notFound } from '../errors';
import { sendEvent } from './send-event';
import { rateService } from './service-rating';
import { eprPortalExport, eprPortalWorkbook } from './epr-portal-export';

const ratingBodySchema = z.strictObject({ score: z.number().int().min(1).max(5), comment: z.string().max(1000).optional() });
import {
  createApplicationSchema,
  eventBodySchema,
  listApplicationsQuerySchema,
  updateApplicationSchema,
} from './application.schemas';
import { createApplication, describeApplication, listApplications, presentDossier, updateApplication } from './application.service';
import { dossierHistory, publicDossierStatus } from './dossier-history.service';

export interface ApplicationRouteDeps {
  now: () => Date;
  calendar: WorkingCalendar;
}

const idParam = (value: unknown) => String(value);

/** The applications API (/api/v1): dossiers, their events and history, workflows, and the public lookup. */
export function applicationRoutes(deps: ApplicationRouteDeps): RouteDefinition[] {
  return [
    {
      method: 'post',
      path: '/api/v1/applications',
      allow: APPLICANTS,
      docs: { summary: 'Open a draft dossier', body: createApplicationSchema },
      async handler(req, res) {
        const dossier = await createApplication(currentActor(req), parseBody(req, createApplicationSchema), deps.now());
        res.status(201).location(`/api/v1/applications/${dossier._id}`).json(await describeApplication(currentActor(req), String(dossier._id), deps.now()));
      },
    },
    {
      method: 'get',
      path: '/api/v1/applications',
      allow: SIGNED_IN,
      docs: { summary: 'List dossiers (applicants see their organization\'s)', query: listApplicationsQuerySchema },
      async handler(req, res) {
        res.json(await listApplications(currentActor(req), parseQuery(req, listApplicationsQuerySchema), deps.now()));
      },
    },
    {
      method: 'get',
      path: '/api/v1/applications/:id',
      allow: SIGNED_IN,
      async handler(req, res) {
        res.json(await describeApplication(currentActor(req), idParam(req.params.id), deps.now()));
      },
    },
    {
      method: 'patch',
      path: '/api/v1/applications/:id',
      allow: APPLICANTS,
      docs: { summary: 'Edit a draft or a dossier under supplementation', body: updateApplicationSchema },
      async handler(req, res) {
        const actor = currentActor(req);
        const dossier = await updateApplication(actor, idParam(req.params.id), parseBody(req, updateApplicationSchema), deps.now());
        res.json(await describeApplication(actor, String(dossier._id), deps.now()));
      },
    },
    {
      method: 'get',
      path: '/api/v1/applications/:id/epr-portal',
      allow: [...APPLICANTS, 'officer', 'leader'],
      docs: { summary: 'The EPR portal filing prepared from an EPR dossier: form 01 registration and form 02 results report with the computed obligation (JSON, or XLSX with ?format=xlsx); see docs/EPR-EXPORT.md', tag: 'applications' },
      async handler(req, res) {
        const data = await eprPortalExport(currentActor(req), String(req.params.id), deps.now());
        if (req.query.format === 'xlsx') {
          res.set({ 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': `attachment; filename="epr-${data.registration.reportingYear}-${data.dossier.code}.xlsx"` });
          res.send(await eprPortalWorkbook(data));
          return;
        }
        res.json(data);
      },
    },
    {
      method: 'post',
      path: '/api/v1/applications/:id/rating',
      allow: APPLICANTS,
      docs: { summary: "Rate the service once the result is given (1–5 and an optional comment, once per dossier; Decision 766 satisfaction)", body: ratingBodySchema },
      async handler(req, res) {
        const body = parseBody(req, ratingBodySchema);
        res.status(201).json(await rateService(currentActor(req), String(req.params.id), body, deps.now()));
      },
    },
    {
      method: 'post',
      path: '/api/v1/applications/:id/events',
      allow: [...APPLICANTS, 'officer', 'leader'],
      docs: { summary: 'Send a workflow event (server stamps the time and computes the facts)', body: eventBodySchema },
      async handler(req, res) {
        const { type, comment, ...payload } = parseBody(req, eventBodySchema);
        const applied = await sendEvent(currentActor(req), idParam(req.params.id), { type, comment, payload }, { ...deps, log: req.log });
        res.status(201).json({ ...applied, outbox: applied.outbox.map(({ id, kind }) => ({ id, kind })) });
      },
    },
    {
      method: 'get',
      path: '/api/v1/applications/:id/history',
      allow: SIGNED_IN,
      async handler(req, res) {
        res.json(await dossierHistory(currentActor(req), idParam(req.params.id)));
      },
    },
    {
      method: 'get',
      path: '/api/v1/workflows',
      allow: SIGNED_IN,
      handler(_req, res) {
        res.json({ items: listWorkflows() });
      },
    },
    {
      method: 'get',
      path: '/api/v1/workflows/:type{/:version}',
      allow: SIGNED_IN,
      handler(req, res) {
        const version = req.params.version === undefined ? undefined : parseInput(z.coerce.number().int().min(1), req.params.version, req);
        let workflow;
        try {
          workflow = getWorkflow(String(req.params.type), version);
        } catch {
          throw notFound(`Workflow ${req.params.type}${version ? ` v${version}` : ''}`);
        }
        res.json({ type: workflow.type, id: workflow.id, version: workflow.version, mermaid: workflowDiagram(workflow.type, workflow.version), dvcqg: { ...dvcqgMappingFor(workflow.type, workflow.version), statuses: DVCQG_STATUSES, source: DVCQG_SOURCE } });
      },
    },
    {
      method: 'get',
      // Limited per address together with the lookup pages (PUBLIC_LOOKUP_PATHS, src/http/rate-limit.ts).
      path: '/api/v1/public/dossiers/:code',
      allow: ['public'],
      async handler(req, res) {
        res.json(await publicDossierStatus(String(req.params.code)));
      },
    },
  ];
}

export { presentDossier, STAFF };
