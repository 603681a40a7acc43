import type { TimeWeek } from '../../../contracts/money';
import { hoursText } from './TimeLogItem';

/** A contractor's logged time this week against the weekly capacity (R28). */
export function WeekLoad({ total }: { total: TimeWeek['totals'][number] }) {
  const cap = total.capacityHours;
  const share = cap ? total.minutes / (cap * 60) : null;
  const over = share !== null && share > 1;
  return (
    <div className="flex items-center gap-2 text-xs" data-testid="week-load">
      <span className="w-40 shrink-0 truncate">{total.contractor.name}</span>
      {share !== null ? (
        <span
          className="relative h-2 flex-1 rounded bg-sunken"
          role="img"
          aria-label={`${Math.round(share * 100)} % of weekly capacity`}
        >
          <span
            className={`absolute inset-y-0 left-0 rounded ${over ? 'bg-bad' : 'bg-accent'}`}
            style={{ width: `${Math.min(100, share * 100)}%` }}
          />
        </span>
      ) : (
        <span className="flex-1 text-muted">capacity counted in items</span>
      )}
      <span className={`whitespace-nowrap tabular-nums ${over ? 'text-bad' : 'text-muted'}`}>
        {hoursText(total.minutes)} this week{cap ? ` of ${cap} h` : ''}
      </span>
    </div>
  );
}
