import type { WorkingCalendar } from '../calendar';
import { SIGNED_IN, STAFF, currentActor, type RouteDefinition } from '../http/route-table';
import { parseBody, parseQuery } from '../http/validate';
import { conferenceFigures } from './conference-figures';
import { createConference, listConferences, loadConference, presentConference, updateConference } from './conference.service';
import {
  answerPetitionSchema, assignPetitionSchema, closePetitionSchema, createConferenceSchema, filePetitionSchema, listPetitionsSchema, requestExportSchema, updateConferenceSchema,
} from './dialogue.schemas';
import { exportStorage } from './export/export-storage';
import { exportFile, listExports, loadExport, presentExport, requestExport } from './export/export.service';
import { changePetition } from './petition-lifecycle';
import { filePetition, listPetitions, loadReadablePetition, petitionHistory, presentPetition } from './petition.service';
import { APPLICANT_ROLES, DEPARTMENT_ROLES } from '../auth';

export interface DialogueDeps {
  now: () => Date;
  calendar: WorkingCalendar;
  /** DATA_DIR from the configuration (default `data`); exports are kept in `<dataDir>/exports`. */
  dataDir?: string;
}

/** Who runs the conference and answers petitions; the summary exports are theirs alone. */
const DEPARTMENT: RouteDefinition['allow'] = DEPARTMENT_ROLES;
const FILERS: RouteDefinition['allow'] = [...APPLICANT_ROLES, ...DEPARTMENT_ROLES];

/**
 * The business dialogue capability: conferences, petitions (kiến nghị) and the one-click summary export.
 * Ownership (applicants see their own organization's petitions) is checked in the services.
 */
export function dialogueRoutes(deps: DialogueDeps): RouteDefinition[] {
  const storage = exportStorage(deps.dataDir);
  const id = (value: unknown) => String(value);
  return [
    { method: 'get', path: '/api/v1/conferences', allow: SIGNED_IN, handler: async (_req, res) => void res.json(await listConferences()) },
    {
      method: 'post', path: '/api/v1/conferences', allow: DEPARTMENT,
      handler: async (req, res) => void res.status(201).json(await createConference(currentActor(req), parseBody(req, createConferenceSchema), deps.now())),
    },
    { method: 'get', path: '/api/v1/conferences/:id', allow: SIGNED_IN, handler: async (req, res) => void res.json(presentConference(await loadConference(id(req.params.id)))) },
    {
      method: 'patch', path: '/api/v1/conferences/:id', allow: DEPARTMENT,
      handler: async (req, res) => void res.json(await updateConference(currentActor(req), id(req.params.id), parseBody(req, updateConferenceSchema), deps.now())),
    },
    {
      // The dashboard's figures: the exports compute theirs with the same function.
      method: 'get', path: '/api/v1/conferences/:id/figures', allow: STAFF,
      handler: async (req, res) => {
        const { reportScope: _scope, ...figures } = await conferenceFigures(id(req.params.id), deps);
        res.json(figures);
      },
    },
    {
      method: 'post', path: '/api/v1/conferences/:id/exports', allow: DEPARTMENT,
      handler: async (req, res) => {
        const created = await requestExport(currentActor(req), id(req.params.id), parseBody(req, requestExportSchema), deps.now());
        res.status(202).location(`/api/v1/conferences/${created.conferenceId}/exports/${created.id}`).json(created);
      },
    },
    { method: 'get', path: '/api/v1/conferences/:id/exports', allow: DEPARTMENT, handler: async (req, res) => void res.json(await listExports(id(req.params.id))) },
    {
      method: 'get', path: '/api/v1/conferences/:id/exports/:exportId', allow: DEPARTMENT,
      handler: async (req, res) => void res.json(presentExport(await loadExport(id(req.params.id), id(req.params.exportId)))),
    },
    {
      method: 'get', path: '/api/v1/conferences/:id/exports/:exportId/file', allow: DEPARTMENT,
      handler: async (req, res) => {
        const file = await exportFile(id(req.params.id), id(req.params.exportId), storage);
        res.attachment(file.downloadName).type(file.mediaType);
        if (file.sizeBytes !== undefined) res.setHeader('content-length', String(file.sizeBytes));
        await new Promise<void>((resolve, reject) => {
          file.stream.on('error', reject);
          res.on('finish', resolve);
          file.stream.pipe(res);
        });
      },
    },
    {
      method: 'post', path: '/api/v1/petitions', allow: FILERS,
      handler: async (req, res) => void res.status(201).json(await filePetition(currentActor(req), parseBody(req, filePetitionSchema), deps.now())),
    },
    { method: 'get', path: '/api/v1/petitions', allow: SIGNED_IN, handler: async (req, res) => void res.json(await listPetitions(currentActor(req), parseQuery(req, listPetitionsSchema))) },
    { method: 'get', path: '/api/v1/petitions/:id', allow: SIGNED_IN, handler: async (req, res) => void res.json(presentPetition(await loadReadablePetition(currentActor(req), id(req.params.id)))) },
    { method: 'get', path: '/api/v1/petitions/:id/history', allow: SIGNED_IN, handler: async (req, res) => void res.json(await petitionHistory(currentActor(req), id(req.params.id))) },
    {
      method: 'post', path: '/api/v1/petitions/:id/assign', allow: DEPARTMENT,
      handler: async (req, res) => void res.json(await changePetition(currentActor(req), id(req.params.id), 'assign', parseBody(req, assignPetitionSchema), deps.now())),
    },
    {
      method: 'post', path: '/api/v1/petitions/:id/answer', allow: DEPARTMENT,
      handler: async (req, res) => void res.json(await changePetition(currentActor(req), id(req.params.id), 'answer', parseBody(req, answerPetitionSchema), deps.now())),
    },
    {
      method: 'post', path: '/api/v1/petitions/:id/close', allow: DEPARTMENT,
      handler: async (req, res) => void res.json(await changePetition(currentActor(req), id(req.params.id), 'close', parseBody(req, closePetitionSchema), deps.now())),
    },
  ];
}
