import { z } from 'zod';
import { TASK_ACTIONS, TASK_STATUSES } from '../domain/task-status';
import { PersonRef } from './clients';
import { IsoDateSchema, RateUnitSchema } from './rates';
import { MonthSchema } from './requests';

/** Response shapes of parent tasks, subtasks, the board, the calendar and "my work" (R14–R17). */

export const TaskStatusSchema = z.enum(TASK_STATUSES);
export const TaskActionSchema = z.enum(TASK_ACTIONS);
export const SubtaskKindSchema = z.enum([
  'brand_training',
  'draft',
  'scrub',
  'revision',
  'final',
  'qa',
]);
export const AssigneeRoleSchema = z.enum(['contractor', 'strategist', 'qa']);

const Named = z.object({ id: z.string(), name: z.string() });

export const NextSubtask = z.object({
  id: z.string(),
  kind: SubtaskKindSchema,
  title: z.string(),
  dueDate: z.string(),
});

export const TaskListItem = z.object({
  id: z.string(),
  title: z.string(),
  client: Named,
  contractor: Named,
  strategist: PersonRef,
  status: TaskStatusSchema,
  statusLabel: z.string(),
  dueDate: z.string(),
  month: z.string(),
  briefAcknowledged: z.boolean(),
  /** The earliest open subtask, or null when all are done. */
  nextSubtask: NextSubtask.nullable(),
});
export type TaskListItem = z.infer<typeof TaskListItem>;

/** Comma-separated statuses, e.g. `status=qa,revision`. */
const StatusList = z
  .string()
  .max(200)
  .transform((s) => s.split(',').filter(Boolean))
  .pipe(z.array(TaskStatusSchema).max(TASK_STATUSES.length));

export const TaskListQuery = z.object({
  status: StatusList.optional(),
  clientId: z.string().min(1).max(64).optional(),
  contractorId: z.string().min(1).max(64).optional(),
  strategistUserId: z.string().min(1).max(64).optional(),
  month: MonthSchema.optional(),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const TaskList = z.object({
  items: z.array(TaskListItem),
  nextCursor: z.string().nullable(),
});

export const Subtask = z.object({
  id: z.string(),
  taskId: z.string(),
  kind: SubtaskKindSchema,
  title: z.string(),
  assigneeRole: AssigneeRoleSchema,
  /** null: the QA pool, or a contractor who has not signed in yet. */
  assignee: PersonRef.nullable(),
  startDate: z.string(),
  dueDate: z.string(),
  status: z.enum(['todo', 'done']),
  completedAt: z.string().nullable(),
  completedBy: PersonRef.nullable(),
  abilities: z.object({ complete: z.boolean(), reopen: z.boolean() }),
  /** Why `complete` is false when the person is the assignee (e.g. "Acknowledge the brief first"). */
  blockedReason: z.string().nullable(),
});
export type Subtask = z.infer<typeof Subtask>;

export const TaskItem = z.object({
  id: z.string(),
  deliverableTypeId: z.string(),
  name: z.string(),
  quantity: z.number().int(),
  unit: RateUnitSchema,
  unitAmountMinor: z.number().int(),
  currency: z.string(),
  rateSource: z.enum(['negotiated', 'default']),
  rateEffectiveFrom: z.string(),
  amountMinor: z.number().int(),
});

export const TaskComment = z.object({
  id: z.string(),
  author: PersonRef.nullable(),
  body: z.string(),
  visibility: z.enum(['all', 'internal']),
  kind: z.enum(['comment', 'system', 'client_feedback']),
  createdAt: z.string(),
});
export type TaskComment = z.infer<typeof TaskComment>;

/** How many of the latest comments the task page carries; older ones page in by the thread. */
export const TASK_PAGE_COMMENTS = 50;

export const TaskDetail = z.object({
  id: z.string(),
  title: z.string(),
  requestId: z.string(),
  client: Named,
  contractor: Named.extend({ timeZone: z.string() }),
  strategist: PersonRef,
  status: TaskStatusSchema,
  statusLabel: z.string(),
  dueDate: z.string(),
  month: z.string(),
  briefAcknowledgedAt: z.string().nullable(),
  briefVersion: z.number().int().nullable(),
  /** The client's current one-sheeter version (the brief to acknowledge, R17). */
  oneSheeterVersion: z.number().int(),
  includedRounds: z.number().int(),
  roundsUsed: z.number().int(),
  currency: z.string(),
  /** Sum of the items at the rates in force on assignment (R7); null for a contractor. */
  committedMinor: z.number().int().nullable(),
  items: z.array(TaskItem),
  subtasks: z.array(Subtask),
  /** The latest 50 comments the viewer may read (R19), oldest first. */
  comments: z.array(TaskComment),
  /** Pass as `before` to GET /api/tasks/:id/comments for older ones; null when there are none. */
  olderCommentsCursor: z.string().nullable(),
  /** Times QA failed this task (R23). */
  qaFailCount: z.number().int(),
  /** The final-version subtask's due date: the date a revision request affects (R22). */
  finalDueDate: z.string().nullable(),
  /** Deliverable versions submitted so far. */
  versionCount: z.number().int(),
  /** A revision round waiting for a coordinator's decision (R21), if any. */
  pendingRound: z.object({ id: z.string(), number: z.number().int() }).nullable(),
  abilities: z.object({
    acknowledgeBrief: z.boolean(),
    /**
     * Workflow actions the viewer may take NOW: the role's actions from this status
     * (domain/task-status.ts) narrowed by the row checks (the assigned contractor, the task's
     * strategist) and by a round waiting for approval.
     */
    actions: z.array(TaskActionSchema),
    /** Post in the thread; `commentInternal`: internal comments and client feedback (staff). */
    comment: z.boolean(),
    commentInternal: z.boolean(),
    /** Decide on a revision round waiting for approval (coordinator, admin). */
    decideRound: z.boolean(),
    /** R22: override the revision notice rule with a reason (coordinator, admin). */
    overrideNotice: z.boolean(),
  }),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type TaskDetail = z.infer<typeof TaskDetail>;

export const CalendarQuery = z.object({ from: IsoDateSchema, to: IsoDateSchema });

export const CalendarSubtask = z.object({
  id: z.string(),
  taskId: z.string(),
  taskTitle: z.string(),
  client: Named,
  contractor: Named,
  kind: SubtaskKindSchema,
  title: z.string(),
  assigneeRole: AssigneeRoleSchema,
  startDate: z.string(),
  dueDate: z.string(),
  status: z.enum(['todo', 'done']),
});
export type CalendarSubtask = z.infer<typeof CalendarSubtask>;

export const CalendarUnavailability = z.object({
  id: z.string(),
  contractor: Named,
  start: z.string(),
  end: z.string(),
  kind: z.string(),
});

export const CalendarResponse = z.object({
  from: z.string(),
  to: z.string(),
  workspaceTimeZone: z.string(),
  viewerTimeZone: z.string(),
  subtasks: z.array(CalendarSubtask),
  unavailability: z.array(CalendarUnavailability),
});

/** An open subtask in someone's list, with its parent task for context. */
export const WorkSubtask = CalendarSubtask.extend({ overdue: z.boolean() });

export const WorkTask = z.object({
  id: z.string(),
  title: z.string(),
  client: Named,
  contractor: Named,
  status: TaskStatusSchema,
  statusLabel: z.string(),
  dueDate: z.string(),
});

export const TriageRequest = z.object({
  id: z.string(),
  client: Named,
  dueDate: z.string(),
  leadStatus: z.enum(['ok', 'warning', 'refused']),
  submittedAt: z.string(),
});

export const MyWork = z.object({
  role: z.string(),
  today: z.string(),
  /** Due dates are calendar days in this zone. */
  workspaceTimeZone: z.string(),
  /** The viewer's own zone (a contractor's profile zone), for showing times. */
  viewerTimeZone: z.string(),
  /** The viewer's open subtasks, earliest due first. */
  subtasks: z.array(WorkSubtask),
  /** Contractor: tasks whose brief he still has to acknowledge (R17). */
  awaitingBrief: z.array(WorkTask),
  /**
   * Strategist: tasks in internal review or revision; QA: tasks in QA; coordinator/admin: tasks
   * whose extra revision round waits for a decision (R21).
   */
  tasksNeedingAction: z.array(WorkTask),
  /** Coordinator/admin: the triage queue (requests waiting). */
  triage: z.object({ count: z.number().int(), requests: z.array(TriageRequest) }).nullable(),
  /** Coordinator/admin: open subtasks past their due date, across the workspace. */
  overdueSubtasks: z.array(WorkSubtask),
});
export type MyWork = z.infer<typeof MyWork>;

export const AcknowledgeBriefResult = z.object({
  taskId: z.string(),
  status: TaskStatusSchema,
  briefAcknowledgedAt: z.string(),
  briefVersion: z.number().int(),
});
