import { randomUUID } from 'node:crypto';
import { Schema, model } from 'mongoose';
import type { Actor } from '../auth/actor';

/**
 * Changes outside a dossier's workflow (drafts edited, records created, settings changed). Workflow
 * transitions are audited by the dossier event log itself, with its hash chain.
 */
const auditEntrySchema = new Schema(
  {
    _id: { type: String, default: () => randomUUID() },
    at: { type: Date, required: true },
    actor: { kind: String, userId: String, name: String, role: String },
    action: { type: String, required: true },
    target: { kind: String, id: String, label: String },
    changedFields: [String],
    /** The client address of a step taken without an account yet (registration, reset, invitation). */
    ip: String,
  },
  { versionKey: false },
);

export const AuditEntryModel = model('AuditEntry', auditEntrySchema);

export async function recordAudit(entry: {
  at: Date;
  actor: Actor;
  action: string;
  target: { kind: string; id: string; label?: string };
  changedFields?: string[];
  ip?: string;
}): Promise<void> {
  const { actor } = entry;
  const actorRecord = actor.kind === 'user' ? { kind: 'user', userId: actor.userId, name: actor.name, role: actor.role } : { kind: 'system', name: actor.name, role: 'system' };
  await AuditEntryModel.create({ ...entry, actor: actorRecord });
}
