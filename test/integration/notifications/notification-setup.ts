import type { Express } from 'express';
import request from 'supertest';
import { dispatchOutbox } from '../../../src/applications/outbox-dispatch';
import type { TestUser } from '../../support/actors';
import { attachDocuments, EPR_DATA, eprRequiredDocuments } from '../../support/dossiers';
import { UserModel } from '../../../src/auth/user.model';

export const BASE_URL = 'https://xanh.haiphong.example.vn';

export async function speaksEnglish(user: TestUser): Promise<void> {
  await UserModel.updateOne({ _id: user.id }, { $set: { locale: 'en' } });
}

/** Dossiers and events through the real HTTP API, so the outbox messages are the real ones. */
export function dossierDriver(app: Express) {
  return {
    async createReady(business: TestUser, title = 'EPR bao bì PET 2026'): Promise<{ id: string; code: string }> {
      const res = await request(app).post('/api/v1/applications').set('Authorization', `Bearer ${business.token}`).send({ type: 'epr', title, data: EPR_DATA });
      expect(res.status).toBe(201);
      await attachDocuments(res.body.id, eprRequiredDocuments(), business.id);
      return { id: res.body.id as string, code: res.body.code as string };
    },
    /** Sends the event and dispatches its outbox (again: the route already did; delivery is idempotent). */
    async event(user: TestUser, id: string, body: object): Promise<string> {
      const res = await request(app).post(`/api/v1/applications/${id}/events`).set('Authorization', `Bearer ${user.token}`).send(body);
      expect(res.status).toBe(201);
      await dispatchOutbox(res.body.entryId as string);
      return res.body.entryId as string;
    },
    async get(user: TestUser, url: string) {
      return (await request(app).get(url).set('Authorization', `Bearer ${user.token}`)).body;
    },
  };
}

/** Runs passes until one runs nothing (a mail job may schedule nothing further, so this ends). */
export async function drain(scheduler: { runDueJobs(): Promise<number> }): Promise<void> {
  for (let pass = 0; pass < 20 && (await scheduler.runDueJobs()) > 0; pass++);
}
