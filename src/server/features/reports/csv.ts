import type {
  ProcessHealthReport,
  ScorecardReport,
  SpendReport,
  WorkloadReport,
} from '../../../contracts/reports';
import { toCsv } from '../rates';

/**
 * The CSV exports of the R32 reports (papaparse with formula escaping: a name starting with "="
 * can't run in a spreadsheet). Rates are percentages with one decimal, money in minor units.
 */

const pct = (r: number | null) => (r === null ? '' : Math.round(r * 1000) / 10);
const opt = (v: number | null) => (v === null ? '' : v);

export function scorecardCsv(r: ScorecardReport): string {
  return toCsv(
    [
      'contractor',
      'subtasks_due',
      'subtasks_on_time',
      'on_time_pct',
      'finals_due',
      'finals_on_time',
      'final_on_time_pct',
      'tasks',
      'avg_revision_rounds',
      'qa_reviewed',
      'qa_first_pass',
      'qa_first_pass_pct',
      'escalations',
      'kudos',
      'feedback',
      'accepted_quantity',
      'accepted_amount_minor',
      'cost_per_accepted_minor',
      'currency',
    ],
    r.rows.map((x) => [
      x.name,
      x.subtasksDue,
      x.subtasksOnTime,
      pct(x.onTimeRate),
      x.finalsDue,
      x.finalsOnTime,
      pct(x.finalOnTimeRate),
      x.tasks,
      opt(x.avgRevisionRounds),
      x.qaReviewed,
      x.qaFirstPass,
      pct(x.qaFirstPassRate),
      x.escalations,
      x.kudos,
      x.feedback,
      x.acceptedQuantity,
      x.acceptedAmountMinor,
      opt(x.costPerAcceptedMinor),
      x.currency,
    ]),
  );
}

export function processHealthCsv(r: ProcessHealthReport): string {
  const share = (name: string, s: { count: number; total: number; rate: number | null }) => [
    name,
    s.count,
    s.total,
    pct(s.rate),
  ];
  return toCsv(
    ['metric', 'count', 'total', 'pct'],
    [
      share('requests_lead_14_plus', r.requests.lead14Plus),
      share('requests_lead_7_to_13', r.requests.lead7to13),
      share('requests_lead_under_7', r.requests.leadUnder7),
      share('requests_overridden', r.requests.overrides),
      share('revisions_with_notice', r.revisions.withNotice),
      share('feedback_with_why', r.feedbackWithWhy),
      share('one_sheeters_complete', r.oneSheeters.complete),
      [
        'request_to_assignment_median_hours',
        opt(r.requestToAssignment.medianHours),
        r.requestToAssignment.count,
        '',
      ],
      [
        'request_to_assignment_avg_hours',
        opt(r.requestToAssignment.avgHours),
        r.requestToAssignment.count,
        '',
      ],
      ...r.weeklyUpdates.map((w) => [
        `weekly_updates_missing_${w.weekStart}`,
        w.missing.length,
        '',
        '',
      ]),
    ],
  );
}

export function spendCsv(r: SpendReport): string {
  return toCsv(
    [r.groupBy, 'period', 'budget_minor', 'committed_minor', 'actual_minor', 'currency'],
    r.rows.map((x) => [
      x.label,
      x.period,
      opt(x.budgetMinor),
      x.committedMinor,
      x.actualMinor,
      r.currency,
    ]),
  );
}

export function workloadCsv(r: WorkloadReport): string {
  return toCsv(
    ['contractor', 'week_start', 'load', 'capacity', 'capacity_unit', 'unavailable_days', 'over'],
    r.contractors.flatMap((c) =>
      c.cells.map((x) => [
        c.name,
        x.weekStart,
        x.load,
        x.capacity,
        c.capacityUnit,
        x.unavailableDays,
        x.over ? 'yes' : 'no',
      ]),
    ),
  );
}
