import { describe, expect, it } from 'vitest';
import {
  clipToWindow,
  coveredTypeCount,
  rankSuggestions,
  type SkillMatch,
  type SuggestionCandidate,
  type SuggestionContext,
  skillMatch,
  weekStartOf,
} from './suggestions';

const ctx: SuggestionContext = { requestedTypes: 3, demand: 5, currency: 'USD' };

function candidate(id: string, over: Partial<SuggestionCandidate> = {}): SuggestionCandidate {
  return {
    id,
    name: id,
    trial: false,
    coveredTypes: 3,
    awayInWindow: [],
    capacity: { weekly: 20, left: 20, unit: 'items' },
    rateMinor: 40_000,
    qaFirstPassRate: null,
    onTimeRate: null,
    workedWithClient: false,
    preferred: false,
    ...over,
  };
}

const ids = (list: { id: string }[]) => list.map((s) => s.id);

describe('skillMatch and coverage (R13)', () => {
  it.each<[number, number, SkillMatch]>([
    [0, 0, 'none'],
    [0, 3, 'none'],
    [1, 3, 'some'],
    [3, 3, 'all'],
    [1, 1, 'all'],
  ])('R13 covering %i of %i types is "%s"', (covered, requested, match) => {
    expect(skillMatch(covered, requested)).toBe(match);
  });

  it('R13 counts each requested type once, whatever the order or repeats', () => {
    expect(coveredTypeCount(['a', 'b', 'x'], ['b', 'a', 'c', 'a'])).toBe(2);
    expect(coveredTypeCount([], ['a'])).toBe(0);
  });
});

describe('clipToWindow and weekStartOf', () => {
  const window = { start: '2026-12-01', end: '2026-12-18' };
  it.each([
    ['R8 a range before the window is dropped', [{ start: '2026-11-20', end: '2026-11-30' }], []],
    ['R8 a range after the window is dropped', [{ start: '2026-12-19', end: '2026-12-20' }], []],
    [
      'R8 a range straddling the start is clipped to it',
      [{ start: '2026-11-28', end: '2026-12-02' }],
      [{ start: '2026-12-01', end: '2026-12-02' }],
    ],
    [
      'R8 ranges come back in date order, the last one clipped to the end',
      [
        { start: '2026-12-17', end: '2026-12-24' },
        { start: '2026-12-07', end: '2026-12-09' },
      ],
      [
        { start: '2026-12-07', end: '2026-12-09' },
        { start: '2026-12-17', end: '2026-12-18' },
      ],
    ],
  ])('%s', (_t, ranges, expected) => {
    expect(clipToWindow(ranges, window)).toEqual(expected);
  });

  it.each([
    ['2026-12-07', '2026-12-07'], // Monday
    ['2026-12-13', '2026-12-07'], // Sunday belongs to the week that started Monday
    ['2027-01-01', '2026-12-28'], // across a year end
    ['2026-03-01', '2026-02-23'], // across a month end
  ])('the week of %s starts on %s', (date, monday) => {
    expect(weekStartOf(date)).toBe(monday);
  });
});

describe('rankSuggestions order (R13)', () => {
  it.each<[string, SuggestionCandidate[], string[]]>([
    [
      'R13 full skill coverage beats partial, partial beats none',
      [
        candidate('none', { coveredTypes: 0 }),
        candidate('some', { coveredTypes: 2 }),
        candidate('all'),
      ],
      ['all', 'some', 'none'],
    ],
    [
      'R13 free in the window beats away in the window',
      [
        candidate('away', { awayInWindow: [{ start: '2026-12-07', end: '2026-12-09' }] }),
        candidate('free'),
      ],
      ['free', 'away'],
    ],
    [
      'R13 the strategist’s preferred contractor comes first among equals',
      [candidate('a'), candidate('pref', { preferred: true })],
      ['pref', 'a'],
    ],
    [
      'R13 prior work with the client beats a first pairing',
      [candidate('new'), candidate('known', { workedWithClient: true })],
      ['known', 'new'],
    ],
    [
      'R13 the cheaper contractor ranks higher, all else equal',
      [candidate('dear', { rateMinor: 60_000 }), candidate('cheap', { rateMinor: 30_000 })],
      ['cheap', 'dear'],
    ],
    [
      'R13 a fully booked week ranks below spare capacity',
      [candidate('full', { capacity: { weekly: 10, left: 0, unit: 'items' } }), candidate('spare')],
      ['spare', 'full'],
    ],
    [
      'R13 a trial contractor ranks just below an equal active one',
      [candidate('trial', { trial: true }), candidate('active')],
      ['active', 'trial'],
    ],
    [
      'R13 a better track record ranks higher',
      [
        candidate('weak', { qaFirstPassRate: 0.4, onTimeRate: 0.5 }),
        candidate('strong', { qaFirstPassRate: 1, onTimeRate: 1 }),
      ],
      ['strong', 'weak'],
    ],
    [
      'R14 a contractor whose plan fits ranks above one whose plan does not',
      [
        candidate('late', { plan: { feasible: false, earliestFeasibleDueDate: '2026-12-10' } }),
        candidate('fits', { plan: { feasible: true, earliestFeasibleDueDate: null } }),
      ],
      ['fits', 'late'],
    ],
    ['R13 ties keep a stable order by name', [candidate('b'), candidate('a')], ['a', 'b']],
  ])('%s', (_t, list, expected) => {
    expect(ids(rankSuggestions(list, ctx))).toEqual(expected);
  });

  it('R13 no history is scored at the average, never below the candidates with history', () => {
    const ranked = rankSuggestions(
      [
        candidate('low', { qaFirstPassRate: 0.5, onTimeRate: 0.5 }),
        candidate('newcomer'),
        candidate('high', { qaFirstPassRate: 0.9, onTimeRate: 0.9 }),
      ],
      ctx,
    );
    expect(ids(ranked)).toEqual(['high', 'newcomer', 'low']);
    const newcomer = ranked.find((s) => s.id === 'newcomer')!;
    expect(newcomer.reasons).toContain('No history yet');
  });

  it('R13 ranks are 1..n and scores never increase down the list', () => {
    const ranked = rankSuggestions(
      [candidate('a', { coveredTypes: 1 }), candidate('b'), candidate('c', { trial: true })],
      ctx,
    );
    expect(ranked.map((s) => s.rank)).toEqual([1, 2, 3]);
    for (let i = 1; i < ranked.length; i++) {
      expect(ranked[i - 1].score).toBeGreaterThanOrEqual(ranked[i].score);
    }
  });
});

describe('rankSuggestions reasons (R13)', () => {
  it('R13 explains each rank in plain English', () => {
    const [best, other] = rankSuggestions(
      [
        candidate('lina', {
          preferred: true,
          workedWithClient: true,
          rateMinor: 34_000,
          qaFirstPassRate: 0.9,
          onTimeRate: 0.8,
        }),
        candidate('sam', {
          coveredTypes: 2,
          awayInWindow: [{ start: '2026-12-07', end: '2026-12-09' }],
          rateMinor: 42_000,
          capacity: { weekly: 10, left: 3, unit: 'hours' },
          trial: true,
        }),
      ],
      ctx,
    );
    expect(best.id).toBe('lina');
    expect(best.skills).toBe('all');
    expect(best.reasons).toEqual([
      'Covers all 3 deliverable types',
      'Free throughout the window',
      'Preferred by the strategist',
      'Worked with this client before (no brand training needed)',
      '20 of 20 items free that week',
      'Cheapest of 2 ($340)',
      'Passes QA first time 90% of the time',
      'On time 80% of the time',
    ]);
    expect(other.reasons).toEqual([
      'Covers 2 of 3 deliverable types',
      'Away 7–9 Dec inside the window',
      'First time with this client (adds a 30-minute brand training)',
      'Only 3 of 10 hours free that week',
      '$420 for this request ($80 more than the cheapest)',
      'No history yet',
      'On trial: still being vetted',
    ]);
  });

  it.each<[string, Partial<SuggestionCandidate>, string]>([
    [
      'R13 a missing rate is named',
      { rateMinor: null },
      'No rate on the card for some of this work',
    ],
    [
      'R13 a full week is named',
      { capacity: { weekly: 8, left: 0, unit: 'hours' } },
      'Fully booked that week (0 of 8 hours left)',
    ],
    [
      'R13 unknown capacity is named',
      { capacity: { weekly: 0, left: 0, unit: 'items' } },
      'No weekly capacity recorded',
    ],
    [
      'R13 no skills at all is named',
      { coveredTypes: 0 },
      'Covers none of the 3 deliverable types',
    ],
    [
      'R8 several away ranges are listed',
      {
        awayInWindow: [
          { start: '2026-12-07', end: '2026-12-09' },
          { start: '2026-12-14', end: '2026-12-14' },
        ],
      },
      'Away 7–9 Dec and Mon 14 Dec inside the window',
    ],
    ['R13 only QA history missing', { onTimeRate: 1 }, 'No QA history yet'],
    [
      'R14 a plan that does not fit names the earliest feasible due date',
      { plan: { feasible: false, earliestFeasibleDueDate: '2026-12-10' } },
      'The plan does not fit before the due date (earliest Thu 10 Dec)',
    ],
  ])('%s', (_t, over, reason) => {
    const [only] = rankSuggestions([candidate('x', over)], ctx);
    expect(only.reasons).toContain(reason);
  });

  it('R13 a single priced contractor shows his price, not "cheapest of 1"', () => {
    const [only] = rankSuggestions([candidate('x', { rateMinor: 12_345 })], ctx);
    expect(only.reasons).toContain('$123.45 for this request');
  });

  it('R13 one requested type reads in the singular', () => {
    const [only] = rankSuggestions([candidate('x', { coveredTypes: 1 })], {
      ...ctx,
      requestedTypes: 1,
    });
    expect(only.reasons[0]).toBe('Covers the deliverable type');
  });

  it('returns an empty list for no candidates', () => {
    expect(rankSuggestions([], ctx)).toEqual([]);
  });
});
