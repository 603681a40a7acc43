import { z } from 'zod';
import { isIsoDate } from '../domain/calendar';
import { isMonday } from '../domain/weekly-updates';
import { IsoDateSchema } from './rates';

/**
 * Escalations (R24), weekly updates and recognition (R25), announcements (R26): request and
 * response shapes shared by server and web.
 */

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const Id = z.string().min(1).max(64);
const Person = z.object({ id: z.string(), name: z.string() });

// ---------- Escalations (R24) ----------

export const ESCALATION_CATEGORIES = [
  'missed_deadline',
  'quality',
  'communication',
  'scope',
  'payment',
  'other',
] as const;
export const ESCALATION_SEVERITIES = ['low', 'medium', 'high'] as const;
export const ESCALATION_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
export type EscalationCategory = (typeof ESCALATION_CATEGORIES)[number];
export type EscalationSeverity = (typeof ESCALATION_SEVERITIES)[number];
export type EscalationStatus = (typeof ESCALATION_STATUSES)[number];

export const CATEGORY_LABELS: Record<EscalationCategory, string> = {
  missed_deadline: 'Missed deadline',
  quality: 'Quality',
  communication: 'Communication',
  scope: 'Scope',
  payment: 'Payment',
  other: 'Other',
};
export const SEVERITY_LABELS: Record<EscalationSeverity, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
};

/** Resolution notes say what was done: a word or two is not a resolution (R24). */
export const MIN_RESOLUTION_NOTES = 10;
export const MIN_ESCALATION_DESCRIPTION = 10;

export const CreateEscalationBody = z.object({
  /** The parent task it is about; the contractor is then the task's. */
  taskId: Id.nullish(),
  /** The contractor it is about; a contractor escalating leaves it out (it is him). */
  contractorId: Id.nullish(),
  category: z.enum(ESCALATION_CATEGORIES),
  severity: z.enum(ESCALATION_SEVERITIES).default('medium'),
  description: text(4000).min(
    MIN_ESCALATION_DESCRIPTION,
    `Say what happened (at least ${MIN_ESCALATION_DESCRIPTION} characters)`,
  ),
});
export type CreateEscalationBody = z.input<typeof CreateEscalationBody>;

export const EscalationListQuery = z.object({
  /** 'unresolved' = open or acknowledged. */
  status: z.enum([...ESCALATION_STATUSES, 'unresolved']).optional(),
  contractorId: Id.optional(),
  taskId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(200).optional(),
});

export const Escalation = z.object({
  id: z.string(),
  task: z.object({ id: z.string(), title: z.string() }).nullable(),
  contractor: Person.nullable(),
  category: z.enum(ESCALATION_CATEGORIES),
  severity: z.enum(ESCALATION_SEVERITIES),
  description: z.string(),
  status: z.enum(ESCALATION_STATUSES),
  openedBy: Person,
  openedAt: z.string(),
  acknowledgedBy: Person.nullable(),
  acknowledgedAt: z.string().nullable(),
  resolvedBy: Person.nullable(),
  resolvedAt: z.string().nullable(),
  resolutionNotes: z.string().nullable(),
  version: z.number().int(),
  abilities: z.object({ acknowledge: z.boolean(), resolve: z.boolean() }),
});
export type Escalation = z.infer<typeof Escalation>;

export const EscalationList = z.object({
  items: z.array(Escalation),
  nextCursor: z.string().nullable(),
});

export const AcknowledgeEscalationBody = z.object({ version: z.number().int().min(1) });
export const ResolveEscalationBody = z.object({
  version: z.number().int().min(1),
  notes: text(4000).min(
    MIN_RESOLUTION_NOTES,
    `Write what was done (at least ${MIN_RESOLUTION_NOTES} characters)`,
  ),
});

/** Who an escalation reaches at once: a chosen person, or (none chosen) every admin. */
export const ProcessOwner = z.object({
  user: Person.nullable(),
  /** The people notified now, by name. */
  notified: z.array(Person),
});
export type ProcessOwner = z.infer<typeof ProcessOwner>;
export const SetProcessOwnerBody = z.object({ userId: Id.nullable() });

// ---------- Weekly updates (R25) ----------

// zod runs every check even after one failed: test the date is real before its weekday.
const MondaySchema = IsoDateSchema.refine((d) => isIsoDate(d) && isMonday(d), {
  message: 'A week starts on a Monday',
});

export const WeeklyUpdateBody = z.object({
  /** The Monday of the week reported on; this week when left out. Last week is still allowed. */
  weekStart: MondaySchema.optional(),
  progress: text(4000).min(1, 'Say what moved forward this week'),
  blockers: text(4000).default(''),
  availabilityChanges: text(4000).default(''),
});
export type WeeklyUpdateBody = z.input<typeof WeeklyUpdateBody>;

export const WeeklyUpdate = z.object({
  id: z.string(),
  contractor: Person,
  weekStart: z.string(),
  progress: z.string(),
  blockers: z.string(),
  availabilityChanges: z.string(),
  submittedAt: z.string(),
  /** Submitted after the week was over (from its next Monday). */
  late: z.boolean(),
});
export type WeeklyUpdate = z.infer<typeof WeeklyUpdate>;

export const WeekQuery = z.object({ week: MondaySchema.optional() });

export const WeeklyUpdatesForWeek = z.object({
  week: z.string(),
  today: z.string(),
  /** The week is over: missing updates are flagged. */
  over: z.boolean(),
  submitted: z.array(WeeklyUpdate),
  /** Contractors who owed an update for this week and have none (R25). */
  missing: z.array(Person),
  /** While the week runs: active contractors who have not posted yet (not flagged). */
  pending: z.array(Person),
});
export type WeeklyUpdatesForWeek = z.infer<typeof WeeklyUpdatesForWeek>;

export const MyWeeklyUpdates = z.object({
  today: z.string(),
  currentWeek: z.string(),
  lastWeek: z.string(),
  /** Last week's update is owed and missing. */
  lastWeekMissing: z.boolean(),
  items: z.array(WeeklyUpdate),
});
export type MyWeeklyUpdates = z.infer<typeof MyWeeklyUpdates>;

// ---------- Recognition (R25) ----------

export const RECOGNITION_KINDS = ['kudos', 'feedback'] as const;
export type RecognitionKind = (typeof RECOGNITION_KINDS)[number];

export const CreateRecognitionBody = z.object({
  kind: z.enum(RECOGNITION_KINDS),
  body: text(2000).min(3, 'Say what stood out'),
  taskId: Id.nullish(),
});
export type CreateRecognitionBody = z.input<typeof CreateRecognitionBody>;

export const Recognition = z.object({
  id: z.string(),
  contractorId: z.string(),
  task: z.object({ id: z.string(), title: z.string() }).nullable(),
  kind: z.enum(RECOGNITION_KINDS),
  body: z.string(),
  author: Person.nullable(),
  createdAt: z.string(),
});
export type Recognition = z.infer<typeof Recognition>;
export const ContractorIdParam = z.object({ id: Id });

// ---------- Announcements (R26) ----------

export const ANNOUNCEMENT_AUDIENCES = ['everyone', 'staff'] as const;
export type AnnouncementAudience = (typeof ANNOUNCEMENT_AUDIENCES)[number];

export const CreateAnnouncementBody = z.object({
  title: text(160).min(1, 'Give it a title'),
  body: text(8000).min(1, 'Write the announcement'),
  audience: z.enum(ANNOUNCEMENT_AUDIENCES).default('everyone'),
  pinned: z.boolean().default(false),
});
export type CreateAnnouncementBody = z.input<typeof CreateAnnouncementBody>;

export const UpdateAnnouncementBody = z.object({
  version: z.number().int().min(1),
  title: text(160).min(1, 'Give it a title').optional(),
  body: text(8000).min(1, 'Write the announcement').optional(),
  audience: z.enum(ANNOUNCEMENT_AUDIENCES).optional(),
  pinned: z.boolean().optional(),
});

export const Announcement = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  audience: z.enum(ANNOUNCEMENT_AUDIENCES),
  pinned: z.boolean(),
  author: Person.nullable(),
  publishedAt: z.string(),
  updatedAt: z.string(),
  read: z.boolean(),
  version: z.number().int(),
  abilities: z.object({ edit: z.boolean() }),
});
export type Announcement = z.infer<typeof Announcement>;

export const AnnouncementListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});
export const AnnouncementList = z.object({
  items: z.array(Announcement),
  unreadCount: z.number().int(),
  nextCursor: z.string().nullable(),
});
export type AnnouncementList = z.infer<typeof AnnouncementList>;
