import mongoose from 'mongoose';
import request from 'supertest';
import { dispatchEveryOutbox, dispatchPendingOutbox, registerOutboxDeliverer } from '../../../src/applications/outbox-dispatch';
import { pendingOutboxMarkers } from '../../../src/applications/outbox-markers';
import type { OutboxMessage } from '../../../src/applications/outbox';
import { createOrganization, createUser, type TestUser } from '../../support/actors';
import { attachDocuments, EPR_DATA, eprRequiredDocuments } from '../../support/dossiers';
import { buildTestApp } from '../../support/test-app';
import { useTestDatabase } from '../../support/test-database';

/**
 * The maintenance sweep redelivers outbox messages by following pending markers (one per undelivered log
 * entry), so its cost follows what is undelivered, not the history of every entry.
 */
describe('the outbox sweep follows pending markers', () => {
  const database = useTestDatabase();
  let app: ReturnType<typeof buildTestApp>;
  let business: TestUser;
  const notified: string[] = [];
  let mailUp = false;

  beforeAll(async () => {
    app = buildTestApp(database());
    business = await createUser(app, 'business', await createOrganization());
    registerOutboxDeliverer('notify', async (message: OutboxMessage) => {
      if (!mailUp) throw new Error('mail is down');
      notified.push(message.id);
    });
  });

  const submitted = async () => {
    const created = await request(app).post('/api/v1/applications').set('Authorization', `Bearer ${business.token}`).send({ type: 'epr', title: 'Hồ sơ hộp thư đi', data: EPR_DATA });
    await attachDocuments(created.body.id, eprRequiredDocuments(), business.id);
    const submit = await request(app).post(`/api/v1/applications/${created.body.id}/events`).set('Authorization', `Bearer ${business.token}`).send({ type: 'SUBMIT', declaration: true });
    expect(submit.status).toBe(201);
    return submit.body.entryId as string;
  };

  it('when a delivery fails, then its entry stays marked until a sweep delivers it, once, and the marker goes', async () => {
    mailUp = false;
    const entryId = await submitted();
    expect((await pendingOutboxMarkers()).map((m) => m.entryId)).toContain(entryId);

    mailUp = true;
    expect(await dispatchPendingOutbox()).toBeGreaterThanOrEqual(1);
    expect(notified).toContain(`${entryId}/notify`);
    expect((await pendingOutboxMarkers()).map((m) => m.entryId)).not.toContain(entryId);
    const count = notified.length;
    await dispatchPendingOutbox();
    expect(notified).toHaveLength(count);
  });

  it('when a delivery succeeds at once, then no marker is left for the sweep', async () => {
    mailUp = true;
    const entryId = await submitted();
    expect((await pendingOutboxMarkers()).map((m) => m.entryId)).not.toContain(entryId);
  });

  it('when entries from before the markers were never delivered, then the one-time pass delivers only those, once', async () => {
    mailUp = false;
    const entryId = await submitted();
    await mongoose.connection.collection('outbox_pending').deleteMany({ entryId }); // as if logged before markers existed
    mailUp = true;
    const before = notified.length;
    expect(await dispatchEveryOutbox()).toBeGreaterThanOrEqual(1);
    expect(notified.slice(before)).toEqual([`${entryId}/notify`]);
    expect(await dispatchEveryOutbox()).toBe(0);
  });

  it('when a marker points at an entry that was never inserted, then the sweep drops it once it is settled, and keeps a fresh one', async () => {
    const collection = mongoose.connection.collection('outbox_pending');
    await collection.insertMany([
      { _id: 'nobody:000001:old' as never, entryId: 'nobody:000001', at: new Date(Date.now() - 5 * 60_000) },
      { _id: 'nobody:000002:new' as never, entryId: 'nobody:000002', at: new Date() },
    ]);
    await dispatchPendingOutbox();
    const left = (await pendingOutboxMarkers()).map((m) => m._id);
    expect(left).not.toContain('nobody:000001:old');
    expect(left).toContain('nobody:000002:new');
  });
});
