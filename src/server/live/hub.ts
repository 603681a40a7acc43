import type { WireEvent } from './events';

/** Sent to subscribers when events may have been missed (a listener reconnected): refetch all. */
export const RESYNC = { type: 'resync' } as const;
export type HubMessage = WireEvent | typeof RESYNC;

const RECENT_LIMIT = 2000;

/**
 * One process's fan-out point: every event this process hears (from PostgreSQL's NOTIFY or, on
 * SQLite, from the in-process bus) goes to each local SSE subscriber. It also keeps the last
 * events so a reconnecting browser (`Last-Event-ID`) gets what it missed. On PostgreSQL every
 * process hears every event in commit order under the same `seq`, so a browser that reconnects
 * through the load balancer to another process is found in that process's list too.
 */
export class LiveHub {
  private readonly subscribers = new Set<(m: HubMessage) => void>();
  private readonly recent: WireEvent[] = [];

  get subscriberCount(): number {
    return this.subscribers.size;
  }

  subscribe(fn: (m: HubMessage) => void): () => void {
    this.subscribers.add(fn);
    return () => {
      this.subscribers.delete(fn);
    };
  }

  deliver(event: WireEvent): void {
    this.recent.push(event);
    if (this.recent.length > RECENT_LIMIT) this.recent.splice(0, this.recent.length - RECENT_LIMIT);
    this.broadcast(event);
  }

  /** Tells every subscriber to refetch: events may have been lost (e.g. the listener was down). */
  resync(): void {
    this.broadcast(RESYNC);
  }

  /** The events after `seq`, or null when `seq` is no longer (or never was) in the list. */
  since(seq: string): WireEvent[] | null {
    for (let i = this.recent.length - 1; i >= 0; i--) {
      if (this.recent[i].seq === seq) return this.recent.slice(i + 1);
    }
    return null;
  }

  private broadcast(m: HubMessage): void {
    for (const fn of this.subscribers) {
      try {
        fn(m);
      } catch (err) {
        console.error('[live] subscriber failed:', err);
      }
    }
  }
}
