import request from 'supertest';
import { applyEvent } from '../../../../src/applications/apply-event';
import { SYSTEM_SCHEDULER } from '../../../../src/auth';
import { DEFAULT_WORKING_CALENDAR } from '../../../../src/calendar';
import { PASSWORD, type TestUser } from '../../../support/actors';
import { browser } from '../../../support/browser-session';
import { attachDocuments, EPR_DATA, eprRequiredDocuments } from '../../../support/dossiers';
import { buildTestApp } from '../../../support/test-app';
import type { DatabaseConnection } from '../../../../src/db';

export const deps = { now: () => new Date(), calendar: DEFAULT_WORKING_CALENDAR };

export function staffApp(database: DatabaseConnection) {
  return buildTestApp(database);
}

export type App = ReturnType<typeof staffApp>;

export async function signedIn(app: App, user: TestUser) {
  const b = browser(app);
  expect((await b.signIn(user.email, PASSWORD)).status).toBe(303);
  return b;
}

/** A submitted EPR dossier, created and submitted through the API like an applicant would. */
export async function submittedEprDossier(app: App, business: TestUser, title = 'EPR bao bì PET 2026'): Promise<{ id: string; code: string }> {
  const created = await request(app).post('/api/v1/applications').set('Authorization', `Bearer ${business.token}`).send({ type: 'epr', title, data: EPR_DATA });
  expect(created.status).toBe(201);
  const id = created.body.id as string;
  await attachDocuments(id, eprRequiredDocuments(), business.id);
  const submit = await request(app).post(`/api/v1/applications/${id}/events`).set('Authorization', `Bearer ${business.token}`).send({ type: 'SUBMIT', declaration: true });
  expect(submit.status).toBe(201);
  return { id, code: created.body.code as string };
}

export async function sendEvent(app: App, user: TestUser, id: string, body: object) {
  const res = await request(app).post(`/api/v1/applications/${id}/events`).set('Authorization', `Bearer ${user.token}`).send(body);
  expect(res.status).toBe(201);
}

/** Brings a dossier to the leader's desk: accepted and recommended for approval by an officer. */
export async function awaitingDecision(app: App, business: TestUser, officer: TestUser, title?: string) {
  const dossier = await submittedEprDossier(app, business, title);
  await sendEvent(app, officer, dossier.id, { type: 'ACCEPT' });
  await sendEvent(app, officer, dossier.id, { type: 'RECOMMEND', decision: 'approve' });
  return dossier;
}

/** What the scheduler does when the time limit passes: the dossier becomes overdue. */
export async function markOverdue(id: string) {
  await applyEvent(SYSTEM_SCHEDULER, id, { type: 'DEADLINE_PASSED', payload: { dueAt: new Date().toISOString() } }, deps);
}
