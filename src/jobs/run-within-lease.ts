export type LeaseResult =
  | { readonly kind: 'succeeded' }
  | { readonly kind: 'failed'; readonly error: unknown }
  /** The lease ran out or the scheduler stopped first; `late` is the handler's own promise, still running. */
  | { readonly kind: 'abandoned'; readonly reason: string; readonly late: Promise<void> };

/**
 * Runs a handler but stops waiting for it when its lease runs out (another instance may then take the job
 * over) or when `controller` is aborted by stop(). The timer only bounds how long this process waits; the
 * lease itself lives in the claim document.
 */
export async function runWithinLease(
  start: (signal: AbortSignal) => Promise<void>,
  controller: AbortController,
  leaseMs: number,
): Promise<LeaseResult> {
  let work: Promise<void>;
  try {
    work = Promise.resolve(start(controller.signal));
  } catch (error) {
    work = Promise.reject(error);
  }
  const finished = work.then<LeaseResult, LeaseResult>(
    () => ({ kind: 'succeeded' }),
    (error: unknown) => ({ kind: 'failed', error }),
  );
  let timer: NodeJS.Timeout | undefined;
  const abandoned = new Promise<LeaseResult>((resolve) => {
    const onAbort = () => resolve({ kind: 'abandoned', reason: String(controller.signal.reason), late: work });
    if (controller.signal.aborted) onAbort();
    else controller.signal.addEventListener('abort', onAbort, { once: true });
    timer = setTimeout(() => controller.abort('lease expired'), leaseMs);
  });
  try {
    return await Promise.race([finished, abandoned]);
  } finally {
    clearTimeout(timer);
  }
}
