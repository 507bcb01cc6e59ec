import { randomBytes } from 'node:crypto';
import express from 'express';
import mongoose, { Schema } from 'mongoose';
import { cacheAfter, dossierDocument, logEntry } from './fixtures';
import { listen } from './listen';
import { EVENT_BODY, type Target } from './target';

/**
 * The floor the event path is compared with: a bare Express 5 app that does only the two writes the event
 * path cannot avoid — insert the log entry, update the dossier cache — on a connection of its own to another
 * database of the same server. Sequences come from memory: this measures the raw cost of insert + update.
 */
export async function startBaseline(uri: string, dbName: string, dossierCount: number): Promise<Target> {
  const connection = await mongoose.createConnection(uri, { dbName, autoIndex: false }).asPromise();
  // Mixed documents with string ids: mongoose still builds, casts and validates each one, as in the real app.
  const Event = connection.model('BaselineEvent', new Schema({ _id: String }, { strict: false, versionKey: false }));
  const Dossier = connection.model('BaselineDossier', new Schema({ _id: String }, { strict: false, versionKey: false, minimize: false }));

  const ids = Array.from({ length: dossierCount }, () => randomBytes(12).toString('hex'));
  await Dossier.insertMany(ids.map((id, i) => dossierDocument(id, i)));
  const sequences = new Map(ids.map((id) => [id, 3]));

  const app = express();
  app.use(express.json({ limit: '200kb' }));
  app.post('/events/:dossierId', async (req, res) => {
    const dossierId = String(req.params.dossierId);
    const sequence = (sequences.get(dossierId) ?? 0) + 1;
    sequences.set(dossierId, sequence);
    const at = new Date().toISOString();
    const entry = logEntry(dossierId, sequence, req.body as Record<string, unknown>, at);
    await Event.create(entry);
    await Dossier.updateOne({ _id: dossierId }, { $set: cacheAfter(at, entry.after.snapshot.context.inspection.scheduledFor, sequence, entry.hash) });
    res.status(201).json({ dossierId, sequence, entryId: entry._id });
  });
  const server = await listen(app);
  const sample = logEntry(ids[0]!, 4, JSON.parse(EVENT_BODY) as Record<string, unknown>, new Date().toISOString());

  return {
    url: `http://127.0.0.1:${server.port}`,
    paths: ids.map((id) => `/events/${id}`),
    headers: {},
    body: EVENT_BODY,
    entryBytes: Buffer.byteLength(JSON.stringify(sample)),
    async close() {
      await server.close();
      await connection.dropDatabase();
      await connection.close();
    },
  };
}
