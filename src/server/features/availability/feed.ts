import ical from 'ical-generator';
import { addCalendarDays, type IsoDate } from '../../../domain/calendar';
import type { Executor } from '../../db';
import { hashSecret } from '../../lib/ids';
import { findContractor } from '../contractors';
import { workspaceToday } from '../rates';
import * as q from './queries';
import { asKind, FEED_KIND } from './service';

const KIND_LABELS = { travel: 'Travel', time_off: 'Time off', other: 'Other commitment' } as const;

// A calendar day as the UTC midnight ical-generator writes back as that same DATE value.
const utcDay = (date: IsoDate) => new Date(`${date}T00:00:00.000Z`);

/**
 * R8 as an iCalendar feed: one all-day event per unavailable range (DTEND is exclusive, so the
 * day after the last one). The token is the only secret; revoked or unknown tokens give null.
 */
export async function renderUnavailabilityFeed(
  db: Executor,
  token: string,
): Promise<string | null> {
  const feed = await q.findActiveFeedToken(db, hashSecret(token));
  if (!feed || feed.kind !== FEED_KIND) return null;
  const contractor = await findContractor(db, {
    workspaceId: feed.workspace_id,
    id: feed.subject_id,
  });
  if (!contractor) return null;
  const today = await workspaceToday(db, feed.workspace_id);
  const rows = await q.listUnavailability(db, {
    workspaceId: feed.workspace_id,
    contractorId: contractor.id,
    from: addCalendarDays(today, -365),
  });
  const calendar = ical({
    name: `${contractor.name} · unavailability (Handoff)`,
    prodId: { company: 'Handoff', product: 'availability', language: 'EN' },
  });
  for (const r of rows) {
    calendar.createEvent({
      id: `${r.id}@handoff`,
      allDay: true,
      start: utcDay(r.start_date),
      end: utcDay(addCalendarDays(r.end_date, 1)),
      stamp: new Date(r.created_at),
      summary: `Away: ${KIND_LABELS[asKind(r.kind)]}`,
      description: r.note || null,
    });
  }
  return calendar.toString();
}
