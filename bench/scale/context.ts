import type { Manifest } from './manifest';
import type { ReadContext } from './reads';
import type { Credentials } from './sign-in';

async function getJson(baseUrl: string, path: string, token: string): Promise<unknown> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return res.json();
}

const listOf = (value: unknown): Record<string, unknown>[] =>
  (Array.isArray(value) ? value : ((value as { items?: unknown[]; periods?: unknown[] }).items ?? (value as { periods?: unknown[] }).periods ?? [])) as Record<string, unknown>[];

/** What the reads open besides the manifest's records, found through the API before any timing. */
export async function readContext(baseUrl: string, manifest: Manifest, dossiers: number, staff: Credentials): Promise<ReadContext> {
  const conferences = listOf(await getJson(baseUrl, '/api/v1/conferences', staff.token));
  const periods = listOf(await getJson(baseUrl, '/api/v1/pgi/periods', staff.token));
  const quarter = periods.find((p) => /^\d{4}-Q\d$/.test(String(p.id)));
  if (!conferences[0] || !quarter) throw new Error('no conference or PGI quarter to open');
  return {
    manifest,
    dossiers,
    conferenceId: String(conferences[0].id),
    quarterId: String(quarter.id),
    year: String(quarter.id).slice(0, 4),
    icCode: 'CCN-TRANG-DUE',
    dueBefore: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
  };
}
