import type { RequestHandler } from 'express';
import session from 'express-session';
import MongoStore from 'connect-mongo';
import type { MongoClient } from 'mongodb';

export const SESSION_COOKIE = 'hpg.sid';
const SESSION_HOURS = 8;
const SESSION_COLLECTION = 'sessions';

/**
 * Sessions live in the database. FerretDB has no TTL index, so connect-mongo's own expiry is disabled
 * (`autoRemove: 'disabled'`) and `removeExpiredSessions` (run by the scheduler) deletes them instead.
 */
export function createSessionStore(client: MongoClient, dbName?: string): session.Store {
  return MongoStore.create({ client, dbName, collectionName: SESSION_COLLECTION, autoRemove: 'disabled', stringify: false, touchAfter: 300 });
}

export function sessionMiddleware(options: { secret: string; secure: boolean; store: session.Store }): RequestHandler {
  return session({
    name: SESSION_COOKIE,
    secret: options.secret,
    store: options.store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: options.secure, maxAge: SESSION_HOURS * 3600_000 },
  });
}

export async function removeExpiredSessions(client: MongoClient, now: Date, dbName?: string): Promise<number> {
  const result = await client.db(dbName).collection(SESSION_COLLECTION).deleteMany({ expires: { $lt: now } });
  return result.deletedCount;
}
