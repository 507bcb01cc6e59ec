import type { Role } from './roles';

/** Who is acting: a signed-in user (web session or API token) or the system (scheduler, sweeps). */
export type Actor =
  | { kind: 'user'; userId: string; role: Role; organizationId?: string; name: string }
  | { kind: 'system'; name: string };

export const SYSTEM_SCHEDULER: Actor = { kind: 'system', name: 'scheduler' };

export const actorRole = (actor: Actor): Role | 'system' => (actor.kind === 'system' ? 'system' : actor.role);
