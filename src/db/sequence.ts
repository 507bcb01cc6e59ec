import { Schema, model } from 'mongoose';
import { isDuplicateKeyError, insertIfAbsent } from './unique-insert';

/** One document per number ever handed out in a scope: the insert is the allocation, so no two callers share one. */
const SequenceClaimModel = model('SequenceClaim', new Schema({ _id: String, scope: String, value: Number, claimedAt: Date }, { versionKey: false }));

/** Where to start probing. Only a hint: it may lag behind under concurrency, which costs a few extra probes. */
const SequenceHintModel = model('SequenceHint', new Schema({ _id: String, last: Number }, { versionKey: false }));

/**
 * Allocates the next number in `scope` (e.g. "dossier:EPR:2026"), without gaps under normal operation and
 * never twice. Built on unique-key inserts because FerretDB's $inc and findOneAndUpdate are not atomic.
 */
export async function allocateSequence(scope: string, now: Date = new Date()): Promise<number> {
  const hint = await SequenceHintModel.findById(scope).lean();
  let value = (hint?.last ?? 0) + 1;
  while (!(await insertIfAbsent(SequenceClaimModel, { _id: `${scope}:${value}`, scope, value, claimedAt: now }))) value++;
  await raiseHint(scope, value);
  return value;
}

async function raiseHint(scope: string, value: number): Promise<void> {
  try {
    await SequenceHintModel.updateOne({ _id: scope }, { $max: { last: value } }, { upsert: true });
  } catch (error) {
    // Two first-ever allocations may both try to create the hint; the loser simply retries as an update.
    if (!isDuplicateKeyError(error)) throw error;
    await SequenceHintModel.updateOne({ _id: scope }, { $max: { last: value } });
  }
}
