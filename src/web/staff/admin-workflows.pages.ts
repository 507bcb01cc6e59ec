import type { RouteDefinition } from '../../http/route-table';
import { ADMIN_PAGES, translatorOf } from './staff-helpers';
import { workflowOverview } from './workflow-table';

/** Every published workflow version, with its Mermaid text and a table of states and transitions. */
export function adminWorkflowPages(): RouteDefinition[] {
  return [
    {
      method: 'get',
      path: '/admin/workflows',
      allow: ADMIN_PAGES,
      handler(_req, res) {
        res.render('staff/admin-workflows', { title: translatorOf(res)('admin.workflows.title'), workflows: workflowOverview() });
      },
    },
  ];
}
