import { RefreshCw, X } from 'lucide-react';
import { formatInstant } from '../../lib/format';
import { useMe } from '../../lib/session';
import { useStale } from './task-command';

/** "Ellie changed this task since you opened it", with what changed; the form keeps its text. */
export function StaleNotice() {
  const { notice, dismiss } = useStale();
  const me = useMe();
  const tz = me.data?.current?.timeZone ?? 'UTC';
  if (!notice) return null;
  return (
    <div
      role="alert"
      data-testid="stale-notice"
      className="flex flex-col gap-2 rounded-md border border-accent/50 bg-accent/5 p-3 text-sm"
    >
      <div className="flex items-start gap-2">
        <RefreshCw size={14} className="mt-0.5 shrink-0 text-accent" aria-hidden />
        <p className="flex-1 font-medium">
          {notice.message}. The task is refreshed; what you typed is kept — check the changes and
          send again.
        </p>
        <button
          type="button"
          onClick={dismiss}
          aria-label="Dismiss"
          className="rounded p-0.5 text-muted hover:bg-sunken"
        >
          <X size={14} />
        </button>
      </div>
      {notice.changes.length > 0 ? (
        <ul className="flex flex-col gap-1 pl-6 text-xs">
          {notice.changes.map((c) => (
            <li key={c.id}>
              <span className="text-muted">{formatInstant(c.at, tz)} · </span>
              {c.summary}
              {c.changes.map((ch) => (
                <span key={ch.label} className="text-muted">
                  {' '}
                  ({ch.label}: {ch.from} → <mark className="bg-warn/20 text-ink">{ch.to}</mark>)
                </span>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
