import { z } from 'zod';
import { listConferences, listExports, requestExport } from '../dialogue';
import { currentActor, type RouteDefinition } from '../http/route-table';
import { parseBody } from '../http/validate';
import { DEPARTMENT_ROLES } from '../auth';

const DEPARTMENT = DEPARTMENT_ROLES;
// Strict: the page draws these names only, so any other is refused by name.
const exportFormSchema = z.strictObject({ format: z.enum(['docx', 'xlsx', 'pdf']), locale: z.enum(['vi', 'en']).default('vi') });

/** The dialogue conference page: each conference with one-click DOCX / XLSX / PDF briefings and their progress. */
export function conferencePages(deps: { now: () => Date }): RouteDefinition[] {
  return [
    {
      method: 'get',
      path: '/conferences',
      allow: DEPARTMENT,
      async handler(_req, res) {
        const { items } = await listConferences();
        const conferences = await Promise.all(items.map(async (conference) => ({ ...conference, exports: (await listExports(conference.id)).items.slice(0, 6) })));
        res.render('conferences', { title: res.locals.t('conferences.title'), conferences });
      },
    },
    {
      method: 'post',
      path: '/conferences/:id/exports',
      allow: DEPARTMENT,
      async handler(req, res) {
        const input = parseBody(req, exportFormSchema);
        await requestExport(currentActor(req), String(req.params.id), input, deps.now());
        res.redirect(303, `/conferences#conference-${String(req.params.id)}`);
      },
    },
  ];
}
