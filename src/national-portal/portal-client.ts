/**
 * Talks to the National Public Service Portal as docs/DVCQG.md describes: a session from `POST /login`, then each
 * record through `POST /sync` with the session, the unit code, the service name and an idempotency key. Every
 * failure throws a PortalError saying what kind it was and the portal's own answer, which the reconciliation page
 * shows; the caller (a durable job) retries with backoff.
 */
/** `waiting`: the step before this one has not arrived yet (the answer names its sequence). */
export type PortalFailure = 'refused' | 'unreachable' | 'busy' | 'credentials' | 'waiting';

export class PortalError extends Error {
  constructor(
    readonly kind: PortalFailure,
    readonly answer: string,
  ) {
    // The job keeps the message as its last error: "<kind>: <answer>" (portalFailureOf reads it back).
    super(`${kind}: ${answer}`);
    this.name = 'PortalError';
  }
}

/** A job's last error read back as a portal failure, for the reconciliation page. */
export function portalFailureOf(message: string | undefined): { kind: PortalFailure | 'other'; answer: string } | undefined {
  if (!message) return undefined;
  const match = /^(refused|unreachable|busy|credentials|waiting): ([\s\S]*)$/.exec(message);
  return match ? { kind: match[1] as PortalFailure, answer: match[2]! } : { kind: 'other', answer: message };
}

export type PortalService = 'DongBoHoSoMC' | 'CapNhatTienDoHoSoMC';

export interface PortalClientOptions {
  url: string;
  username: string;
  password: string;
  unitCode: string;
  timeoutMs?: number;
  fetch?: typeof globalThis.fetch;
}

export interface PortalClient {
  /** Resolves with the portal's answer when it took the record (or had it already under this key). */
  send(service: PortalService, idempotencyKey: string, record: object, signal?: AbortSignal): Promise<string>;
}

const TEXT_LIMIT = 500;

async function answerOf(response: Response): Promise<{ code?: string; message: string }> {
  const text = (await response.text().catch(() => '')).slice(0, 4000);
  try {
    const body = JSON.parse(text) as { error_code?: unknown; message?: unknown };
    return { code: body.error_code === undefined ? undefined : String(body.error_code), message: String(body.message ?? text).slice(0, TEXT_LIMIT) };
  } catch {
    return { message: `HTTP ${response.status} ${text}`.trim().slice(0, TEXT_LIMIT) };
  }
}

export function createPortalClient(options: PortalClientOptions): PortalClient {
  const fetch = options.fetch ?? globalThis.fetch;
  const timeoutMs = options.timeoutMs ?? 20_000;
  let session: { token: string; until: number } | undefined;

  async function post(path: string, body: object, headers: Record<string, string>, signal?: AbortSignal): Promise<Response> {
    const signals = [AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])];
    try {
      return await fetch(`${options.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, body: JSON.stringify(body), signal: AbortSignal.any(signals) });
    } catch (error) {
      throw new PortalError('unreachable', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
    }
  }

  async function login(signal?: AbortSignal): Promise<string> {
    const response = await post('/login', { username: options.username, password: options.password, madonvi: options.unitCode }, {}, signal);
    const answer = response.ok ? undefined : await answerOf(response);
    if (response.status === 401 || response.status === 403) throw new PortalError('credentials', answer!.message);
    if (!response.ok) throw new PortalError(response.status >= 500 || response.status === 429 ? 'busy' : 'refused', answer!.message);
    const body = (await response.json().catch(() => ({}))) as { session?: unknown; expires_in?: unknown };
    if (typeof body.session !== 'string' || !body.session) throw new PortalError('refused', 'the login answer has no session');
    const seconds = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 600;
    // Renewed a minute early, so a session never lapses between our check and the portal's.
    session = { token: body.session, until: Date.now() + Math.max(0, seconds - 60) * 1000 };
    return body.session;
  }

  async function sendOnce(service: PortalService, key: string, record: object, token: string, signal?: AbortSignal) {
    const response = await post('/sync', { session: token, madonvi: options.unitCode, service, isUpdating: service === 'DongBoHoSoMC', data: [record] }, { 'idempotency-key': key }, signal);
    return { status: response.status, ...(await answerOf(response)) };
  }

  return {
    async send(service, key, record, signal) {
      const token = session && session.until > Date.now() ? session.token : await login(signal);
      let answer = await sendOnce(service, key, record, token, signal);
      // A session the portal ended early: one new login, then the same record again under the same key.
      if (answer.status === 401 || answer.code === '401') answer = await sendOnce(service, key, record, await login(signal), signal);
      if (answer.status >= 500 || answer.status === 429) throw new PortalError('busy', answer.message);
      if (answer.status === 401 || answer.code === '401') throw new PortalError('credentials', answer.message);
      if (answer.status !== 200 || answer.code !== '0') throw new PortalError('refused', answer.code ? `${answer.code} ${answer.message}` : answer.message);
      return answer.message;
    },
  };
}
