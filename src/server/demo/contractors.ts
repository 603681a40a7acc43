import type { Role } from '../../contracts/roles';
import { addCalendarDays } from '../../domain/calendar';
import type { AppContext } from '../context';
import { workspaceToday } from '../features/rates';
import { newId, nowIso } from '../lib/ids';

/** Demo rate card, contractors across the vetting pipeline, rates, references and time away. */

type TypeKey =
  | 'calendar'
  | 'captions'
  | 'static'
  | 'carousel'
  | 'reel'
  | 'stories'
  | 'community'
  | 'shortlist'
  | 'outreach'
  | 'report';

const TYPES: {
  key: TypeKey;
  name: string;
  group: 'organic' | 'influencer';
  unit: 'item' | 'hour' | 'calendar';
  days: number;
  dollars: number;
  checklist: string[];
}[] = [
  {
    key: 'calendar',
    name: 'Monthly content calendar',
    group: 'organic',
    unit: 'calendar',
    days: 10,
    dollars: 1200,
    checklist: [
      'Every post maps to a content pillar from the one-sheeter',
      'Dates and platforms match the requested month',
      'Hashtags and handles match the one-sheeter',
      "Nothing from the don'ts list",
    ],
  },
  {
    key: 'captions',
    name: 'Caption copy',
    group: 'organic',
    unit: 'item',
    days: 2,
    dollars: 40,
    checklist: [
      'Brand voice matches the one-sheeter',
      'Spelling, grammar and punctuation checked',
      'A clear call to action',
      'Hashtags and handles are correct',
    ],
  },
  {
    key: 'static',
    name: 'Static graphic',
    group: 'organic',
    unit: 'item',
    days: 3,
    dollars: 85,
    checklist: [
      'Brand colours and fonts only',
      'Exported at 1080×1350 and 1080×1080',
      'Text readable on a phone',
      'Logo placed as the visual identity says',
    ],
  },
  {
    key: 'carousel',
    name: 'Carousel',
    group: 'organic',
    unit: 'item',
    days: 4,
    dollars: 150,
    checklist: [
      'The first slide hooks; the last has a call to action',
      'Consistent layout across slides',
      'Copy proofread on every slide',
      'Slides exported in order',
    ],
  },
  {
    key: 'reel',
    name: 'Short video / reel edit',
    group: 'organic',
    unit: 'item',
    days: 4,
    dollars: 220,
    checklist: [
      'Hook in the first 3 seconds',
      'Captions burned in and proofread',
      'Licensed music only',
      '9:16 export at 1080×1920',
      'Text inside the safe zones',
    ],
  },
  {
    key: 'stories',
    name: 'Stories set',
    group: 'organic',
    unit: 'item',
    days: 2,
    dollars: 90,
    checklist: [
      'Stickers leave room for the app UI',
      'Links and handles tested',
      'Frames in order and on brand',
    ],
  },
  {
    key: 'community',
    name: 'Community management hour',
    group: 'organic',
    unit: 'hour',
    days: 1,
    dollars: 45,
    checklist: [
      'Replies follow the community-management SOP',
      'Customer-service inquiries routed as the SOP says',
      'Negative comments escalated to the named person',
      'Time log matches the hours billed',
    ],
  },
  {
    key: 'shortlist',
    name: 'Influencer shortlist',
    group: 'influencer',
    unit: 'item',
    days: 5,
    dollars: 300,
    checklist: [
      'Each creator fits the audience and brand values',
      'Follower counts and engagement rates are current',
      'No recent brand-safety issues',
      'Estimated fee noted per creator',
    ],
  },
  {
    key: 'outreach',
    name: 'Influencer outreach',
    group: 'influencer',
    unit: 'hour',
    days: 1,
    dollars: 55,
    checklist: [
      'Approved outreach template used',
      'Every contacted creator logged with status',
      'No budget promised without approval',
    ],
  },
  {
    key: 'report',
    name: 'Influencer campaign report',
    group: 'influencer',
    unit: 'item',
    days: 3,
    dollars: 250,
    checklist: [
      'Reach, engagement and clicks per creator',
      'Screenshots of every live post',
      'Spend against budget',
      'Learnings and recommendations',
    ],
  },
];

type Score = [number | null, number | null, number | null, number | null] | null;

const PEOPLE: {
  name: string;
  email: string;
  tz: string;
  country: string;
  status: string;
  skills: TypeKey[];
  capacity: [number, 'hours' | 'items'];
  score: Score;
  terms?: string;
  currency?: string;
  notes?: string;
  trial?: string;
}[] = [
  {
    name: 'Lina Okafor',
    email: 'contractor@demo.handoff.test',
    tz: 'Europe/London',
    country: 'United Kingdom',
    status: 'active',
    skills: ['calendar', 'captions', 'static', 'carousel', 'stories'],
    capacity: [30, 'hours'],
    score: [5, 4, 5, 4],
    trial: 'Trial calendar for Harbor Coffee approved with one small round.',
  },
  {
    name: 'Mateo Álvarez',
    email: 'mateo.alvarez@example.com',
    tz: 'America/Mexico_City',
    country: 'Mexico',
    status: 'active',
    skills: ['reel', 'static', 'carousel'],
    capacity: [25, 'hours'],
    score: [5, 4, 4, 5],
  },
  {
    name: 'Grace Kim',
    email: 'grace.kim@example.com',
    tz: 'America/Los_Angeles',
    country: 'United States',
    status: 'active',
    skills: ['shortlist', 'outreach', 'report'],
    capacity: [20, 'hours'],
    score: [4, 5, 5, 4],
    terms: 'Net 30',
  },
  {
    name: 'Tomás Ferreira',
    email: 'tomas.ferreira@example.com',
    tz: 'Europe/Lisbon',
    country: 'Portugal',
    status: 'active',
    skills: ['static', 'carousel', 'stories'],
    capacity: [12, 'items'],
    score: [4, 4, 3, 4],
    currency: 'EUR',
  },
  {
    name: 'Angelica Santos',
    email: 'angelica.santos@example.com',
    tz: 'Asia/Manila',
    country: 'Philippines',
    status: 'active',
    skills: ['community', 'captions'],
    capacity: [40, 'hours'],
    score: [4, 5, 5, 4],
  },
  {
    name: 'Oliver Hughes',
    email: 'oliver.hughes@example.com',
    tz: 'Australia/Sydney',
    country: 'Australia',
    status: 'active',
    skills: ['calendar', 'captions', 'reel'],
    capacity: [20, 'hours'],
    score: [4, 3, 4, 5],
    terms: 'Net 30',
  },
  {
    name: 'Naomi Brooks',
    email: 'naomi.brooks@example.com',
    tz: 'America/New_York',
    country: 'United States',
    status: 'trial',
    skills: ['captions', 'static'],
    capacity: [15, 'hours'],
    score: [4, 4, null, null],
    notes: 'Trial: 5 captions for Bloom Skincare due next week.',
  },
  {
    name: 'Daniel Reyes',
    email: 'daniel.reyes@example.com',
    tz: 'America/Chicago',
    country: 'United States',
    status: 'references_checked',
    skills: ['outreach', 'shortlist'],
    capacity: [10, 'hours'],
    score: [null, 4, null, null],
  },
  {
    name: 'Sofia Marchetti',
    email: 'sofia.marchetti@example.com',
    tz: 'Europe/Rome',
    country: 'Italy',
    status: 'applied',
    skills: ['reel', 'carousel'],
    capacity: [20, 'hours'],
    score: null,
    currency: 'EUR',
    notes: 'Came through a referral from Mateo. Strong motion-design reel.',
  },
  {
    name: 'Ethan Cole',
    email: 'ethan.cole@example.com',
    tz: 'America/Denver',
    country: 'United States',
    status: 'paused',
    skills: ['calendar', 'captions'],
    capacity: [15, 'hours'],
    score: [3, 4, 4, 3],
    notes: 'Paused at his request (parental leave) until March.',
  },
];

const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');

export async function seedContractors(
  ctx: AppContext,
  demo: { workspaceId: string; users: Record<Role, string> },
): Promise<{ contractorIds: string[]; deliverableTypeIds: Record<string, string> }> {
  const db = ctx.database.db;
  const { workspaceId } = demo;
  const admin = demo.users.admin;
  const today = await workspaceToday(db, workspaceId);
  const day = (offset: number) => addCalendarDays(today, offset);
  const now = nowIso();
  const typeIds = Object.fromEntries(TYPES.map((t) => [t.key, newId()])) as Record<TypeKey, string>;
  const contractorIds = PEOPLE.map(() => newId());
  const byName = (name: string) => contractorIds[PEOPLE.findIndex((p) => p.name === name)];

  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('deliverable_types')
      .values(
        TYPES.map((t, i) => ({
          id: typeIds[t.key],
          workspace_id: workspaceId,
          name: t.name,
          group_name: t.group,
          unit: t.unit,
          default_production_days: t.days,
          qa_checklist_json: JSON.stringify(t.checklist),
          is_content_calendar: t.key === 'calendar' ? 1 : 0,
          archived: 0,
          sort: (i + 1) * 10,
          version: 1,
          created_at: now,
        })),
      )
      .execute();

    await tx
      .insertInto('contractors')
      .values(
        PEOPLE.map((p, i) => ({
          id: contractorIds[i],
          workspace_id: workspaceId,
          user_id: p.email === 'contractor@demo.handoff.test' ? demo.users.contractor : null,
          name: p.name,
          email: p.email,
          time_zone: p.tz,
          country: p.country,
          skills_json: JSON.stringify(p.skills.map((k) => typeIds[k])),
          weekly_capacity: p.capacity[0],
          capacity_unit: p.capacity[1],
          portfolio_links_json: JSON.stringify([`https://portfolio.example.com/${slug(p.name)}`]),
          included_revision_rounds: 1,
          payment_terms: p.terms ?? 'Net 15',
          currency: p.currency ?? 'USD',
          status: p.status,
          scorecard_json: JSON.stringify(
            p.score
              ? {
                  quality: p.score[0],
                  communication: p.score[1],
                  reliability: p.score[2],
                  brandFit: p.score[3],
                }
              : { quality: null, communication: null, reliability: null, brandFit: null },
          ),
          trial_outcome: p.trial ?? '',
          notes: p.notes ?? '',
          version: 1,
          created_at: now,
          updated_at: now,
        })),
      )
      .execute();

    const rate = (key: TypeKey, dollars: number, from: string, contractor?: string, note = '') => ({
      id: newId(),
      workspace_id: workspaceId,
      deliverable_type_id: typeIds[key],
      contractor_id: contractor ? byName(contractor) : null,
      amount_minor: Math.round(dollars * 100),
      currency: 'USD',
      effective_from: from,
      note,
      created_by: admin,
      created_at: now,
    });
    // Two types changed price four months ago, so the rate card shows history (R7).
    const changed = new Set<TypeKey>(['captions', 'static']);
    await tx
      .insertInto('rates')
      .values([
        rate('captions', 35, day(-365), undefined, '2025 rate card'),
        rate('static', 75, day(-365), undefined, '2025 rate card'),
        ...TYPES.map((t) =>
          rate(
            t.key,
            t.dollars,
            changed.has(t.key) ? day(-120) : day(-365),
            undefined,
            changed.has(t.key) ? 'Annual review' : '',
          ),
        ),
        rate('captions', 45, day(-90), 'Lina Okafor', 'Senior copywriter rate'),
        rate('reel', 200, day(-60), 'Mateo Álvarez', 'Volume rate: 8+ reels a month'),
        rate('community', 38, day(-200), 'Angelica Santos', 'Agreed at onboarding'),
        rate('calendar', 1100, day(-30), 'Oliver Hughes', 'Two calendars a month'),
      ])
      .execute();

    await tx
      .insertInto('unavailability')
      .values([
        {
          id: newId(),
          workspace_id: workspaceId,
          contractor_id: byName('Mateo Álvarez'),
          start_date: day(5),
          end_date: day(9),
          kind: 'travel',
          note: 'Family wedding in Oaxaca',
          created_by: admin,
          created_at: now,
        },
        {
          id: newId(),
          workspace_id: workspaceId,
          contractor_id: byName('Tomás Ferreira'),
          start_date: day(12),
          end_date: day(16),
          kind: 'time_off',
          note: 'Holiday',
          created_by: admin,
          created_at: now,
        },
        {
          id: newId(),
          workspace_id: workspaceId,
          contractor_id: byName('Lina Okafor'),
          start_date: day(-30),
          end_date: day(-26),
          kind: 'travel',
          note: 'Conference in Berlin',
          created_by: demo.users.contractor,
          created_at: now,
        },
      ])
      .execute();

    const coordinator = demo.users.coordinator;
    await tx
      .insertInto('contractor_interview_notes')
      .values([
        {
          id: newId(),
          workspace_id: workspaceId,
          contractor_id: byName('Naomi Brooks'),
          author_user_id: coordinator,
          body: 'Clear communicator, asks for the why behind feedback. Portfolio is strong on skincare and wellness brands.',
          created_at: now,
        },
        {
          id: newId(),
          workspace_id: workspaceId,
          contractor_id: byName('Daniel Reyes'),
          author_user_id: coordinator,
          body: 'Five years of micro-influencer outreach; keeps a tidy tracker. Rate expectations in line with our card.',
          created_at: now,
        },
      ])
      .execute();
    await tx
      .insertInto('contractor_references')
      .values([
        {
          id: newId(),
          workspace_id: workspaceId,
          contractor_id: byName('Naomi Brooks'),
          past_client: 'Fern & Field Apothecary',
          contact: 'Dana Wu, marketing lead',
          what_they_said: 'Always on time, one round of edits at most. Would hire again.',
          contacted_at: day(-14),
          created_by: coordinator,
          created_at: now,
        },
        {
          id: newId(),
          workspace_id: workspaceId,
          contractor_id: byName('Daniel Reyes'),
          past_client: 'Trailhead Outfitters',
          contact: 'Sam Ortiz, brand manager',
          what_they_said: 'Found creators who actually converted; reporting was thorough.',
          contacted_at: day(-7),
          created_by: coordinator,
          created_at: now,
        },
        {
          id: newId(),
          workspace_id: workspaceId,
          contractor_id: byName('Daniel Reyes'),
          past_client: 'Lumen Coffee',
          contact: 'Ari Patel, founder',
          what_they_said: 'Reliable; needed a nudge on budget sign-offs early on.',
          contacted_at: day(-6),
          created_by: coordinator,
          created_at: now,
        },
      ])
      .execute();
  });

  return { contractorIds, deliverableTypeIds: typeIds };
}
