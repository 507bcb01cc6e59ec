import { mongo } from 'mongoose';

/** A refusal the user can act on (say what and why); the command prints the message alone, without a stack. */
export class CopyRefusedError extends Error {
  override readonly name = 'CopyRefusedError';
}

export interface Endpoint {
  readonly role: 'source' | 'target';
  /** The URI with any password hidden, for messages. */
  readonly shown: string;
  readonly client: mongo.MongoClient;
  readonly db: mongo.Db;
}

/** The database named in the URI's path, if any (mongodb://h1,h2/<name>?…). */
export function databaseNameOf(uri: string): string | undefined {
  const match = /^mongodb(?:\+srv)?:\/\/[^/]*\/([^?]+)/.exec(uri);
  return match?.[1] ? decodeURIComponent(match[1]) : undefined;
}

export const hidePassword = (uri: string) => uri.replace(/^(mongodb(?:\+srv)?:\/\/[^:/@]+:)[^@]*@/, '$1***@');

/** Hosts and database, lower-cased and sorted, so two spellings of one URI compare equal. */
function locationOf(uri: string): string {
  const hosts = /^mongodb(?:\+srv)?:\/\/(?:[^@/]*@)?([^/?]*)/.exec(uri)?.[1] ?? '';
  const normalized = hosts.toLowerCase().split(',').map((h) => (h.includes(':') ? h : `${h}:27017`)).sort();
  return `${normalized.join(',')}/${databaseNameOf(uri)}`;
}

/** Connects and pings, so an unreachable server is named at once rather than at the first copy. */
export async function connectEndpoint(role: Endpoint['role'], uri: string): Promise<Endpoint> {
  const shown = hidePassword(uri);
  if (!databaseNameOf(uri)) throw new CopyRefusedError(`The ${role} URI names no database (${shown}): add it to the path, e.g. mongodb://host:27017/hp-green`);
  const client = new mongo.MongoClient(uri, { serverSelectionTimeoutMS: 10_000 });
  try {
    await client.db('admin').command({ ping: 1 });
  } catch (error) {
    await client.close().catch(() => undefined);
    throw new CopyRefusedError(`Cannot reach the ${role} database at ${shown}: ${(error as Error).message}`);
  }
  return { role, shown, client, db: client.db() };
}

/** A replica set (or a sharded cluster) names itself in `hello`; a standalone server does not. */
export async function isReplicaSet(endpoint: Endpoint): Promise<boolean> {
  const hello = await endpoint.db.admin().command({ hello: 1 });
  return typeof hello.setName === 'string' || hello.msg === 'isdbgrid';
}

/** The server process behind a connection (host, pid and start time), when the server tells. */
async function serverIdentity(endpoint: Endpoint): Promise<string | undefined> {
  try {
    const status = await endpoint.db.admin().command({ serverStatus: 1 });
    const startedAt = Math.round((new Date(status.localTime).getTime() - Number(status.uptimeMillis ?? status.uptime * 1000)) / 10_000);
    return `${status.host}:${status.pid}:${startedAt}`;
  } catch {
    // serverStatus needs the clusterMonitor role; without it, the URIs alone decide.
    return undefined;
  }
}

/** Copying a database onto itself would either refuse (not empty) or, with --replace, drop the source. */
export async function refuseSameDatabase(source: Endpoint, target: Endpoint, uris: { from: string; to: string }): Promise<void> {
  if (source.db.databaseName !== target.db.databaseName) return;
  const sameUri = locationOf(uris.from) === locationOf(uris.to);
  const [a, b] = await Promise.all([serverIdentity(source), serverIdentity(target)]);
  if (sameUri || (a !== undefined && a === b)) {
    throw new CopyRefusedError(`Source and target are the same database (${target.shown}): name another database or server with --to.`);
  }
}
