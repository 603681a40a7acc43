import pg from 'pg';
import { LIVE_EVENT_TYPES, type WireEvent } from './events';
import { LIVE_CHANNEL } from './publish';

const KNOWN_TYPES = new Set<string>(LIVE_EVENT_TYPES);
const BACKOFF_MIN_MS = 250;
const BACKOFF_MAX_MS = 10_000;
const HEALTH_CHECK_MS = 30_000;

export interface ListenerHooks {
  onEvent(event: WireEvent): void;
  /** Called after a reconnect: whatever was notified while disconnected is lost. */
  onGap(): void;
  log(message: string, err?: unknown): void;
}

/**
 * LISTENs on `handoff_events` over its own connection (not from the pool: a pooled connection
 * goes back to the pool, and a transaction-mode pgbouncer cannot hold a LISTEN at all). When the
 * connection drops it reconnects with backoff and reports the gap, so browsers refetch.
 */
export class PgListener {
  private client: pg.Client | null = null;
  private stopped = false;
  private backoff = BACKOFF_MIN_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private healthTimer: NodeJS.Timeout | null = null;
  private everConnected = false;
  private firstAttempt: Promise<void> | null = null;

  constructor(
    private readonly connectionString: string,
    private readonly hooks: ListenerHooks,
  ) {}

  get connected(): boolean {
    return this.client !== null;
  }

  /** Connects (once); resolves after the first attempt, connected or not (it keeps retrying). */
  start(): Promise<void> {
    this.firstAttempt ??= this.connect();
    return this.firstAttempt;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.healthTimer) clearInterval(this.healthTimer);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new pg.Client({
      connectionString: this.connectionString,
      keepAlive: true,
      application_name: 'handoff-live-listener',
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (msg) => {
      if (msg.channel !== LIVE_CHANNEL || !msg.payload) return;
      const event = parseEvent(msg.payload);
      if (event) this.hooks.onEvent(event);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${LIVE_CHANNEL}`);
    } catch (err) {
      client.removeAllListeners('end');
      await client.end().catch(() => {});
      this.hooks.log('live listener could not connect; retrying', err);
      this.scheduleRetry();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.backoff = BACKOFF_MIN_MS;
    if (this.everConnected) this.hooks.onGap();
    this.everConnected = true;
    // A connection that silently died (a dropped network path) shows up on the next query.
    this.healthTimer ??= setInterval(() => {
      this.client?.query('SELECT 1').catch((err) => this.client && this.lost(this.client, err));
    }, HEALTH_CHECK_MS);
    this.healthTimer.unref();
  }

  private lost(client: pg.Client, err: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners('end');
    client.end().catch(() => {});
    if (this.stopped) return;
    this.hooks.log('live listener lost its connection; reconnecting', err ?? undefined);
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    if (this.stopped || this.retryTimer) return;
    const delay = this.backoff;
    this.backoff = Math.min(this.backoff * 2, BACKOFF_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, delay);
    this.retryTimer.unref();
  }
}

/** A notification's payload, if it is one of ours; anything else is ignored. */
export function parseEvent(payload: string): WireEvent | null {
  try {
    const e = JSON.parse(payload) as Partial<WireEvent>;
    if (typeof e.type !== 'string' || !KNOWN_TYPES.has(e.type)) return null;
    if (typeof e.id !== 'string' || typeof e.workspaceId !== 'string') return null;
    if (typeof e.seq !== 'string') return null;
    return e as WireEvent;
  } catch {
    return null;
  }
}
