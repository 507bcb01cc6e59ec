import type { Actor } from '../auth';
import type { Logger } from '../logging/logger';
import { applyEvent, type AppliedEvent, type ApplyEventDeps, type EventInput } from './apply-event';
import { dispatchOutbox } from './outbox-dispatch';

/**
 * What every caller outside the scheduler uses: the one event path, then the outbox delivered at once
 * (certificate, mail jobs, deadline jobs, PGI). The event is already safely logged when delivery runs, so a
 * delivery failure is only logged: the maintenance sweep delivers it later.
 */
export async function sendEvent(actor: Actor, dossierId: string, input: EventInput, deps: ApplyEventDeps & { log?: Logger }): Promise<AppliedEvent> {
  const applied = await applyEvent(actor, dossierId, input, deps);
  if (applied.outbox.length > 0) {
    await dispatchOutbox(applied.entryId, applied.outbox).catch((error: unknown) =>
      deps.log?.warn({ err: error, entryId: applied.entryId }, 'outbox delivery deferred to the sweep'),
    );
  }
  return applied;
}
