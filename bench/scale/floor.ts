import { MongoClient, ObjectId } from 'mongodb';
import { timingOf, type MeasureOptions, type Timing } from './measure';

/** The same-run floor under every read: one `findOne` by `_id` through the driver, on the app's database. */
export async function driverFloor(databaseUri: string, dossierId: string, options: MeasureOptions): Promise<Timing> {
  const client = new MongoClient(databaseUri, { directConnection: true });
  try {
    const dossiers = client.db().collection('applications');
    const read = () => dossiers.findOne({ _id: new ObjectId(dossierId) });
    await read();
    const samples: number[] = [];
    for (let i = 0; i < options.repetitions; i++) {
      const started = performance.now();
      if (!(await read())) return timingOf('floor: findOne by _id (driver)', samples, false, 'the dossier is missing');
      samples.push(performance.now() - started);
    }
    return timingOf('floor: findOne by _id (driver)', samples, false);
  } finally {
    await client.close();
  }
}
