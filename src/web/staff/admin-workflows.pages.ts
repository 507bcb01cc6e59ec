import type { RouteDefinition } from '../../http/route-table';
import { ADMIN_PAGES, translatorOf } from './staff-helpers';
import { workflowOverview } from './workflow-table';
import { layoutWorkflow } from './workflow-layout';

/** Every published workflow version: its diagram (server-drawn SVG), Mermaid text and a table of states and transitions. */
export function adminWorkflowPages(): RouteDefinition[] {
  return [
    {
      method: 'get',
      path: '/admin/workflows',
      allow: ADMIN_PAGES,
      handler(_req, res) {
        const t = translatorOf(res);
        const workflows = workflowOverview().map((w) => ({
          ...w,
          diagram: layoutWorkflow(w.states, w.transitions, { initial: w.initial, label: (state) => t(`states.${state}`), eventLabel: (event) => (event === '(all regions done)' ? t('admin.workflows.allRegionsDone') : t(`officer.events.${event}`)) }),
        }));
        // A consultation region's state reads "Lấy ý kiến — Sở Xây dựng: chờ ý kiến", not consultation.doc.pending.
        const stateName = (path: string) => {
          const [state, agency, region] = path.split('.');
          return agency && region ? `${t(`states.${state}`)} — ${t(`agencies.${agency}`)}: ${t(`admin.workflows.regionStates.${region}`)}` : t(`states.${state}`);
        };
        res.render('staff/admin-workflows', { title: t('admin.workflows.title'), workflows, stateName });
      },
    },
  ];
}
