import { z } from 'zod';
import { PersonRef } from './clients';
import { IsoDateSchema } from './rates';
import { TaskComment, TaskStatusSchema } from './tasks';

/**
 * The work between assigned and client-ready, on the parent task (R18–R23): the thread, deliverable
 * versions and attachments, revision requests and rounds, the scrub and QA reviews, the history.
 */

// ── The thread (R18, R19) ───────────────────────────────────────────────────────────────────

export const COMMENT_MAX = 10_000;

export const CreateCommentBody = z.object({
  body: z.string().trim().min(1, 'Write something first').max(COMMENT_MAX),
  /** Internal comments are hidden from the contractor (R19). */
  visibility: z.enum(['all', 'internal']).default('all'),
  /** Client feedback is always stored internal; the strategist relays a scrubbed version. */
  kind: z.enum(['comment', 'client_feedback']).default('comment'),
  /** The task version the writer saw; checked when sent (comments do not bump it). */
  version: z.number().int().optional(),
});
export type CreateCommentBody = z.infer<typeof CreateCommentBody>;

export const Mention = z.object({ userId: z.string(), name: z.string() });

export const ThreadComment = TaskComment.extend({ mentions: z.array(Mention) });
export type ThreadComment = z.infer<typeof ThreadComment>;

export const CommentListQuery = z.object({
  /** Keyset cursor of the oldest comment already shown: returns the ones before it. */
  before: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const CommentPage = z.object({
  /** Oldest first within the page; the page is the latest `limit` before the cursor. */
  items: z.array(ThreadComment),
  /** Pass as `before` to load older comments; null when there are none. */
  olderCursor: z.string().nullable(),
});
export type CommentPage = z.infer<typeof CommentPage>;

export const MentionablePeople = z.object({
  items: z.array(Mention.extend({ role: z.string() })),
});
export type MentionablePeople = z.infer<typeof MentionablePeople>;

// ── Task status changes and concurrency ─────────────────────────────────────────────────────

/** What a workflow command did to the parent task: its new status and version. */
export const TaskStatusChange = z.object({
  taskId: z.string(),
  status: TaskStatusSchema,
  statusLabel: z.string(),
  version: z.number().int(),
});
export type TaskStatusChange = z.infer<typeof TaskStatusChange>;

export const TransitionBody = z.object({
  action: z.enum(['close', 'cancel', 'reopen']),
  version: z.number().int(),
  reason: z.string().trim().max(1000).optional(),
});

// ── Deliverable versions and attachments (R23 input) ────────────────────────────────────────

export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;
export const ATTACHMENTS_PER_VERSION = 3;
/** Extensions a person may upload; the content decides the type (magic bytes), not the name. */
export const ATTACHMENT_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'pdf', 'mp4', 'txt'];

const isHttpUrl = (value: string) => {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
};

export const LinkSchema = z
  .string()
  .trim()
  .max(2000)
  .refine(isHttpUrl, { message: 'Use a full http:// or https:// link' });

export const UploadAttachmentBody = z.object({
  filename: z.string().trim().min(1, 'Name the file').max(200),
  /** The file, base64-encoded (≤ 5 MB decoded; larger is a 413, as is a body over 8 MB). */
  dataBase64: z.string().min(1, 'The file is empty'),
});

export const AttachmentMeta = z.object({
  id: z.string(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export type AttachmentMeta = z.infer<typeof AttachmentMeta>;

export const SubmitVersionBody = z
  .object({
    note: z.string().trim().max(5000).default(''),
    links: z.array(LinkSchema).max(10, 'Up to 10 links').default([]),
    attachmentIds: z
      .array(z.string().min(1).max(64))
      .max(ATTACHMENTS_PER_VERSION, `Up to ${ATTACHMENTS_PER_VERSION} files per version`)
      .default([]),
    version: z.number().int(),
  })
  .refine((b) => b.links.length + b.attachmentIds.length > 0, {
    message: 'Add a link (Drive, Dropbox, Canva…) or a file',
    path: ['links'],
  });
export type SubmitVersionBody = z.input<typeof SubmitVersionBody>;

export const DeliverableLink = z.object({ url: z.string(), label: z.string() });

export const DeliverableVersion = z.object({
  id: z.string(),
  number: z.number().int(),
  note: z.string(),
  links: z.array(DeliverableLink),
  attachments: z.array(AttachmentMeta),
  submittedBy: PersonRef,
  submittedAt: z.string(),
});
export type DeliverableVersion = z.infer<typeof DeliverableVersion>;

export const DeliverableList = z.object({
  /** Newest first. */
  items: z.array(DeliverableVersion),
});
export type DeliverableList = z.infer<typeof DeliverableList>;

export const SubmitVersionResult = z.object({
  deliverable: DeliverableVersion,
  task: TaskStatusChange,
});

// ── Revisions (R20–R22) ─────────────────────────────────────────────────────────────────────

/** Server input: a missing `why` reaches the service, which refuses it with rule R20. */
export const RevisionItemInput = z.object({
  what: z.string().trim().min(1, 'Say what to change').max(2000),
  why: z.string().trim().max(2000).optional(),
  clientFeedbackRaw: z.string().trim().max(10_000).optional(),
  scrubbedText: z.string().trim().max(10_000).optional(),
});

/** The same item as the form checks it, with the field message people see (R20). */
export const RevisionItemForm = RevisionItemInput.extend({
  why: z.string().trim().min(1, 'R20: say why — feedback without the why is refused').max(2000),
});

export const RevisionRequestBody = z.object({
  items: z.array(RevisionItemInput).min(1, 'Add at least one item').max(30, 'Up to 30 items'),
  /** R21: a simple copy/caption tweak the strategist makes themself (no round). */
  strategistTweak: z.boolean().default(false),
  /** R22: the new final due date when the request comes too late. */
  moveDueDateTo: IsoDateSchema.optional(),
  /** R22: a coordinator's (or admin's) override of the notice rule. */
  overrideReason: z.string().trim().min(10, 'At least 10 characters').max(1000).optional(),
  version: z.number().int(),
});
export type RevisionRequestBody = z.input<typeof RevisionRequestBody>;

export const RevisionItem = z.object({
  id: z.string(),
  what: z.string(),
  why: z.string(),
  scrubbedText: z.string().nullable(),
  /** Staff only (R5, R19): absent for a contractor. */
  clientFeedbackRaw: z.string().nullable().optional(),
});

export const ROUND_DECISIONS = ['approved_billable', 'escalated', 'rejected'] as const;
export const ApprovalStatusSchema = z.enum([
  'not_needed',
  'pending',
  'approved_billable',
  'escalated',
  'rejected',
]);

export const RevisionRequestView = z.object({
  id: z.string(),
  status: z.enum(['tweak', 'pending_approval', 'active', 'rejected']),
  strategistTweak: z.boolean(),
  counts: z.boolean(),
  roundNumber: z.number().int().nullable(),
  deliverableVersion: z.number().int().nullable(),
  affectedDueDate: z.string(),
  noticeBusinessDays: z.number().int(),
  late: z.boolean(),
  movedDueDateTo: z.string().nullable(),
  /** Staff only. */
  overrideReason: z.string().nullable().optional(),
  createdBy: PersonRef,
  createdAt: z.string(),
  items: z.array(RevisionItem),
});
export type RevisionRequestView = z.infer<typeof RevisionRequestView>;

export const RevisionRoundView = z.object({
  id: z.string(),
  number: z.number().int(),
  source: z.enum(['revision_request', 'qa_fail']),
  needsApproval: z.boolean(),
  approvalStatus: ApprovalStatusSchema,
  billable: z.boolean(),
  /** Staff only: null for a contractor. */
  amountMinor: z.number().int().nullable(),
  currency: z.string(),
  decidedBy: PersonRef.nullable(),
  decidedAt: z.string().nullable(),
  /** Staff only: null for a contractor. */
  reason: z.string().nullable(),
  createdAt: z.string(),
  abilities: z.object({ decide: z.boolean() }),
});
export type RevisionRoundView = z.infer<typeof RevisionRoundView>;

export const RevisionsView = z.object({
  includedRounds: z.number().int(),
  roundsUsed: z.number().int(),
  /** Newest first. */
  requests: z.array(RevisionRequestView),
  rounds: z.array(RevisionRoundView),
});
export type RevisionsView = z.infer<typeof RevisionsView>;

export const RevisionRequestResult = z.object({
  request: RevisionRequestView,
  round: RevisionRoundView.nullable(),
  task: TaskStatusChange,
  /** The R21 verdict in words ("Round 2 exceeds the 1 round included…"). */
  message: z.string(),
});

export const RoundDecisionBody = z.object({
  decision: z.enum(ROUND_DECISIONS),
  reason: z.string().trim().min(3, 'Give a reason').max(1000),
});

export const RoundDecisionResult = z.object({
  round: RevisionRoundView,
  task: TaskStatusChange,
});

// ── Scrub and QA (R23) ──────────────────────────────────────────────────────────────────────

const ChecklistItemText = z.string().trim().min(1, 'Required').max(300);

export const ScrubBody = z.object({
  checklist: z
    .array(z.object({ item: ChecklistItemText, ok: z.boolean() }))
    .min(1)
    .max(50),
  note: z.string().trim().max(5000).default(''),
  version: z.number().int(),
});
export type ScrubBody = z.input<typeof ScrubBody>;

export const QaBody = z.object({
  result: z.enum(['pass', 'fail']),
  checklist: z
    .array(
      z.object({ item: ChecklistItemText, ok: z.boolean(), note: z.string().trim().max(1000) }),
    )
    .max(100),
  /** Required (≥ 10 characters) to fail. */
  reasons: z.string().trim().max(5000).optional(),
  version: z.number().int(),
});
export type QaBody = z.input<typeof QaBody>;

export const ReviewView = z.object({
  id: z.string(),
  kind: z.enum(['scrub', 'qa']),
  result: z.enum(['pass', 'fail']),
  checklist: z.array(z.object({ item: z.string(), ok: z.boolean(), note: z.string() })),
  reasons: z.string().nullable(),
  /** The strategist's scrub note: staff only, null for a contractor. */
  note: z.string().nullable(),
  deliverableVersion: z.number().int().nullable(),
  reviewer: PersonRef,
  createdAt: z.string(),
});
export type ReviewView = z.infer<typeof ReviewView>;

export const ReviewsView = z.object({
  /** Newest first. */
  reviews: z.array(ReviewView),
  /** The workspace's strategist scrub checklist. */
  scrubChecklist: z.array(z.string()),
  /** QA items: the union over the task's deliverable types, each with the types that ask it. */
  qaChecklist: z.array(z.object({ item: z.string(), types: z.array(z.string()) })),
});
export type ReviewsView = z.infer<typeof ReviewsView>;

export const ReviewResult = z.object({
  review: ReviewView,
  task: TaskStatusChange,
  round: RevisionRoundView.nullable(),
});

export const DEFAULT_SCRUB_CHECKLIST = [
  'On-brief per the one-sheeter',
  'Copy proofread',
  'Visuals match the brand identity',
  'Links and assets complete',
];

export const ScrubChecklist = z.object({
  items: z.array(z.string()),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type ScrubChecklist = z.infer<typeof ScrubChecklist>;

export const UpdateScrubChecklistBody = z.object({
  items: z
    .array(z.string().trim().min(1, 'An item needs words').max(200))
    .min(1, 'Keep at least one item')
    .max(30),
  version: z.number().int(),
});

// ── History (R30) ───────────────────────────────────────────────────────────────────────────

export const HistoryEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: PersonRef.nullable(),
  entityType: z.string(),
  action: z.string(),
  /** The change in plain English ("Jonathan Reisch requested revision round 1 (3 items)"). */
  summary: z.string(),
  changes: z.array(z.object({ label: z.string(), from: z.string(), to: z.string() })),
});
export type HistoryEntry = z.infer<typeof HistoryEntry>;

export const HistoryQuery = z.object({
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const HistoryPage = z.object({
  /** Newest first. */
  items: z.array(HistoryEntry),
  nextCursor: z.number().int().nullable(),
});
export type HistoryPage = z.infer<typeof HistoryPage>;
