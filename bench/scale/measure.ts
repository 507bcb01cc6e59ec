import http from 'node:http';
import type { Credentials } from './sign-in';
import type { Read, Reader } from './reads';

export interface Timing {
  name: string;
  samples: number[];
  p50: number;
  p95: number;
  max: number;
  /** Fewer samples than asked for, because the read's time budget ran out. */
  capped: boolean;
  /** A wrong status or a failed content check: the figures then say nothing about the read. */
  problem?: string;
  /** No answer within the request timeout: the server is still busy with it and must be restarted. */
  timedOut?: boolean;
  /** The warm-up alone spent the budget, so its time is the only sample. */
  cold?: boolean;
}

export interface MeasureOptions {
  repetitions: number;
  /** After this much time on one read (warm-up included), no further repetition starts. */
  budgetMs: number;
  /** One request that has not answered after this long is given up. */
  timeoutMs: number;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

export function timingOf(name: string, samples: number[], capped: boolean, problem?: string, flags: Pick<Timing, 'timedOut' | 'cold'> = {}): Timing {
  const sorted = [...samples].sort((a, b) => a - b);
  return { name, samples, p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), max: sorted.at(-1) ?? Number.NaN, capped, problem, ...flags };
}

let addressCounter = 0;

function headersFor(read: Read, credentials: Partial<Record<Reader, Credentials>>): Record<string, string> {
  if (read.who === 'public') {
    // A fresh client address per request (the app trusts the loopback proxy), so the per-address limit of the public lookups is not what is measured.
    addressCounter++;
    return { 'x-forwarded-for': `198.18.${(addressCounter >> 8) & 255}.${addressCounter & 255}` };
  }
  const who = credentials[read.who];
  if (!who) throw new Error(`no credentials for ${read.who}`);
  return read.via === 'page' ? { cookie: who.cookie, accept: 'text/html' } : { authorization: `Bearer ${who.token}`, accept: 'application/json' };
}

interface Answer {
  ms: number;
  problem?: string;
  timedOut?: boolean;
}

/** One GET through node:http (fetch gives up after 300 s on its own), read to its last byte. */
function get(url: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; body: string; timedOut?: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', reject);
    });
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ status: 0, body: '', timedOut: true });
    }, timeoutMs);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

/** One request; its time and what went wrong, if anything. */
async function once(baseUrl: string, read: Read, credentials: Partial<Record<Reader, Credentials>>, timeoutMs: number): Promise<Answer> {
  const started = performance.now();
  try {
    const res = await get(`${baseUrl}${read.path}`, headersFor(read, credentials), timeoutMs);
    const ms = performance.now() - started;
    if (res.timedOut) return { ms, timedOut: true, problem: `no answer within ${timeoutMs / 1000} s` };
    if (res.status !== 200) return { ms, problem: `answered ${res.status}: ${res.body.replace(/\s+/g, ' ').slice(0, 200)}` };
    return { ms, problem: read.check?.(res.body) };
  } catch (error) {
    return { ms: performance.now() - started, problem: String(error) };
  }
}

/**
 * One warm-up, then up to `repetitions` requests one after another, stopping early once the budget is spent; a
 * warm-up that spent the whole budget is the only sample ("cold"), so a page of minutes is not asked for twice.
 */
export async function measureRead(baseUrl: string, read: Read, credentials: Partial<Record<Reader, Credentials>>, options: MeasureOptions): Promise<Timing> {
  const started = performance.now();
  const warm = await once(baseUrl, read, credentials, options.timeoutMs);
  if (warm.problem) return timingOf(read.name, [], false, warm.problem, { timedOut: warm.timedOut });
  if (warm.ms >= options.budgetMs) return timingOf(read.name, [warm.ms], options.repetitions > 1, undefined, { cold: true });
  const samples: number[] = [];
  while (samples.length < options.repetitions && (samples.length === 0 || performance.now() - started < options.budgetMs)) {
    const answer = await once(baseUrl, read, credentials, options.timeoutMs);
    if (answer.problem) return timingOf(read.name, samples, false, answer.problem, { timedOut: answer.timedOut });
    samples.push(answer.ms);
  }
  return timingOf(read.name, samples, samples.length < options.repetitions);
}
