/**
 * R13 contractor suggestions: rank the contractors who could take a request by skill match,
 * availability in the window, capacity that week, rate, past performance and prior work with the
 * client, and explain every rank in plain English.
 *
 * Scores are additive points, so each reason maps to a visible contribution. A contractor with no
 * history yet is scored at the candidates' average, never below it: a newcomer is unknown, not bad.
 */
import { addCalendarDays, type IsoDate, toEpochDay, weekdayOf } from './calendar';
import { formatDateRange, formatDayMonth, formatList } from './format';
import { formatMoney } from './money';

export type SkillMatch = 'all' | 'some' | 'none';

export interface DateRange {
  start: IsoDate;
  end: IsoDate;
}

export interface SuggestionCandidate {
  id: string;
  name: string;
  /** A contractor on a trial task: may take work, flagged. */
  trial: boolean;
  /** How many of the requested deliverable types are among the contractor's skills. */
  coveredTypes: number;
  /** Unavailability overlapping the window, clipped to it. */
  awayInWindow: readonly DateRange[];
  capacity: { weekly: number; left: number; unit: 'hours' | 'items' };
  /** The whole request at this contractor's rates in force; null when a type has no rate. */
  rateMinor: number | null;
  /** Share of this contractor's tasks that passed QA first time; null with no history. */
  qaFirstPassRate: number | null;
  /** Share of his draft and final subtasks done by their due date; null with no history. */
  onTimeRate: number | null;
  workedWithClient: boolean;
  preferred: boolean;
  /** R14: whether the planned subtasks fit before the due date for this contractor. */
  plan?: { feasible: boolean; earliestFeasibleDueDate: IsoDate | null };
}

export interface SuggestionContext {
  requestedTypes: number;
  /** Units the request needs (the sum of its quantities), compared with capacity left. */
  demand: number;
  currency: string;
}

export interface RankedSuggestion {
  id: string;
  rank: number;
  score: number;
  skills: SkillMatch;
  reasons: string[];
}

export const SUGGESTION_POINTS = Object.freeze({
  allSkills: 40,
  someSkills: 15,
  noSkills: -40,
  free: 20,
  away: -20,
  capacityEnough: 10,
  capacityFull: -15,
  cheapest: 10,
  missingRate: -5,
  qaFirstPass: 15,
  onTime: 15,
  workedWithClient: 15,
  preferred: 25,
  trial: -5,
  planDoesNotFit: -15,
});

const P = SUGGESTION_POINTS;

export function skillMatch(covered: number, requested: number): SkillMatch {
  if (requested > 0 && covered >= requested) return 'all';
  return covered > 0 ? 'some' : 'none';
}

/** How many of `requested` type ids are in `skills`. */
export function coveredTypeCount(skills: readonly string[], requested: readonly string[]): number {
  const have = new Set(skills);
  return new Set(requested.filter((t) => have.has(t))).size;
}

// ISO dates compare correctly as strings; named helpers keep the clipping readable.
const laterOf = (a: IsoDate, b: IsoDate) => (a > b ? a : b);
const earlierOf = (a: IsoDate, b: IsoDate) => (a < b ? a : b);

/** The parts of `ranges` inside `window`, in date order (R8: away days in the planning window). */
export function clipToWindow(ranges: readonly DateRange[], window: DateRange): DateRange[] {
  return ranges
    .filter((r) => r.start <= window.end && r.end >= window.start)
    .map((r) => ({ start: laterOf(r.start, window.start), end: earlierOf(r.end, window.end) }))
    .sort((a, b) => toEpochDay(a.start) - toEpochDay(b.start));
}

/** The Monday of the ISO week `date` falls in: capacity is counted per week. */
export function weekStartOf(date: IsoDate): IsoDate {
  return addCalendarDays(date, -((weekdayOf(date) + 6) % 7));
}

// "$340" rather than "$340.00": reasons are read at a glance.
const money = (minor: number, currency: string) =>
  formatMoney(minor, currency).replace(/\.00$/, '');
const percent = (share: number) => `${Math.round(share * 100)}%`;
const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

function average(values: readonly (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null);
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0) / known.length;
}

function skillPart(c: SuggestionCandidate, ctx: SuggestionContext): [number, string] {
  const match = skillMatch(c.coveredTypes, ctx.requestedTypes);
  const types = plural(ctx.requestedTypes, 'deliverable type');
  if (match === 'all') {
    return [
      P.allSkills,
      ctx.requestedTypes === 1 ? 'Covers the deliverable type' : `Covers all ${types}`,
    ];
  }
  if (match === 'some') return [P.someSkills, `Covers ${c.coveredTypes} of ${types}`];
  return [
    P.noSkills,
    ctx.requestedTypes === 1
      ? 'Does not cover the deliverable type'
      : `Covers none of the ${types}`,
  ];
}

function capacityPart(c: SuggestionCandidate, ctx: SuggestionContext): [number, string] {
  const { weekly, left, unit } = c.capacity;
  if (weekly <= 0) return [0, 'No weekly capacity recorded'];
  if (left <= 0) return [P.capacityFull, `Fully booked that week (0 of ${weekly} ${unit} left)`];
  if (left >= ctx.demand) return [P.capacityEnough, `${left} of ${weekly} ${unit} free that week`];
  return [0, `Only ${left} of ${weekly} ${unit} free that week`];
}

function ratePart(c: SuggestionCandidate, priced: number[], currency: string): [number, string] {
  if (c.rateMinor === null) return [P.missingRate, 'No rate on the card for some of this work'];
  const cheapest = Math.min(...priced);
  const price = money(c.rateMinor, currency);
  if (priced.length === 1) return [P.cheapest, `${price} for this request`];
  if (c.rateMinor === cheapest) return [P.cheapest, `Cheapest of ${priced.length} (${price})`];
  const points = c.rateMinor > 0 ? (P.cheapest * cheapest) / c.rateMinor : P.cheapest;
  const more = money(c.rateMinor - cheapest, currency);
  return [points, `${price} for this request (${more} more than the cheapest)`];
}

function historyParts(
  c: SuggestionCandidate,
  avgQa: number | null,
  avgOnTime: number | null,
): [number, string[]] {
  const qa = c.qaFirstPassRate ?? avgQa ?? 0.5;
  const onTime = c.onTimeRate ?? avgOnTime ?? 0.5;
  const points = P.qaFirstPass * qa + P.onTime * onTime;
  if (c.qaFirstPassRate === null && c.onTimeRate === null) return [points, ['No history yet']];
  const reasons: string[] = [];
  reasons.push(
    c.qaFirstPassRate === null
      ? 'No QA history yet'
      : `Passes QA first time ${percent(c.qaFirstPassRate)} of the time`,
  );
  reasons.push(
    c.onTimeRate === null
      ? 'No deadline history yet'
      : `On time ${percent(c.onTimeRate)} of the time`,
  );
  return [points, reasons];
}

/** R13: candidates ranked best first, each with its score and reasons. */
export function rankSuggestions(
  candidates: readonly SuggestionCandidate[],
  ctx: SuggestionContext,
): RankedSuggestion[] {
  const priced = candidates.map((c) => c.rateMinor).filter((r): r is number => r !== null);
  const avgQa = average(candidates.map((c) => c.qaFirstPassRate));
  const avgOnTime = average(candidates.map((c) => c.onTimeRate));
  const scored = candidates.map((c) => {
    const reasons: string[] = [];
    let score = 0;
    const add = ([points, reason]: [number, string]) => {
      score += points;
      reasons.push(reason);
    };
    add(skillPart(c, ctx));
    if (c.awayInWindow.length === 0) add([P.free, 'Free throughout the window']);
    else {
      const ranges = formatList(c.awayInWindow.map((r) => formatDateRange(r.start, r.end)));
      add([P.away, `Away ${ranges} inside the window`]);
    }
    if (c.plan && !c.plan.feasible) {
      const earliest = c.plan.earliestFeasibleDueDate;
      add([
        P.planDoesNotFit,
        earliest
          ? `The plan does not fit before the due date (earliest ${formatDayMonth(earliest)})`
          : 'The plan does not fit before the due date',
      ]);
    }
    if (c.preferred) add([P.preferred, 'Preferred by the strategist']);
    if (c.workedWithClient) {
      add([P.workedWithClient, 'Worked with this client before (no brand training needed)']);
    } else add([0, 'First time with this client (adds a 30-minute brand training)']);
    add(capacityPart(c, ctx));
    if (priced.length > 0 || c.rateMinor === null) add(ratePart(c, priced, ctx.currency));
    const [historyPoints, historyReasons] = historyParts(c, avgQa, avgOnTime);
    score += historyPoints;
    reasons.push(...historyReasons);
    if (c.trial) add([P.trial, 'On trial: still being vetted']);
    return {
      id: c.id,
      name: c.name,
      score: Math.round(score * 10) / 10,
      skills: skillMatch(c.coveredTypes, ctx.requestedTypes),
      reasons,
    };
  });
  scored.sort(
    (a, b) => b.score - a.score || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  return scored.map(({ name: _name, ...s }, i) => ({ ...s, rank: i + 1 }));
}
