import { Schema, model } from 'mongoose';
import { localDateOf } from '../calendar';
import { insertIfAbsent } from '../db';

/**
 * National dossier codes (Circular 01/2018/TT-VPCP Art. 19, as public integrations read it; unverified):
 * `<agency code>-YYMMDD-XXXX`, the agency's code in the state agencies' code list, the receipt date in
 * Asia/Ho_Chi_Minh, and a sequence of four digits per day. A dossier gets its code at receipt; its reference from
 * creation keeps resolving.
 *
 * Each number is claimed by inserting its code as an `_id` (the insert is the lock: racing receipts get their own
 * numbers, tried in order, so the day's numbers stay gapless), then the dossier's pointer `dossier:<id>` is
 * inserted: a receipt that is tried again (its log entry lost a race) finds the pointer and keeps its number.
 */
const NationalCodeModel = model(
  'NationalCode',
  new Schema({ _id: String, dossierId: { type: String, required: true }, code: String, claimedAt: Date, void: Boolean }, { versionKey: false }),
  'national_codes',
);

/** The DOIT's code in the state agencies' code list; a setting (DVCQG_AGENCY_CODE), this default unverified. */
export const DEFAULT_AGENCY_CODE = '000.00.00.H26';
let agencyCode = DEFAULT_AGENCY_CODE;

/** Set once by the composition root from the configuration. */
export function configureNationalCodes(options: { agencyCode: string }): void {
  agencyCode = options.agencyCode;
}

const NATIONAL_CODE = /^[A-Z0-9.]{3,30}-\d{6}-\d{4}$/;
export const isNationalCode = (text: string) => NATIONAL_CODE.test(text);

/** Where the last claim of a day ended, so the next one starts there rather than at 1 (per process; a hint only). */
const lastClaimed = new Map<string, number>();
const PROBE_BATCH = 8;

export async function claimNationalCode(dossierId: string, receivedAt: Date): Promise<string> {
  const pointerId = `dossier:${dossierId}`;
  const existing = await NationalCodeModel.findById(pointerId).lean<{ code: string }>();
  if (existing) return existing.code;
  const day = localDateOf(receivedAt).replace(/-/g, '').slice(2);
  const prefix = `${agencyCode}-${day}-`;
  const codeOf = (n: number) => `${prefix}${String(n).padStart(4, '0')}`;
  let n = await firstFree(prefix, codeOf, lastClaimed.get(prefix) ?? 0);
  for (;;) {
    if (await insertIfAbsent(NationalCodeModel, { _id: codeOf(n), dossierId, claimedAt: receivedAt })) break;
    n += 1;
  }
  lastClaimed.set(prefix, n);
  const code = codeOf(n);
  if (!(await insertIfAbsent(NationalCodeModel, { _id: pointerId, dossierId, code }))) {
    // The same dossier was received twice at once and the other claim won: this number is marked void (a gap
    // the register explains), and the dossier keeps the winner's.
    await NationalCodeModel.updateOne({ _id: code }, { $set: { void: true } });
    return (await NationalCodeModel.findById(pointerId).lean<{ code: string }>())!.code;
  }
  return code;
}

/** The first number of the day not yet taken, found by probing `_id`s forward from `after` (indexed on FerretDB). */
async function firstFree(prefix: string, codeOf: (n: number) => string, after: number): Promise<number> {
  for (let first = after + 1; ; first += PROBE_BATCH) {
    const batch = await Promise.all(Array.from({ length: PROBE_BATCH }, (_, i) => NationalCodeModel.exists({ _id: codeOf(first + i) })));
    const free = batch.findIndex((taken) => !taken);
    if (free >= 0) return first + free;
  }
}
