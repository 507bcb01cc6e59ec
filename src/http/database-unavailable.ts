import type { RequestHandler } from 'express';
import mongoose from 'mongoose';
import { AppError } from '../errors';

/** Seconds a client should wait before trying again: a supervised embedded database is back in a few. */
export const RETRY_AFTER_SECONDS = 5;

/** Its own class, so the error handler can word it for the user (other 503s, e.g. the virus scanner, keep theirs). */
export class DatabaseUnavailableError extends AppError {
  constructor(cause?: unknown) {
    super('unavailable', 'Service unavailable', { detail: 'The database is not reachable. Try again in a few seconds.', cause });
  }
}

export const databaseUnavailable = (cause?: unknown) => new DatabaseUnavailableError(cause);

/**
 * Errors that say the database cannot be reached (not that a query was wrong): a server that could not be
 * selected, a dropped socket, a cleared pool, a closed client. They answer 503 rather than 500.
 */
export function isDatabaseUnavailableError(error: unknown): boolean {
  const { mongo } = mongoose;
  return (
    error instanceof mongo.MongoServerSelectionError ||
    error instanceof mongo.MongoNetworkError ||
    error instanceof mongo.MongoNotConnectedError ||
    error instanceof mongo.MongoTopologyClosedError ||
    error instanceof mongoose.Error.MongooseServerSelectionError ||
    // Mongoose's own "buffering timed out", should buffering ever be switched back on.
    (error instanceof mongoose.Error && /buffering timed out/.test(error.message))
  );
}

/**
 * Refuses a request at once while the database is known to be down, so it does not wait for the driver's
 * server selection; the error handler turns the error into a 503 page or problem. Health routes and static
 * files are mounted before this and keep answering.
 */
export function databaseGate(isAvailable: () => boolean): RequestHandler {
  return (_req, _res, next) => {
    next(isAvailable() ? undefined : databaseUnavailable());
  };
}
