/** A server ready to be loaded: where to send which requests, and how to take it down. */
export interface Target {
  url: string;
  paths: string[];
  headers: Record<string, string>;
  body: string;
  /** Size of one stored log entry as JSON, to show that both halves write documents of the same size. */
  entryBytes: number;
  close(): Promise<void>;
}

/** In `inspection`, SCHEDULE_INSPECTION reschedules and is accepted again, so the load can repeat it forever. */
export const EVENT_BODY = JSON.stringify({ type: 'SCHEDULE_INSPECTION', scheduledFor: '2026-12-01' });
