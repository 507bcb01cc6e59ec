import type { mongo } from 'mongoose';

/** Per accepted event: how many commands of each kind, and the milliseconds they took in total. */
export interface CommandTrace {
  calls: Record<string, number>;
  ms: Record<string, number>;
}

/** The URI with driver command monitoring on: only for the short traced run, never during the load. */
export function withCommandMonitoring(uri: string): string {
  return `${uri}${uri.includes('?') ? '&' : '?'}monitorCommands=true`;
}

const DATA_COMMANDS = new Set(['find', 'getMore', 'insert', 'update', 'delete', 'findAndModify', 'aggregate', 'count', 'distinct']);

/**
 * Records every data command `client` sends while `run` works (sequentially, so each event's commands are its
 * own), keyed "collection.command", and divides by the number of events `run` reports.
 */
export async function traceCommands(client: mongo.MongoClient, run: () => Promise<number>): Promise<CommandTrace> {
  const names = new Map<number, string>();
  const calls: Record<string, number> = {};
  const ms: Record<string, number> = {};
  const started = (event: mongo.CommandStartedEvent) => {
    // Reconnecting makes mongoose re-create collections and indexes in the background: not the event's work.
    if (!DATA_COMMANDS.has(event.commandName)) return;
    const collection = event.command[event.commandName];
    names.set(event.requestId, `${typeof collection === 'string' ? collection : event.databaseName}.${event.commandName}`);
  };
  const finished = (event: mongo.CommandSucceededEvent | mongo.CommandFailedEvent) => {
    const name = names.get(event.requestId);
    if (!name) return;
    names.delete(event.requestId);
    calls[name] = (calls[name] ?? 0) + 1;
    ms[name] = (ms[name] ?? 0) + event.duration;
  };
  client.on('commandStarted', started);
  client.on('commandSucceeded', finished);
  client.on('commandFailed', finished);
  try {
    const events = await run();
    const perEvent = (totals: Record<string, number>) =>
      Object.fromEntries(Object.entries(totals).sort(([, a], [, b]) => b - a).map(([name, n]) => [name, Math.round((n / events) * 100) / 100]));
    return { calls: perEvent(calls), ms: perEvent(ms) };
  } finally {
    client.off('commandStarted', started);
    client.off('commandSucceeded', finished);
    client.off('commandFailed', finished);
  }
}
