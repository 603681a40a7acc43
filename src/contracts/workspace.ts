import { z } from 'zod';
import { ROLES, SECTIONS } from './roles';

export const RoleSchema = z.enum(ROLES);

const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'Unknown time zone' },
);
export const TimeZoneSchema = timeZone;

export const EmailSchema = z.string().trim().toLowerCase().email().max(254);
export const PasswordSchema = z.string().min(8, 'At least 8 characters').max(128);
export const PersonNameSchema = z.string().trim().min(1, 'Required').max(120);

export const SetupBody = z.object({
  workspaceName: z.string().trim().min(1, 'Required').max(120),
  name: PersonNameSchema,
  email: EmailSchema,
  password: PasswordSchema,
  timeZone: timeZone.default('UTC'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'Three-letter currency code')
    .default('USD'),
});
export type SetupBody = z.infer<typeof SetupBody>;

export const SetupStatus = z.object({ needsSetup: z.boolean() });

export const WorkspaceSummary = z.object({ id: z.string(), name: z.string(), role: RoleSchema });

export const MeResponse = z.object({
  user: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  workspaces: z.array(WorkspaceSummary),
  current: z
    .object({
      workspaceId: z.string(),
      workspaceName: z.string(),
      role: RoleSchema,
      timeZone: z.string(),
      workspaceTimeZone: z.string(),
      currency: z.string(),
      sections: z.array(z.enum(SECTIONS)),
    })
    .nullable(),
});
export type MeResponse = z.infer<typeof MeResponse>;

export const PlanPolicySchema = z.object({
  scrubDays: z.number().int().min(0).max(20),
  revisionWindowDays: z.number().int().min(3, 'R15: at least 3 business days').max(30),
  qaDays: z.number().int().min(0).max(20),
  qaFailCountsAsRound: z.boolean(),
  extraRoundRateMinor: z.number().int().min(0).max(100_000_000),
});
export type PlanPolicy = z.infer<typeof PlanPolicySchema>;

export const DEFAULT_POLICY: PlanPolicy = {
  scrubDays: 1,
  revisionWindowDays: 3,
  qaDays: 1,
  qaFailCountsAsRound: false,
  extraRoundRateMinor: 5000,
};

export const WorkspaceSettings = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  weekendDays: z.array(z.number().int().min(0).max(6)),
  policy: PlanPolicySchema,
  holidays: z.array(z.object({ date: z.string(), name: z.string() })),
  version: z.number().int(),
});
export type WorkspaceSettings = z.infer<typeof WorkspaceSettings>;

const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD');

export const UpdateWorkspaceBody = z.object({
  version: z.number().int(),
  name: z.string().trim().min(1).max(120).optional(),
  timeZone: timeZone.optional(),
  weekendDays: z.array(z.number().int().min(0).max(6)).max(6).optional(),
  policy: PlanPolicySchema.optional(),
  holidays: z
    .array(z.object({ date: IsoDateSchema, name: z.string().trim().min(1).max(120) }))
    .max(400)
    .optional(),
});

export const Member = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  joinedAt: z.string(),
});
export type Member = z.infer<typeof Member>;

export const InviteBody = z.object({ email: EmailSchema, role: RoleSchema });
export const Invitation = z.object({
  id: z.string(),
  email: z.string(),
  role: RoleSchema,
  createdAt: z.string(),
  expiresAt: z.string(),
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
});
export const InvitationCreated = Invitation.extend({ link: z.string() });

export const InvitationPreview = z.object({
  workspaceName: z.string(),
  email: z.string(),
  role: RoleSchema,
  status: z.enum(['pending', 'accepted', 'revoked', 'expired']),
  hasAccount: z.boolean(),
});

export const AcceptInvitationBody = z.object({
  name: PersonNameSchema.optional(),
  password: PasswordSchema.optional(),
});

export const AuditEntry = z.object({
  id: z.number(),
  actorName: z.string().nullable(),
  entityType: z.string(),
  entityId: z.string(),
  action: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  createdAt: z.string(),
});

export const OutboxMail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  createdAt: z.string(),
});

export const IdParam = z.object({ id: z.string().min(1).max(64) });
export const TokenParam = z.object({ token: z.string().min(10).max(200) });
export const Ok = z.object({ ok: z.literal(true) });
