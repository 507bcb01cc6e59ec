import { Schema, model } from 'mongoose';
import { insertIfAbsent } from './unique-insert';

const OneTimePassModel = model('ReadModelUpgrade', new Schema({ _id: String, doneAt: Date }, { versionKey: false, collection: 'read_model_upgrades' }));

export interface OneTimePass {
  /** Names the pass for good: once its key is recorded, the pass never runs again on this installation. */
  key: string;
  /** Returns how many records it changed. */
  run: () => Promise<number>;
}

/**
 * Passes over history that an installation runs once (a new read model filled in from the records it is
 * built from), at start before the app reports ready. Two instances starting together may both run a pass:
 * every pass must be idempotent.
 */
export async function runOneTimePasses(passes: readonly OneTimePass[], log: (fields: Record<string, unknown>, message: string) => void): Promise<void> {
  for (const pass of passes) {
    if (await OneTimePassModel.exists({ _id: pass.key })) continue;
    const started = performance.now();
    const changed = await pass.run();
    await insertIfAbsent(OneTimePassModel, { _id: pass.key, doneAt: new Date() });
    log({ upgrade: pass.key, changed, ms: Math.round(performance.now() - started) }, 'one-time pass over history done');
  }
}
