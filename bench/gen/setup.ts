import type { Role } from '../../src/contracts/roles';
import type { AppContext } from '../../src/server/context';
import {
  addMember,
  createAccount,
  createWorkspace,
} from '../../src/server/features/workspaces/service';
import { prose } from './prng';
import {
  AS_OF,
  addDays,
  BENCH_PASSWORD,
  type BenchUsers,
  type ContractorInfo,
  type TypeInfo,
  type World,
} from './world';

/**
 * The workspace and its handful of people go through the app's own services (better-auth hashes
 * the passwords, memberships are audited); everything else is bulk-inserted by the phases.
 * E-mails are the demo's, so `scripts/screenshot.mjs <role>` works against a bench database too.
 */
const PEOPLE: { key: string; role: Role; name: string; email: string }[] = [
  { key: 'admin', role: 'admin', name: 'Kassandra Ferrante', email: 'admin@demo.handoff.test' },
  {
    key: 'coordinator',
    role: 'coordinator',
    name: 'Ellie Sebastian',
    email: 'coordinator@demo.handoff.test',
  },
  {
    key: 'strategist',
    role: 'strategist',
    name: 'Jonathan Reisch',
    email: 'strategist@demo.handoff.test',
  },
  {
    key: 'strategist2',
    role: 'strategist',
    name: 'Amara Osei',
    email: 'strategist2@demo.handoff.test',
  },
  {
    key: 'strategist3',
    role: 'strategist',
    name: 'Felix Brandt',
    email: 'strategist3@demo.handoff.test',
  },
  { key: 'qa', role: 'qa', name: 'Priya Nair', email: 'qa@demo.handoff.test' },
  { key: 'finance', role: 'finance', name: 'Marcus Webb', email: 'finance@demo.handoff.test' },
  {
    key: 'contractor',
    role: 'contractor',
    name: 'Lina Okafor',
    email: 'contractor@demo.handoff.test',
  },
  {
    key: 'contractor2',
    role: 'contractor',
    name: 'Mateo Álvarez',
    email: 'contractor2@demo.handoff.test',
  },
];

export async function createPeople(
  ctx: AppContext,
): Promise<{ workspaceId: string; users: BenchUsers }> {
  const ids: Record<string, string> = {};
  for (const p of PEOPLE) {
    ids[p.key] = (
      await createAccount(ctx, { name: p.name, email: p.email, password: BENCH_PASSWORD })
    ).userId;
  }
  const db = ctx.database.db;
  const workspaceId = await createWorkspace(db, {
    name: 'Benchmark Agency',
    timeZone: 'America/New_York',
    currency: 'USD',
    adminUserId: ids.admin,
  });
  for (const p of PEOPLE) {
    if (p.key === 'admin') continue;
    await addMember(db, { workspaceId, userId: ids.admin }, { userId: ids[p.key], role: p.role });
  }
  return {
    workspaceId,
    users: {
      admin: ids.admin,
      coordinator: ids.coordinator,
      strategists: [ids.strategist, ids.strategist2, ids.strategist3],
      qa: ids.qa,
      finance: ids.finance,
      contractors: [ids.contractor, ids.contractor2],
      contractorEmail: 'contractor@demo.handoff.test',
    },
  };
}

const TYPES: Omit<TypeInfo, 'id'>[] = [
  {
    key: 'calendar',
    name: 'Monthly content calendar',
    unit: 'calendar',
    days: 10,
    amountMinor: 120_000,
  },
  { key: 'captions', name: 'Caption copy', unit: 'item', days: 2, amountMinor: 4_000 },
  { key: 'static', name: 'Static graphic', unit: 'item', days: 3, amountMinor: 8_500 },
  { key: 'carousel', name: 'Carousel', unit: 'item', days: 4, amountMinor: 15_000 },
  { key: 'reel', name: 'Short video / reel edit', unit: 'item', days: 4, amountMinor: 22_000 },
  { key: 'stories', name: 'Stories set', unit: 'item', days: 2, amountMinor: 9_000 },
  {
    key: 'community',
    name: 'Community management hour',
    unit: 'hour',
    days: 1,
    amountMinor: 4_500,
  },
  { key: 'shortlist', name: 'Influencer shortlist', unit: 'item', days: 5, amountMinor: 30_000 },
  { key: 'outreach', name: 'Influencer outreach', unit: 'hour', days: 1, amountMinor: 5_500 },
  { key: 'report', name: 'Influencer campaign report', unit: 'item', days: 3, amountMinor: 25_000 },
];

const FIRST = [
  'Lina',
  'Mateo',
  'Grace',
  'Tomás',
  'Angelica',
  'Oliver',
  'Naomi',
  'Daniel',
  'Sofia',
  'Yusuf',
  'Hana',
  'Pierre',
  'Ama',
  'Ravi',
  'Elena',
  'Kofi',
  'Marta',
  'Jonas',
  'Leila',
  'Sam',
];
const LAST = [
  'Okafor',
  'Álvarez',
  'Kim',
  'Ferreira',
  'Santos',
  'Hughes',
  'Brooks',
  'Reyes',
  'Rossi',
  'Demir',
  'Sato',
  'Laurent',
  'Mensah',
  'Iyer',
  'Popescu',
  'Boateng',
  'Nowak',
  'Berg',
  'Haddad',
  'Carter',
];
const ZONES = [
  'Europe/London',
  'America/Mexico_City',
  'America/Los_Angeles',
  'Europe/Lisbon',
  'Asia/Manila',
  'Australia/Sydney',
  'America/New_York',
  'Europe/Berlin',
];
const BRAND_A = [
  'Harbor',
  'Summit',
  'Lumen',
  'Fern',
  'Trail',
  'Copper',
  'Maple',
  'Nimbus',
  'Atlas',
  'Willow',
  'Pioneer',
  'Juniper',
  'Cobalt',
  'Saffron',
  'Granite',
];
const BRAND_B = [
  'Coffee',
  'Outfitters',
  'Apothecary',
  'Bakery',
  'Studios',
  'Fitness',
  'Dental',
  'Realty',
  'Brewing',
  'Yoga',
  'Books',
  'Bikes',
  'Florals',
  'Kitchen',
  'Optics',
];

/** Rate card, contractors with rates and time away, clients with one-sheeters and categories. */
export async function writeReferenceData(w: World): Promise<void> {
  const { rng, ids, workspaceId, size, writer, db } = w;
  const now = `${AS_OF}T09:00:00.000Z`;
  const admin = w.users.admin;
  w.types = TYPES.map((t) => ({ ...t, id: ids.next() }));
  await db.transaction().execute(async (tx) => {
    await writer.insert(
      tx,
      'client_categories',
      ['core', 'growth', 'other'].map((name, i) => ({
        workspace_id: workspaceId,
        name,
        sort: i + 1,
      })),
    );
    await writer.insert(
      tx,
      'deliverable_types',
      w.types.map((t, i) => ({
        id: t.id,
        workspace_id: workspaceId,
        name: t.name,
        group_name: ['shortlist', 'outreach', 'report'].includes(t.key) ? 'influencer' : 'organic',
        unit: t.unit,
        default_production_days: t.days,
        qa_checklist_json: JSON.stringify([
          'On brief',
          'Spelling checked',
          'Exported in the right formats',
        ]),
        is_content_calendar: t.key === 'calendar' ? 1 : 0,
        archived: 0,
        sort: (i + 1) * 10,
        version: 1,
        created_at: now,
      })),
    );

    w.contractors = Array.from({ length: size.contractors }, (_, i): ContractorInfo => {
      const skills = rng
        .sample(
          w.types.map((_, k) => k),
          rng.int(3, 6),
        )
        .sort((a, b) => a - b);
      const negotiated = new Map<number, number>();
      for (const k of rng.sample(skills, rng.int(0, 2))) {
        negotiated.set(k, Math.round(w.types[k].amountMinor * (0.85 + rng.next() * 0.3)));
      }
      return {
        id: ids.next(),
        userId: w.users.contractors[i] ?? null,
        name:
          i === 0
            ? 'Lina Okafor'
            : i === 1
              ? 'Mateo Álvarez'
              : `${rng.pick(FIRST)} ${rng.pick(LAST)} ${i}`,
        currency: rng.chance(0.1) ? 'EUR' : 'USD',
        skills,
        negotiated,
      };
    });
    await writer.insert(
      tx,
      'contractors',
      w.contractors.map((c, i) => ({
        id: c.id,
        workspace_id: workspaceId,
        user_id: c.userId,
        name: c.name,
        email:
          i < w.users.contractors.length
            ? i === 0
              ? w.users.contractorEmail
              : `contractor${i + 1}@demo.handoff.test`
            : `contractor-${i}@bench.example.com`,
        time_zone: rng.pick(ZONES),
        country: '',
        skills_json: JSON.stringify(c.skills.map((k) => w.types[k].id)),
        weekly_capacity: rng.int(10, 40),
        capacity_unit: rng.chance(0.8) ? 'hours' : 'items',
        portfolio_links_json: JSON.stringify([`https://portfolio.example.com/c${i}`]),
        included_revision_rounds: 1,
        payment_terms: rng.pick(['Net 15', 'Net 30']),
        currency: c.currency,
        status: i < size.contractors * 0.9 ? 'active' : rng.pick(['trial', 'paused', 'offboarded']),
        scorecard_json: JSON.stringify({
          quality: rng.int(3, 5),
          communication: rng.int(3, 5),
          reliability: rng.int(3, 5),
          brandFit: rng.int(3, 5),
        }),
        trial_outcome: '',
        notes: '',
        version: 1,
        created_at: '2021-12-01T09:00:00.000Z',
        updated_at: now,
      })),
    );

    // Department defaults since the start (with one price change a year), plus negotiated rates.
    const rates = [];
    for (const t of w.types) {
      for (const [year, factor] of [
        [2021, 0.85],
        [2023, 0.92],
        [2025, 1],
      ] as const) {
        rates.push({
          id: ids.next(),
          workspace_id: workspaceId,
          deliverable_type_id: t.id,
          contractor_id: null,
          amount_minor: Math.round(t.amountMinor * factor),
          currency: 'USD',
          effective_from: `${year}-12-01`,
          note: `${year + 1} rate card`,
          created_by: admin,
          created_at: now,
        });
      }
    }
    for (const c of w.contractors) {
      for (const [k, amount] of c.negotiated) {
        rates.push({
          id: ids.next(),
          workspace_id: workspaceId,
          deliverable_type_id: w.types[k].id,
          contractor_id: c.id,
          amount_minor: amount,
          currency: c.currency,
          effective_from: '2021-12-01',
          note: 'Negotiated',
          created_by: admin,
          created_at: now,
        });
      }
    }
    await writer.insert(tx, 'rates', rates);

    // About ten ranges of time away per contractor over the five years.
    const away = [];
    for (const c of w.contractors) {
      for (let k = 0; k < 10; k++) {
        const start = addDays('2022-01-03', rng.int(0, 5 * 365));
        away.push({
          id: ids.next(),
          workspace_id: workspaceId,
          contractor_id: c.id,
          start_date: start,
          end_date: addDays(start, rng.int(0, 9)),
          kind: rng.pick(['travel', 'time_off', 'other']),
          note: '',
          created_by: admin,
          created_at: now,
        });
      }
    }
    await writer.insert(tx, 'unavailability', away);

    w.clients = Array.from({ length: size.clients }, (_, i) => ({
      id: ids.next(),
      name: `${BRAND_A[i % BRAND_A.length]} ${BRAND_B[Math.floor(i / BRAND_A.length) % BRAND_B.length]} ${i + 1}`,
      strategist: w.users.strategists[i % w.users.strategists.length],
      oneSheeterVersion: rng.int(1, 3),
      pool: rng.sample(
        w.contractors.map((_, k) => k),
        Math.min(w.contractors.length, rng.int(3, 6)),
      ),
      // A few big accounts and a long tail, as agencies have.
      weight: 1 / (1 + (i % 40)),
    }));
    // The signed-in contractor works for a realistic share of clients.
    for (const c of w.clients.slice(0, Math.max(1, Math.round(size.clients / 40)))) {
      if (!c.pool.includes(0)) c.pool[0] = 0;
    }
    await writer.insert(
      tx,
      'clients',
      w.clients.map((c, i) => ({
        id: c.id,
        workspace_id: workspaceId,
        name: c.name,
        name_key: c.name.toLowerCase(),
        strategist_user_id: c.strategist,
        company_category: i % 10 === 9 ? 'growth' : 'core',
        department_tier: 1 + (i % 3),
        typical_revision_rounds: 1,
        collateral_ready: 1,
        fit_status: 'eligible',
        contacts_json: JSON.stringify([
          {
            name: `Contact ${i}`,
            role: 'Marketing lead',
            email: `lead${i}@client.example.com`,
            phone: '',
          },
        ]),
        notes: prose(rng, 80),
        archived: 0,
        fit_override_reason: null,
        fit_override_by: null,
        fit_override_at: null,
        version: 1,
        created_at: '2021-12-01T09:00:00.000Z',
        updated_at: now,
        slack_webhook_url: null,
      })),
    );
    await writer.insert(
      tx,
      'one_sheeters',
      w.clients.map((c) => ({
        client_id: c.id,
        workspace_id: workspaceId,
        current_version: c.oneSheeterVersion,
        updated_at: now,
        updated_by: c.strategist,
      })),
    );
    const versions = [];
    for (const c of w.clients) {
      for (let v = 1; v <= c.oneSheeterVersion; v++) {
        versions.push({
          id: ids.next(),
          workspace_id: workspaceId,
          client_id: c.id,
          version: v,
          content_json: JSON.stringify(oneSheeter(w, c.name, v)),
          author_user_id: c.strategist,
          created_at: `${2021 + v}-12-01T09:00:00.000Z`,
        });
      }
    }
    await writer.insert(tx, 'one_sheeter_versions', versions);
  });
}

function oneSheeter(w: World, name: string, version: number) {
  const { rng } = w;
  const domain = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}.example`;
  return {
    brandVoice: prose(rng, 120),
    audience: prose(rng, 120),
    productsServices: prose(rng, 100),
    goals: `${prose(rng, 80)} (v${version})`,
    dosAndDonts: prose(rng, 140),
    visualIdentityLinks: [`https://brand.${domain}/guidelines.pdf`],
    hashtagsAndHandles: `#${name.replace(/\W+/g, '')} @${name.toLowerCase().replace(/\W+/g, '')}`,
    competitors: prose(rng, 60),
    contentPillars: ['Craft', 'Community', 'Seasonal'],
    communityManagement: {
      customerServiceInquiries: prose(rng, 60),
      positiveComments: prose(rng, 60),
      negativeComments: prose(rng, 60),
      escalationContact: 'The strategist first; the coordinator if urgent',
    },
  };
}
