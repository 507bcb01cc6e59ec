import type { UploadSettings } from '../../documents';
import type { WorkingCalendar } from '../../calendar';
import type { RouteDefinition } from '../../http/route-table';
import { certificatePages } from './certificate.pages';
import { dossierFormPages } from './dossier-form.pages';
import { dossierPages } from './dossier.pages';

/**
 * The business and IC-operator pages: my dossiers, the application form, the dossier page with its
 * pre-check and events, certificates and the obligation calendar. Order matters: `/my/dossiers/new` must
 * come before `/my/dossiers/:id`.
 */
export function businessPages(deps: { now: () => Date; calendar: WorkingCalendar; uploads: UploadSettings }): RouteDefinition[] {
  return [...dossierFormPages(deps), ...dossierPages(deps), ...certificatePages(deps)];
}
