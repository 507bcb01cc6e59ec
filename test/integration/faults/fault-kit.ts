import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ApplicationModel } from '../../../src/applications/application.model';
import { latestEntry } from '../../../src/applications/dossier-cache';
import { hashPassword, type Role } from '../../../src/auth';
import { testDatabaseUri } from '../../support/test-database';
import { developmentPkcs12 } from '../../../src/signing';
import { UserModel } from '../../../src/auth/user.model';

/**
 * Environment for a server process on the suite's own database, in production mode: no demo seed (which
 * takes seconds), and the settings production demands.
 */
export function productionServerEnv(dbName: string): Record<string, string> {
  const uri = new URL(testDatabaseUri());
  uri.pathname = `/${dbName}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hp-green-fault-'));
  // Production signs with a configured key: a test one, as a PKCS#12 file outside the data folder's generated key.
  const signing = developmentPkcs12('Sở Công Thương thành phố Hải Phòng');
  writeFileSync(path.join(dataDir, 'signing.p12'), signing.p12);
  return {
    SIGNING_P12_PATH: path.join(dataDir, 'signing.p12'),
    SIGNING_P12_PASSWORD: signing.password,
    NODE_ENV: 'production',
    MONGODB_URI: uri.toString(),
    BASE_URL: 'http://127.0.0.1',
    SESSION_SECRET: randomUUID() + randomUUID(),
    DATA_DIR: dataDir,
    UPLOAD_DIR: path.join(dataDir, 'uploads'),
  };
}

const PASSWORD = 'Fault-Test-Password-1';

/** A user stored directly in the shared database, with a token issued by a running server. */
export async function userWithToken(base: string, role: Role, organizationId?: string): Promise<{ id: string; token: string }> {
  const email = `${role}-${randomUUID().slice(0, 8)}@test.example.vn`;
  const user = await UserModel.create({ email, name: `Test ${role}`, role, organizationId, passwordHash: await hashPassword(PASSWORD) });
  const res = await fetch(`${base}/api/v1/auth/tokens`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD, name: 'fault test' }),
  });
  if (res.status !== 201) throw new Error(`token request failed: ${res.status} ${await res.text()}`);
  return { id: String(user._id), token: ((await res.json()) as { token: string }).token };
}

/** Dossiers of an organization whose cached sequence is behind the newest entry of their log. */
export async function cachesBehindLog(organizationId: string): Promise<string[]> {
  const dossiers = await ApplicationModel.find({ organizationId }, { sequence: 1 }).lean();
  const behind: string[] = [];
  for (const dossier of dossiers) {
    const head = await latestEntry(String(dossier._id), 0);
    if ((head?.sequence ?? 0) !== dossier.sequence) behind.push(String(dossier._id));
  }
  return behind;
}

/** JSON over HTTP with a bearer token; a dropped connection counts as "not acknowledged" (status 0). */
export async function call(base: string, token: string, method: string, url: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  try {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    return { status: res.status, json: text.startsWith('{') ? (JSON.parse(text) as Record<string, unknown>) : {} };
  } catch {
    return { status: 0, json: {} };
  }
}
