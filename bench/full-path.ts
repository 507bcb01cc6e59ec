import mongoose from 'mongoose';
import { DossierEventModel } from '../src/applications/dossier-event.model';
import { loadConfig } from '../src/config';
import { connectDatabase, ensureIndexes } from '../src/db';
import { createApp } from '../src/http';
import { createLogger } from '../src/logging/logger';
import { call, createOrganization, createUser, type BenchUser } from './actors';
import { traceCommands, withCommandMonitoring, type CommandTrace } from './db-trace';
import { listen } from './listen';
import { EVENT_BODY, type Target } from './target';
import { attachDocuments, eprRequiredDocuments } from '../test/support/dossiers';

const EPR_DATA = {
  reportingYear: 2026,
  role: 'producer',
  previousYearAmountVnd: 50_000_000_000,
  complianceMethod: 'recycle',
  productLines: [{ productCode: 'packaging_rigid_pet', placedOnMarketKg: 500_000 }],
};
/** Files, submits and accepts one EPR dossier, then schedules its inspection: it ends in `inspection`. */
async function prepareDossier(baseUrl: string, business: BenchUser, officer: BenchUser, index: number): Promise<string> {
  const created = await call(baseUrl, 'POST', '/api/v1/applications', business.token, { type: 'epr', title: `EPR đo tải ${index}`, data: EPR_DATA }, 201);
  const id = String(created.id);
  // Document records stored directly (the test helper): uploading files is not what this bench measures.
  await attachDocuments(id, eprRequiredDocuments(), business.id);
  const events = `/api/v1/applications/${id}/events`;
  await call(baseUrl, 'POST', events, business.token, { type: 'SUBMIT', declaration: true }, 201);
  await call(baseUrl, 'POST', events, officer.token, { type: 'ACCEPT' }, 201);
  await call(baseUrl, 'POST', events, officer.token, JSON.parse(EVENT_BODY), 201);
  return id;
}

export interface FullPathTarget extends Target {
  /** Sends `events` reschedules one after another with command monitoring on; what one event costs the database. */
  traceEvents(events: number): Promise<CommandTrace>;
}

/** The real app on its own database, with `dossierCount` dossiers in `inspection` and an officer's token. */
export async function startFullPath(uri: string, dbName: string, dossierCount: number): Promise<FullPathTarget> {
  let database = await connectDatabase(uri, { dbName });
  await ensureIndexes();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' });
  // The app reads `database` only for /readyz; its models use the process-wide connection reopened below.
  const server = await listen(createApp({ config, logger: createLogger(config.logLevel), database: { ping: () => database.ping() } }));
  const close = async () => {
    await server.close();
    await database.connection.dropDatabase();
    await database.close();
  };
  try {
    const baseUrl = `http://127.0.0.1:${server.port}`;
    const business = await createUser(baseUrl, 'business', await createOrganization());
    const officer = await createUser(baseUrl, 'officer');

    // Batches of 10: dossier codes come from a unique-insert sequence, so a large burst would only retry.
    const ids: string[] = [];
    for (let start = 0; start < dossierCount; start += 10) {
      const batch = Array.from({ length: Math.min(10, dossierCount - start) }, (_, i) => prepareDossier(baseUrl, business, officer, start + i));
      ids.push(...(await Promise.all(batch)));
    }
    // The check by hand: a second SCHEDULE_INSPECTION (a reschedule) must be accepted too, or the load is meaningless.
    const probe = await call(baseUrl, 'POST', `/api/v1/applications/${ids[0]}/events`, officer.token, JSON.parse(EVENT_BODY), 201);
    if (probe.from !== 'inspection' || probe.to !== 'inspection') throw new Error(`reschedule probe went ${probe.from} → ${probe.to}, not inspection → inspection`);
    const entry = await DossierEventModel.findById(String(probe.entryId)).lean();

    return {
      url: baseUrl,
      paths: ids.map((id) => `/api/v1/applications/${id}/events`),
      headers: { authorization: `Bearer ${officer.token}` },
      body: EVENT_BODY,
      entryBytes: Buffer.byteLength(JSON.stringify(entry)),
      close,
      async traceEvents(events) {
        // Monitoring is a connection option, so reconnect with it rather than pay for it during the load.
        await database.close();
        database = await connectDatabase(withCommandMonitoring(uri), { dbName });
        return traceCommands(mongoose.connection.getClient(), async () => {
          for (let i = 0; i < events; i++) {
            await call(baseUrl, 'POST', `/api/v1/applications/${ids[i % ids.length]}/events`, officer.token, JSON.parse(EVENT_BODY), 201);
          }
          return events;
        });
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
