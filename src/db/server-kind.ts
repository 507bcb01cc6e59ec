import mongoose from 'mongoose';

const answers = new WeakMap<object, Promise<boolean>>();

/**
 * Whether the connected server reads every document of a collection for any filter but `_id` equality. That
 * is FerretDB 1.24 (it pushes only `_id = ?` down to SQLite; see its backends/sqlite/collection.go), which
 * answers buildInfo with a `ferretdbVersion`. Readers use it to plan: there, filtered reads of a large share of
 * a collection cost the same as reading all of it, so they may as well run side by side. Asked once per connection.
 */
export function scansWholeCollections(connection: mongoose.Connection = mongoose.connection): Promise<boolean> {
  const db = connection.db;
  if (!db) return Promise.resolve(false);
  let answer = answers.get(db);
  if (!answer) {
    answer = db
      .admin()
      .command({ buildInfo: 1 })
      .then((info) => 'ferretdbVersion' in info)
      .catch(() => false);
    answers.set(db, answer);
  }
  return answer;
}
