import { z } from 'zod';

/**
 * R32 reports: contractor scorecards, process health, spend against budget and workload by week.
 * Rates are 0..1 fractions, or null when nothing was measured (no denominator). Money is integer
 * minor units in the named currency.
 */

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');
const Id = z.string().min(1).max(64);
const Rate = z.number().nullable();
const Minor = z.number().int();
const Format = z.enum(['json', 'csv']).default('json');

export const ScorecardQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  contractorId: Id.optional(),
  deliverableTypeId: Id.optional(),
  format: Format,
});

export const ScorecardRow = z.object({
  contractorId: z.string(),
  name: z.string(),
  currency: z.string(),
  /** Contractor subtasks due in the range that are done or overdue. */
  subtasksDue: z.number().int(),
  subtasksOnTime: z.number().int(),
  onTimeRate: Rate,
  /** The same, for the final-delivery subtask only. */
  finalsDue: z.number().int(),
  finalsOnTime: z.number().int(),
  finalOnTimeRate: Rate,
  /** Non-cancelled tasks due in the range. */
  tasks: z.number().int(),
  avgRevisionRounds: z.number().nullable(),
  /** Tasks with at least one QA review, and those among them that never failed QA. */
  qaReviewed: z.number().int(),
  qaFirstPass: z.number().int(),
  qaFirstPassRate: Rate,
  escalations: z.number().int(),
  kudos: z.number().int(),
  feedback: z.number().int(),
  /** Accepted (QA-passed: client-ready or closed) tasks' items. */
  acceptedQuantity: z.number(),
  acceptedAmountMinor: Minor,
  costPerAcceptedMinor: z.number().int().nullable(),
});
export type ScorecardRow = z.infer<typeof ScorecardRow>;

export const ScorecardTrendPoint = z.object({
  month: z.string(),
  contractorId: z.string(),
  onTimeRate: Rate,
  qaFirstPassRate: Rate,
  avgRevisionRounds: z.number().nullable(),
  tasks: z.number().int(),
});

export const BargainingRow = z.object({
  contractorId: z.string(),
  name: z.string(),
  rateMinor: Minor.nullable(),
  currency: z.string().nullable(),
  rateSource: z.enum(['negotiated', 'default']).nullable(),
  qaFirstPassRate: Rate,
  onTimeRate: Rate,
  tasks: z.number().int(),
});

export const ScorecardReport = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(ScorecardRow),
  trend: z.array(ScorecardTrendPoint),
  bargaining: z.object({
    deliverableType: z.object({ id: z.string(), name: z.string(), unit: z.string() }).nullable(),
    asOf: z.string(),
    rows: z.array(BargainingRow),
  }),
});
export type ScorecardReport = z.infer<typeof ScorecardReport>;

export const ProcessHealthQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  clientId: Id.optional(),
  format: Format,
});

const Share = z.object({ count: z.number().int(), total: z.number().int(), rate: Rate });

export const ProcessHealthReport = z.object({
  from: z.string(),
  to: z.string(),
  requests: z.object({
    total: z.number().int(),
    lead14Plus: Share,
    lead7to13: Share,
    leadUnder7: Share,
    overrides: Share,
  }),
  revisions: z.object({ withNotice: Share, late: z.number().int() }),
  feedbackWithWhy: Share,
  requestToAssignment: z.object({
    count: z.number().int(),
    medianHours: z.number().nullable(),
    avgHours: z.number().nullable(),
  }),
  oneSheeters: z.object({
    complete: Share,
    incomplete: z.array(z.object({ clientId: z.string(), name: z.string(), missing: z.number() })),
  }),
  weeklyUpdates: z.array(
    z.object({
      weekStart: z.string(),
      missing: z.array(z.object({ contractorId: z.string(), name: z.string() })),
    }),
  ),
});
export type ProcessHealthReport = z.infer<typeof ProcessHealthReport>;

export const SPEND_GROUPS = ['client', 'contractor', 'type'] as const;
export const SpendQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  groupBy: z.enum(SPEND_GROUPS).default('client'),
  period: z.enum(['month', 'quarter']).default('month'),
  format: Format,
});

export const SpendRow = z.object({
  /** Client, contractor or deliverable type id; null = not attributable (e.g. a bonus line). */
  key: z.string().nullable(),
  label: z.string(),
  /** 'YYYY-MM' or 'YYYY-Qn'. */
  period: z.string(),
  /** Planned budget: only clients have one; null otherwise or when none is set. */
  budgetMinor: Minor.nullable(),
  committedMinor: Minor,
  actualMinor: Minor,
});
export type SpendRow = z.infer<typeof SpendRow>;

export const SpendReport = z.object({
  from: z.string(),
  to: z.string(),
  currency: z.string(),
  groupBy: z.enum(SPEND_GROUPS),
  period: z.enum(['month', 'quarter']),
  rows: z.array(SpendRow),
  totals: z.array(
    z.object({ period: z.string(), budgetMinor: Minor, committedMinor: Minor, actualMinor: Minor }),
  ),
});
export type SpendReport = z.infer<typeof SpendReport>;

export const WorkloadQuery = z.object({
  from: Day.optional(),
  weeks: z.coerce.number().int().min(1).max(12).default(6),
  format: Format,
});

export const WorkloadCell = z.object({
  weekStart: z.string(),
  /** Item quantity of the contractor's non-cancelled tasks due that week. */
  load: z.number(),
  /** Weekdays of the week marked unavailable (0–5). */
  unavailableDays: z.number().int(),
  /** weekly capacity × available weekdays / 5. */
  capacity: z.number(),
  over: z.boolean(),
});

export const WorkloadReport = z.object({
  weeks: z.array(z.string()),
  nextWeek: z.string(),
  contractors: z.array(
    z.object({
      contractorId: z.string(),
      name: z.string(),
      weeklyCapacity: z.number(),
      capacityUnit: z.string(),
      cells: z.array(WorkloadCell),
    }),
  ),
  overNextWeek: z.array(z.object({ contractorId: z.string(), name: z.string() })),
});
export type WorkloadReport = z.infer<typeof WorkloadReport>;
