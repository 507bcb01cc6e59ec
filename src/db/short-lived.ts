/**
 * A read kept for a few seconds in this process, for small lists every page shows that only an administrator
 * changes (the officers one may assign to, the industrial complexes): on FerretDB each read decodes the whole
 * collection (every user, with every business's staff). Never for a read that decides: those read the database.
 * Concurrent callers share one load; a failed load is not kept.
 */
export function shortLived<T>(ttlMs: number, load: () => Promise<T>): () => Promise<T> {
  let value: { at: number; result: Promise<T> } | undefined;
  return () => {
    if (!value || Date.now() - value.at > ttlMs) {
      const result = load();
      const entry = { at: Date.now(), result };
      value = entry;
      result.catch(() => {
        if (value === entry) value = undefined;
      });
    }
    return value.result;
  };
}
