import type { Manifest } from './manifest';

export type Reader = 'officer' | 'leader' | 'business' | 'public';

/** One thing a user opens: a page (session cookie) or an API read (bearer token), always expected to answer 200. */
export interface Read {
  name: string;
  who: Reader;
  via: 'page' | 'api';
  path: string;
  /** Whether the answer shows what it should (a fast empty page proves nothing); says what is wrong, if anything. */
  check?: (body: string) => string | undefined;
}

export interface ReadContext {
  manifest: Manifest;
  dossiers: number;
  conferenceId: string;
  quarterId: string;
  year: string;
  icCode: string;
  /** A date about a month ahead, for the queue's "due before" filter. */
  dueBefore: string;
}

const json = (body: string) => JSON.parse(body) as Record<string, unknown>;
/** Staff see every dossier past its draft: a total far below the installation's size means a read model left something out. */
const listsAll = (dossiers: number) => (body: string) => {
  const total = Number(json(body).total);
  return total >= dossiers * 0.5 && total <= dossiers ? undefined : `total ${total} for ${dossiers} dossiers`;
};
const hasItems = (body: string) => (Array.isArray(json(body).items) ? undefined : 'no items in the answer');
const intactChain = (body: string) => ((json(body).chain as { intact?: boolean } | undefined)?.intact === true ? undefined : 'the audit chain check failed');
const shows = (text: string) => (body: string) => (body.includes(text) ? undefined : `the page does not show ${text}`);

/** Every page and API read a user hits in a working day, by who opens it (src/http/app.ts routeTable, src/web). */
export function readsOf(ctx: ReadContext): Read[] {
  const { manifest } = ctx;
  const open = manifest.openDossier;
  const mine = manifest.business.dossierIds[0]!;
  const api = '/api/v1/applications';
  return [
    { name: 'officer queue', who: 'officer', via: 'page', path: '/officer/queue' },
    { name: 'officer queue, page 2', who: 'officer', via: 'page', path: '/officer/queue?page=2' },
    { name: 'officer queue, type', who: 'officer', via: 'page', path: '/officer/queue?type=epr' },
    { name: 'officer queue, state', who: 'officer', via: 'page', path: '/officer/queue?state=technical_review' },
    { name: 'officer queue, IC', who: 'officer', via: 'page', path: `/officer/queue?ic=${ctx.icCode}` },
    { name: 'officer queue, due before', who: 'officer', via: 'page', path: `/officer/queue?dueBefore=${ctx.dueBefore}` },
    { name: 'officer queue, mine', who: 'officer', via: 'page', path: '/officer/queue?assignee=me' },
    { name: 'officer queue, unassigned', who: 'officer', via: 'page', path: '/officer/queue?assignee=none' },
    { name: 'dossier review', who: 'officer', via: 'page', path: `/officer/dossiers/${open.id}`, check: shows(open.code) },
    { name: 'petitions', who: 'officer', via: 'page', path: '/petitions' },
    { name: 'petition', who: 'officer', via: 'page', path: `/petitions/${manifest.petitionId}` },
    { name: 'conferences', who: 'officer', via: 'page', path: '/conferences' },
    { name: 'leader decisions', who: 'leader', via: 'page', path: '/leader/decisions' },
    { name: 'statistics', who: 'leader', via: 'page', path: '/leader/statistics' },
    { name: 'PGI dashboard', who: 'leader', via: 'page', path: '/pgi' },
    { name: 'PGI year drill-down', who: 'leader', via: 'page', path: `/pgi?period=${ctx.year}` },
    { name: 'my dossiers', who: 'business', via: 'page', path: '/my/dossiers' },
    { name: 'my dossier', who: 'business', via: 'page', path: `/my/dossiers/${mine}` },
    { name: 'my calendar', who: 'business', via: 'page', path: '/my/calendar' },
    { name: 'my certificates', who: 'business', via: 'page', path: '/my/certificates' },
    { name: 'my petitions', who: 'business', via: 'page', path: '/my/petitions' },
    { name: 'public lookup', who: 'public', via: 'page', path: `/lookup?code=${manifest.submittedCode}`, check: shows(manifest.submittedCode) },
    { name: 'certificate verification', who: 'public', via: 'page', path: `/certificates/verify?code=${manifest.certificate.verificationCode}`, check: shows(manifest.certificate.number) },
    { name: 'certificate register', who: 'public', via: 'page', path: '/certificates' },
    { name: 'certificate register, page 2', who: 'public', via: 'page', path: '/certificates?page=2' },
    { name: 'API list, 50', who: 'officer', via: 'api', path: `${api}?pageSize=50`, check: listsAll(ctx.dossiers) },
    { name: 'API list, page 2', who: 'officer', via: 'api', path: `${api}?page=2&pageSize=50`, check: hasItems },
    { name: 'API list, type', who: 'officer', via: 'api', path: `${api}?type=renewable_energy`, check: hasItems },
    { name: 'API list, state', who: 'officer', via: 'api', path: `${api}?state=approved`, check: hasItems },
    { name: 'API list, IC', who: 'officer', via: 'api', path: `${api}?ic=${ctx.icCode}`, check: hasItems },
    { name: 'API list, overdue', who: 'officer', via: 'api', path: `${api}?overdue=true`, check: hasItems },
    { name: 'API list, own', who: 'business', via: 'api', path: api, check: hasItems },
    { name: 'API get', who: 'officer', via: 'api', path: `${api}/${open.id}` },
    { name: 'API history', who: 'officer', via: 'api', path: `${api}/${open.id}/history`, check: intactChain },
    { name: 'API documents', who: 'officer', via: 'api', path: `${api}/${open.id}/documents` },
    { name: 'API certificates', who: 'officer', via: 'api', path: '/api/v1/certificates' },
    { name: 'API own certificates', who: 'business', via: 'api', path: '/api/v1/certificates' },
    { name: 'API PGI periods', who: 'leader', via: 'api', path: '/api/v1/pgi/periods' },
    { name: 'API PGI quarter', who: 'leader', via: 'api', path: `/api/v1/pgi/periods/${ctx.quarterId}` },
    { name: 'API conference figures', who: 'officer', via: 'api', path: `/api/v1/conferences/${ctx.conferenceId}/figures` },
    { name: 'API petitions', who: 'officer', via: 'api', path: '/api/v1/petitions' },
    { name: 'API public dossier', who: 'public', via: 'api', path: `/api/v1/public/dossiers/${manifest.submittedCode}` },
    { name: 'API public certificate', who: 'public', via: 'api', path: `/api/v1/public/certificates/${manifest.certificate.verificationCode}` },
    { name: 'API public register', who: 'public', via: 'api', path: '/api/v1/public/certificates' },
  ];
}
