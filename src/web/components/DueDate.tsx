import { formatDue } from '../lib/format';
import { useMe } from '../lib/session';
import { cx } from './ui';

/** A due date with weekday and distance ("Fri 12 Dec · in 9 days"), red when overdue. */
export function DueDate({
  date,
  done,
  className,
}: {
  date: string;
  done?: boolean;
  className?: string;
}) {
  const me = useMe();
  const tz = me.data?.current?.timeZone ?? 'UTC';
  const text = formatDue(date, tz);
  const overdue = !done && text.includes('ago');
  return (
    <time
      dateTime={date}
      className={cx('whitespace-nowrap', overdue ? 'text-bad' : undefined, className)}
    >
      {text}
    </time>
  );
}
