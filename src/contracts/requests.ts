import { z } from 'zod';
import { ClientFit, Completeness, PersonRef } from './clients';
import { IsoDateSchema, RateUnitSchema } from './rates';

/** Request and response shapes of task requests, triage, suggestions and assignment (R10–R17). */

export const REQUEST_STATUSES = ['submitted', 'assigned', 'declined', 'cancelled'] as const;
export const RequestStatusSchema = z.enum(REQUEST_STATUSES);
export type RequestStatus = z.infer<typeof RequestStatusSchema>;

export const LeadStatusSchema = z.enum(['ok', 'warning', 'refused']);

export const MonthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Use YYYY-MM');

/** R11: at least 10 characters, so an override always says why. */
export const OverrideReasonSchema = z
  .string()
  .trim()
  .min(10, 'R11: write the reason for the override (at least 10 characters)')
  .max(1000);

export const RequestItemInput = z.object({
  deliverableTypeId: z.string().min(1).max(64),
  quantity: z.number().int().min(1, 'At least 1').max(1000),
});

export const RequestItemsInput = z
  .array(RequestItemInput)
  .min(1, 'Add at least one deliverable')
  .max(20, 'At most 20 deliverable lines');

/** R10: the task request form. `Idempotency-Key` header (or `idempotencyKey`) deduplicates. */
export const CreateRequestBody = z.object({
  clientId: z.string().min(1).max(64),
  items: RequestItemsInput,
  month: MonthSchema,
  dueDate: IsoDateSchema,
  collateralReady: z.boolean(),
  preferredContractorId: z.string().min(1).max(64).nullable().optional(),
  notes: z.string().trim().max(5000).optional(),
  /** R11: a coordinator's reason to accept a request with too little notice. */
  overrideReason: OverrideReasonSchema.optional(),
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
});
export type CreateRequestBody = z.infer<typeof CreateRequestBody>;

/** The submitter edits a request while it is still 'submitted'; send the version you read. */
export const UpdateRequestBody = z.object({
  version: z.number().int(),
  items: RequestItemsInput.optional(),
  month: MonthSchema.optional(),
  dueDate: IsoDateSchema.optional(),
  collateralReady: z.boolean().optional(),
  preferredContractorId: z.string().min(1).max(64).nullable().optional(),
  notes: z.string().trim().max(5000).optional(),
  overrideReason: OverrideReasonSchema.optional(),
});
export type UpdateRequestBody = z.infer<typeof UpdateRequestBody>;

export const VersionBody = z.object({ version: z.number().int() });
export const DeclineBody = z.object({
  reason: z.string().trim().min(3, 'Say why the request is declined').max(1000),
  version: z.number().int().optional(),
});

/** R11 verdict as stored with the request, plus the coordinator's override when there is one. */
export const LeadTime = z.object({
  status: LeadStatusSchema,
  days: z.number().int(),
  message: z.string(),
  override: z.object({ reason: z.string(), by: PersonRef, at: z.string() }).nullable(),
});

/** R4: the client's one-sheeter, attached to every request automatically. */
export const RequestOneSheeter = z.object({
  version: z.number().int(),
  complete: z.boolean(),
  missingSections: z.array(z.string()),
  completeness: Completeness,
  /** API path of the brief; the SPA links to the client's one-sheeter tab. */
  link: z.string(),
});

export const RequestItem = z.object({
  deliverableTypeId: z.string(),
  name: z.string(),
  unit: RateUnitSchema,
  isContentCalendar: z.boolean(),
  quantity: z.number().int(),
  /** At the department default rate in force today; null when the type has no default rate. */
  estimatedMinor: z.number().int().nullable(),
});

export const RequestDetail = z.object({
  id: z.string(),
  client: z.object({
    id: z.string(),
    name: z.string(),
    fit: ClientFit,
    /** R1: fit, or not fit but overridden on the client. */
    assignable: z.boolean(),
  }),
  month: z.string(),
  dueDate: z.string(),
  collateralReady: z.boolean(),
  preferredContractor: z.object({ id: z.string(), name: z.string() }).nullable(),
  notes: z.string(),
  status: RequestStatusSchema,
  lead: LeadTime,
  oneSheeter: RequestOneSheeter,
  items: z.array(RequestItem),
  estimatedMinor: z.number().int(),
  /** True when some type had no default rate, so estimatedMinor is a lower bound. */
  estimateIncomplete: z.boolean(),
  currency: z.string(),
  declineReason: z.string().nullable(),
  submittedBy: PersonRef,
  submittedAt: z.string(),
  assignedAt: z.string().nullable(),
  taskId: z.string().nullable(),
  version: z.number().int(),
  abilities: z.object({
    edit: z.boolean(),
    cancel: z.boolean(),
    decline: z.boolean(),
    assign: z.boolean(),
  }),
});
export type RequestDetail = z.infer<typeof RequestDetail>;

export const RequestListQuery = z.object({
  status: RequestStatusSchema.optional(),
  month: MonthSchema.optional(),
  clientId: z.string().min(1).max(64).optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A triage row: badges for lead time (R11), fit (R1/R2) and the one-sheeter (R4). */
export const RequestListItem = z.object({
  id: z.string(),
  client: z.object({ id: z.string(), name: z.string() }),
  month: z.string(),
  dueDate: z.string(),
  status: RequestStatusSchema,
  lead: z.object({
    status: LeadStatusSchema,
    days: z.number().int(),
    message: z.string(),
    overridden: z.boolean(),
  }),
  fit: z.object({
    status: ClientFit.shape.status,
    assignable: z.boolean(),
    cautions: z.array(z.string()),
  }),
  oneSheeter: z.object({ complete: z.boolean(), missingSections: z.array(z.string()) }),
  /** "12 × Static post, 1 × Content calendar" */
  itemsSummary: z.string(),
  itemCount: z.number().int(),
  preferredContractor: z.object({ id: z.string(), name: z.string() }).nullable(),
  submittedBy: PersonRef,
  submittedAt: z.string(),
  taskId: z.string().nullable(),
  version: z.number().int(),
});
export type RequestListItem = z.infer<typeof RequestListItem>;

export const RequestList = z.object({
  items: z.array(RequestListItem),
  nextCursor: z.string().nullable(),
});

export const RepeatQuery = z.object({ clientId: z.string().min(1).max(64) });

/** R12: what "repeat last month" pre-fills; the person still submits a new request. */
export const RepeatRequest = z.object({
  sourceRequestId: z.string(),
  sourceMonth: z.string(),
  clientId: z.string(),
  month: z.string(),
  dueDate: z.string(),
  items: z.array(
    z.object({ deliverableTypeId: z.string(), name: z.string(), quantity: z.number().int() }),
  ),
  notes: z.string(),
  collateralReady: z.boolean(),
  preferredContractorId: z.string().nullable(),
});

export const PlanQuery = z.object({ contractorId: z.string().min(1).max(64) });

export const PlannedSubtask = z.object({
  kind: z.enum(['brand_training', 'draft', 'scrub', 'revision', 'final', 'qa']),
  title: z.string(),
  startDate: z.string(),
  dueDate: z.string(),
  assignee: z.enum(['contractor', 'strategist', 'qa']),
});

/** R14: the planner's result for one contractor. */
export const PlanPreview = z.object({
  contractorId: z.string(),
  today: z.string(),
  dueDate: z.string(),
  productionDays: z.number().int(),
  firstPairing: z.boolean(),
  feasible: z.boolean(),
  subtasks: z.array(PlannedSubtask),
  warnings: z.array(z.string()),
  /** Why it does not fit (null when feasible). */
  reason: z.string().nullable(),
  earliestFeasibleDueDate: z.string().nullable(),
});
export type PlanPreview = z.infer<typeof PlanPreview>;

export const Suggestion = z.object({
  rank: z.number().int(),
  score: z.number(),
  contractor: z.object({
    id: z.string(),
    name: z.string(),
    status: z.enum(['active', 'trial']),
    timeZone: z.string(),
  }),
  /** Plain-English reasons, strongest first ("Covers all 3 deliverable types"). */
  reasons: z.array(z.string()),
  skills: z.enum(['all', 'some', 'none']),
  coveredTypes: z.number().int(),
  requestedTypes: z.number().int(),
  freeInWindow: z.boolean(),
  awayInWindow: z.array(z.object({ start: z.string(), end: z.string() })),
  capacity: z.object({
    weekStart: z.string(),
    weekly: z.number(),
    left: z.number(),
    unit: z.enum(['hours', 'items']),
  }),
  /** Price of the whole request at this contractor's rates in force today; null if a rate is missing. */
  rateMinor: z.number().int().nullable(),
  currency: z.string(),
  qaFirstPassRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
  workedWithClient: z.boolean(),
  preferred: z.boolean(),
  trial: z.boolean(),
  plan: z.object({
    feasible: z.boolean(),
    earliestFeasibleDueDate: z.string().nullable(),
    reason: z.string().nullable(),
    warnings: z.array(z.string()),
  }),
});
export type Suggestion = z.infer<typeof Suggestion>;

export const SuggestionList = z.object({
  requestId: z.string(),
  window: z.object({ start: z.string(), end: z.string() }),
  items: z.array(Suggestion),
});

/** R13: a coordinator assigns a contractor and a strategist; send the request version you read. */
export const AssignBody = z.object({
  contractorId: z.string().min(1).max(64),
  strategistUserId: z.string().min(1).max(64),
  version: z.number().int(),
  /** R27: why going over the client's planned budget is approved (finance, coordinator, admin). */
  budgetApprovalReason: z.string().trim().min(10, 'At least 10 characters').max(1000).optional(),
});

export const AssignResult = z.object({
  requestId: z.string(),
  taskId: z.string(),
  subtasks: z.array(PlannedSubtask),
  warnings: z.array(z.string()),
  committedMinor: z.number().int(),
  currency: z.string(),
});
