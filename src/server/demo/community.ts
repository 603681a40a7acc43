import type { Role } from '../../contracts/roles';
import { addCalendarDays, calendarDayIn, type IsoDate } from '../../domain/calendar';
import { lastWeekStart } from '../../domain/weekly-updates';
import type { Actor } from '../auth/access';
import type { AppContext } from '../context';
import type { Executor } from '../db';
import { publishAnnouncement } from '../features/announcements';
import { moveEscalation, openEscalation, setProcessOwner } from '../features/escalations';
import { giveRecognition } from '../features/recognitions';
import { newId } from '../lib/ids';

/**
 * Demo escalations (R24), weekly updates and recognition (R25) and announcements (R26), written
 * through the real services (so the audit trail and the process owner's notification exist), then
 * moved back in time.
 */

interface DemoInput {
  workspaceId: string;
  users: Record<Role, string>;
  contractorIds: string[];
}

const NAMES: Record<Role, string> = {
  admin: 'Kassandra Ferrante',
  coordinator: 'Ellie Sebastian',
  strategist: 'Jonathan Reisch',
  qa: 'Priya Nair',
  finance: 'Marcus Webb',
  contractor: 'Lina Okafor',
};

function actorFor(demo: DemoInput, role: Role): Actor {
  return {
    userId: demo.users[role],
    name: NAMES[role],
    email: role === 'contractor' ? 'contractor@demo.handoff.test' : '',
    workspaceId: demo.workspaceId,
    role,
    membershipId: '',
    timeZone: 'UTC',
  };
}

/** An instant `days` ago at `hour`:00 UTC. */
const daysAgo = (days: number, hour = 15) => {
  const d = new Date(Date.now() - days * 86_400_000);
  d.setUTCHours(hour, 0, 0, 0);
  return d.toISOString();
};

async function taskOf(db: Executor, demo: DemoInput, contractorIndex: number) {
  return db
    .selectFrom('tasks')
    .select(['id', 'title'])
    .where('workspace_id', '=', demo.workspaceId)
    .where('contractor_id', '=', demo.contractorIds[contractorIndex])
    .orderBy('due_date', 'desc')
    .executeTakeFirst();
}

async function backdate(db: Executor, table: 'escalations', id: string, set: object) {
  await db.updateTable(table).set(set).where('id', '=', id).execute();
}

async function seedEscalations(db: Executor, demo: DemoInput) {
  const coordinator = actorFor(demo, 'coordinator');
  const late = await taskOf(db, demo, 1);
  const open = await openEscalation(db, actorFor(demo, 'strategist'), {
    taskId: late?.id ?? null,
    contractorId: late ? null : demo.contractorIds[1],
    category: 'missed_deadline',
    severity: 'high',
    description:
      'The draft was due yesterday and nothing arrived; no reply on the task since Monday. The client expects the reel set on Friday.',
  });
  await backdate(db, 'escalations', open, { opened_at: daysAgo(1, 14) });

  const own = await taskOf(db, demo, 0);
  const acknowledged = await openEscalation(db, actorFor(demo, 'contractor'), {
    taskId: own?.id ?? null,
    category: 'scope',
    severity: 'medium',
    description:
      'The request is one content calendar, but the comments now also ask for 14 captions and two carousel scripts. Can we agree what is in scope before I start?',
  });
  await moveEscalation(db, coordinator, acknowledged, 'acknowledge', { version: 1 });
  await backdate(db, 'escalations', acknowledged, {
    opened_at: daysAgo(3, 13),
    acknowledged_at: daysAgo(3, 16),
  });

  const resolved = await openEscalation(db, actorFor(demo, 'qa'), {
    contractorId: demo.contractorIds[2],
    category: 'quality',
    severity: 'low',
    description:
      'Two influencer reports in a row missed the engagement-rate column the template asks for.',
  });
  await moveEscalation(db, coordinator, resolved, 'acknowledge', { version: 1 });
  await moveEscalation(db, coordinator, resolved, 'resolve', {
    version: 2,
    notes:
      'Walked through the report template on a call; the column is now part of the QA checklist and the last report passed first time.',
  });
  await backdate(db, 'escalations', resolved, {
    opened_at: daysAgo(12, 14),
    acknowledged_at: daysAgo(12, 17),
    resolved_at: daysAgo(9, 15),
  });
}

const UPDATES = [
  {
    progress: 'Drafted the December calendar and 8 of 10 captions; shared the carousel sketches.',
    blockers: 'Waiting on product photos for the gift guide posts.',
    availability: 'Travelling Thursday, online in the evening.',
  },
  {
    progress: 'Edited three reels and delivered the first two for scrub.',
    blockers: '',
    availability: '',
  },
  {
    progress: 'Shortlisted 18 creators and sent 6 outreach messages; 2 replies so far.',
    blockers: 'Need the campaign budget range to answer rate questions.',
    availability: '',
  },
  {
    progress: 'Finished the community management hours; flagged two comments for customer service.',
    blockers: '',
    availability: 'Off next Monday (public holiday here).',
  },
];

/** Last week's updates for most active contractors (two missing), and Lina's history. */
async function seedWeeklyUpdates(db: Executor, demo: DemoInput, today: IsoDate) {
  const week = lastWeekStart(today);
  // The demo bench has worked with the agency for months: weekly updates are owed (R25).
  await db
    .updateTable('contractors')
    .set({ created_at: daysAgo(120) })
    .where('workspace_id', '=', demo.workspaceId)
    .where('status', '=', 'active')
    .execute();
  const row = (contractorIndex: number, weekStart: IsoDate, u: (typeof UPDATES)[number]) => {
    const at = `${addCalendarDays(weekStart, 4)}T21:00:00.000Z`;
    return {
      id: newId(),
      workspace_id: demo.workspaceId,
      contractor_id: demo.contractorIds[contractorIndex],
      week_start: weekStart,
      progress: u.progress,
      blockers: u.blockers,
      availability_changes: u.availability,
      submitted_at: at,
      submitted_by: contractorIndex === 0 ? demo.users.contractor : demo.users.coordinator,
      updated_at: at,
    };
  };
  const rows = [0, 1, 2, 4].map((c, i) => row(c, week, UPDATES[i % UPDATES.length]));
  for (const back of [1, 2, 3]) {
    rows.push(row(0, addCalendarDays(week, -7 * back), UPDATES[back % UPDATES.length]));
  }
  await db.insertInto('weekly_updates').values(rows).execute();
}

async function seedRecognition(db: Executor, demo: DemoInput) {
  const strategist = actorFor(demo, 'strategist');
  const own = await taskOf(db, demo, 0);
  await giveRecognition(db, strategist, demo.contractorIds[0], {
    kind: 'kudos',
    taskId: own?.id ?? null,
    body: 'The captions landed the brand voice on the first draft: the client approved them without a single change.',
  });
  await giveRecognition(db, actorFor(demo, 'coordinator'), demo.contractorIds[0], {
    kind: 'feedback',
    body: 'Please post questions on the parent task rather than in DMs, so the strategist sees them too and the answer stays on record.',
  });
  await giveRecognition(db, strategist, demo.contractorIds[2], {
    kind: 'kudos',
    body: 'Great creator shortlist: every profile matched the audience and the rates were in range.',
  });
  await giveRecognition(db, actorFor(demo, 'coordinator'), demo.contractorIds[1], {
    kind: 'feedback',
    body: 'Tell us as soon as a draft will be late: we can move the client review, but only if we know before the due date.',
  });
}

async function seedAnnouncements(db: Executor, demo: DemoInput) {
  const admin = actorFor(demo, 'admin');
  const items = [
    {
      ago: 6,
      title: 'Holiday schedule: last deliveries on Fri 18 Dec',
      body: 'The agency closes from 24 Dec to 1 Jan. Plan January calendars so drafts arrive by 18 Dec; record your own time off under Availability so nobody plans a due date inside it.',
      audience: 'everyone' as const,
      pinned: true,
    },
    {
      ago: 2,
      title: 'Welcome to Handoff',
      body: 'Briefs, due dates, revisions and invoices now live here. Post questions on the parent task, send a weekly update every Friday, and escalate anything that blocks you: it reaches the process owner at once.',
      audience: 'everyone' as const,
      pinned: false,
    },
    {
      ago: 9,
      title: 'Rate card review in January',
      body: 'We review contractor rates against last quarter’s QA pass rates in the first week of January. Send notes on rates you think are off to the coordinators.',
      audience: 'staff' as const,
      pinned: false,
    },
  ];
  for (const a of items) {
    const id = await publishAnnouncement(db, admin, a);
    const at = daysAgo(a.ago, 14);
    await db
      .updateTable('announcements')
      .set({ published_at: at, updated_at: at })
      .where('id', '=', id)
      .execute();
    await db
      .updateTable('announcement_reads')
      .set({ read_at: at })
      .where('announcement_id', '=', id)
      .execute();
  }
}

/** Seeds the community features of the demo workspace. */
export async function seedCommunity(ctx: AppContext, demo: DemoInput): Promise<void> {
  const db = ctx.database.db;
  const ws = await db
    .selectFrom('workspaces')
    .select('time_zone')
    .where('id', '=', demo.workspaceId)
    .executeTakeFirstOrThrow();
  const today = calendarDayIn(new Date(), ws.time_zone);
  // The SOP names a process owner: escalations reach her at once (R24).
  await setProcessOwner(db, actorFor(demo, 'admin'), demo.users.admin);
  await seedWeeklyUpdates(db, demo, today);
  await seedEscalations(db, demo);
  await seedRecognition(db, demo);
  await seedAnnouncements(db, demo);
}
