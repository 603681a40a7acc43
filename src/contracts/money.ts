import { z } from 'zod';
import { INVOICE_ACTIONS, INVOICE_LINE_KINDS, INVOICE_STATUSES } from '../domain/invoice';
import { IsoDateSchema, MAX_AMOUNT_MINOR } from './rates';
import { MonthSchema } from './requests';

/** Budgets (R27), time logs (R28) and contractor invoices (R29): shapes shared by server and web. */

const Named = z.object({ id: z.string(), name: z.string() });
const Minor = z.number().int();

// ---------- budgets (R27) ----------

export const BUDGET_ALERTS = ['none', 'warn80', 'over100'] as const;
export const BudgetAlertSchema = z.enum(BUDGET_ALERTS);

export const BudgetListQuery = z.object({ month: MonthSchema });
export const BudgetParams = z.object({ clientId: z.string().min(1).max(64), month: MonthSchema });

export const BudgetRow = z.object({
  client: Named,
  /** null = no budget set for this client and month: assignments are not limited. */
  budget: z
    .object({ plannedMinor: Minor, emergencyMaxMinor: Minor, currency: z.string(), version: Minor })
    .nullable(),
  /** Assigned work at its rates plus approved billable extra rounds (non-cancelled tasks). */
  committedMinor: Minor,
  /** Approved and paid invoice lines for this client's work of the month. */
  actualMinor: Minor,
  /** Planned minus the larger of committed and actual; null without a budget. */
  remainingMinor: Minor.nullable(),
  alert: BudgetAlertSchema,
});
export type BudgetRow = z.infer<typeof BudgetRow>;

export const BudgetList = z.object({
  month: z.string(),
  currency: z.string(),
  items: z.array(BudgetRow),
  totals: z.object({ plannedMinor: Minor, committedMinor: Minor, actualMinor: Minor }),
  abilities: z.object({ edit: z.boolean() }),
});
export type BudgetList = z.infer<typeof BudgetList>;

export const PutBudgetBody = z
  .object({
    plannedMinor: z.number().int().min(0).max(MAX_AMOUNT_MINOR),
    emergencyMaxMinor: z.number().int().min(0).max(MAX_AMOUNT_MINOR),
    /** The version you read; 0 to create the month's first budget. */
    version: z.number().int().min(0),
  })
  .refine((b) => b.emergencyMaxMinor >= b.plannedMinor, {
    path: ['emergencyMaxMinor'],
    message: 'The emergency maximum must be at least the planned amount',
  });

export const BudgetCheckQuery = z.object({
  clientId: z.string().min(1).max(64),
  month: MonthSchema,
  amountMinor: z.coerce.number().int().min(0).max(MAX_AMOUNT_MINOR),
  currency: z.string().length(3).optional(),
});

export const BudgetCheck = z.object({
  status: z.enum(['no_budget', 'within', 'needs_approval', 'refused']),
  message: z.string(),
  committedMinor: Minor,
  afterMinor: Minor,
  plannedMinor: Minor.nullable(),
  emergencyMaxMinor: Minor.nullable(),
  currency: z.string(),
});
export type BudgetCheck = z.infer<typeof BudgetCheck>;

// ---------- time logs (R28) ----------

export const TIME_LOG_STATUSES = ['pending', 'approved', 'rejected'] as const;
export const TimeLogStatusSchema = z.enum(TIME_LOG_STATUSES);

export const CreateTimeLogBody = z.object({
  date: IsoDateSchema,
  hours: z
    .number()
    .min(0.25, 'At least a quarter of an hour')
    .max(24, 'At most 24 hours a day')
    .refine((h) => Number.isInteger(h * 4), { message: 'Use quarter hours (0.25, 0.5, 0.75…)' }),
  note: z.string().trim().max(1000).default(''),
  /** Which hourly deliverable of the task; optional when the task has only one. */
  taskItemId: z.string().min(1).max(64).optional(),
  subtaskId: z.string().min(1).max(64).optional(),
});

export const TimeLog = z.object({
  id: z.string(),
  task: z.object({ id: z.string(), title: z.string() }),
  item: z.object({ id: z.string(), name: z.string() }),
  contractor: Named,
  date: z.string(),
  minutes: Minor,
  hours: z.number(),
  note: z.string(),
  status: TimeLogStatusSchema,
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  rejectReason: z.string().nullable(),
  /** True while the time sits on a non-rejected invoice. */
  billed: z.boolean(),
  createdAt: z.string(),
  version: Minor,
  abilities: z.object({ review: z.boolean(), delete: z.boolean() }),
});
export type TimeLog = z.infer<typeof TimeLog>;

export const TaskTimeLogs = z.object({
  items: z.array(TimeLog),
  /** Minutes per status on this task. */
  totals: z.object({ pending: Minor, approved: Minor, rejected: Minor }),
  abilities: z.object({ log: z.boolean() }),
  /** The task's hourly deliverables a contractor can log against. */
  hourlyItems: z.array(z.object({ id: z.string(), name: z.string(), quantity: Minor })),
});
export type TaskTimeLogs = z.infer<typeof TaskTimeLogs>;

export const TimeWeekQuery = z.object({
  /** Any day of the week wanted (Monday to Sunday); defaults to this week. */
  week: IsoDateSchema.optional(),
  contractorId: z.string().min(1).max(64).optional(),
  status: TimeLogStatusSchema.optional(),
});

export const TimeWeek = z.object({
  weekStart: z.string(),
  weekEnd: z.string(),
  items: z.array(TimeLog),
  totals: z.array(
    z.object({
      contractor: Named,
      minutes: Minor,
      approvedMinutes: Minor,
      /** Weekly capacity in hours; null when the contractor's capacity is counted in items. */
      capacityHours: z.number().nullable(),
    }),
  ),
});
export type TimeWeek = z.infer<typeof TimeWeek>;

export const ReviewTimeLogBody = z.object({ version: Minor });
export const RejectTimeLogBody = z.object({
  version: Minor,
  reason: z.string().trim().min(5, 'Say why, in a few words').max(1000),
});

// ---------- invoices (R29) ----------

export const InvoiceStatusSchema = z.enum(INVOICE_STATUSES);
export const InvoiceLineKindSchema = z.enum(INVOICE_LINE_KINDS);
export const InvoiceActionSchema = z.enum(INVOICE_ACTIONS);
export const SOURCE_TYPES = ['task_item', 'time_log', 'revision_round'] as const;
export const SourceTypeSchema = z.enum(SOURCE_TYPES);

export const CreateInvoiceBody = z
  .object({ periodStart: IsoDateSchema, periodEnd: IsoDateSchema })
  .refine((b) => b.periodStart <= b.periodEnd, {
    path: ['periodEnd'],
    message: 'The period ends before it starts',
  });

export const InvoiceLine = z.object({
  id: z.string(),
  kind: InvoiceLineKindSchema,
  description: z.string(),
  quantity: z.number(),
  unitAmountMinor: Minor,
  amountMinor: Minor,
  sourceType: SourceTypeSchema.nullable(),
  sourceId: z.string().nullable(),
  task: z.object({ id: z.string(), title: z.string() }).nullable(),
  reason: z.string().nullable(),
  addedBy: z.string().nullable(),
  abilities: z.object({ remove: z.boolean() }),
});
export type InvoiceLine = z.infer<typeof InvoiceLine>;

export const InvoiceSummary = z.object({
  id: z.string(),
  number: Minor.nullable(),
  /** "LO-0007" once submitted, "Draft" before. */
  label: z.string(),
  contractor: Named,
  periodStart: z.string(),
  periodEnd: z.string(),
  currency: z.string(),
  status: InvoiceStatusSchema,
  subtotalMinor: Minor,
  totalMinor: Minor,
  lineCount: Minor,
  rejectReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  approvedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  paymentReference: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: Minor,
});
export type InvoiceSummary = z.infer<typeof InvoiceSummary>;

export const InvoiceEvent = z.object({
  action: z.string(),
  at: z.string(),
  by: z.string().nullable(),
  note: z.string().nullable(),
});

export const InvoiceDetail = InvoiceSummary.extend({
  contractor: Named.extend({ email: z.string(), paymentTerms: z.string() }),
  lines: z.array(InvoiceLine),
  byKind: z.record(InvoiceLineKindSchema, Minor),
  approvedBy: z.string().nullable(),
  timeline: z.array(InvoiceEvent),
  abilities: z.object({
    actions: z.array(InvoiceActionSchema),
    addAdjustment: z.boolean(),
    addWork: z.boolean(),
    refresh: z.boolean(),
    discard: z.boolean(),
  }),
});
export type InvoiceDetail = z.infer<typeof InvoiceDetail>;

export const InvoiceListQuery = z.object({
  status: InvoiceStatusSchema.optional(),
  contractorId: z.string().min(1).max(64).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const InvoiceList = z.object({
  items: z.array(InvoiceSummary),
  nextCursor: z.string().nullable(),
});
export type InvoiceList = z.infer<typeof InvoiceList>;

export const AddAdjustmentBody = z.object({
  kind: z.enum(['bonus', 'adjustment']),
  description: z.string().trim().min(2).max(300),
  /** A bonus is positive; an adjustment may be negative (a credit). */
  amountMinor: z
    .number()
    .int()
    .min(-MAX_AMOUNT_MINOR)
    .max(MAX_AMOUNT_MINOR)
    .refine((n) => n !== 0, { message: 'An amount other than zero' }),
  reason: z.string().trim().min(5, 'Say why, in a few words').max(1000),
  taskId: z.string().min(1).max(64).optional(),
  version: Minor,
});

/** The contractor puts one specific piece of his QA-passed work on his draft. */
export const AddWorkBody = z.object({
  sourceType: SourceTypeSchema,
  sourceId: z.string().min(1).max(64),
  version: Minor,
});

export const AddLineBody = z.union([AddAdjustmentBody, AddWorkBody]);

export const InvoiceActionBody = z.object({
  version: Minor,
  /** Required to reject. */
  reason: z.string().trim().max(1000).optional(),
  /** Required to mark paid: the bank or payout reference. */
  paymentReference: z.string().trim().max(200).optional(),
});

export const VersionQuery = z.object({ version: z.coerce.number().int() });
export const LineParams = z.object({
  id: z.string().min(1).max(64),
  lineId: z.string().min(1).max(64),
});

export const InvoiceExportQuery = z
  .object({ from: IsoDateSchema, to: IsoDateSchema })
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'The range ends before it starts' });

/** The contractor's QA-passed work not on any invoice yet: what a new draft can bill. */
export const UnbilledWork = z.object({
  currency: z.string(),
  items: z.array(
    z.object({
      sourceType: SourceTypeSchema,
      sourceId: z.string(),
      kind: InvoiceLineKindSchema,
      description: z.string(),
      amountMinor: Minor,
      date: z.string().nullable(),
      taskId: z.string(),
    }),
  ),
  totalMinor: Minor,
  firstDate: z.string().nullable(),
  lastDate: z.string().nullable(),
});
export type UnbilledWork = z.infer<typeof UnbilledWork>;
