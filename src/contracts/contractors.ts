import { z } from 'zod';
import { calendarDaysBetween, isIsoDate } from '../domain/calendar';
import { CONTRACTOR_STATUSES } from '../domain/vetting';
import { CurrencySchema, IsoDateSchema, RateAmount, RateInForceSchema } from './rates';
import { EmailSchema, PersonNameSchema, TimeZoneSchema } from './workspace';

/** Request and response shapes of contractors (R6), availability (R8) and vetting (R9). */

export const ContractorStatusSchema = z.enum(CONTRACTOR_STATUSES);
export const CapacityUnitSchema = z.enum(['hours', 'items']);

const ScoreSchema = z.number().int().min(1, '1 to 5').max(5, '1 to 5').nullable();

export const Scorecard = z.object({
  quality: ScoreSchema,
  communication: ScoreSchema,
  reliability: ScoreSchema,
  brandFit: ScoreSchema,
});
export type Scorecard = z.infer<typeof Scorecard>;
export const EMPTY_SCORECARD: Scorecard = {
  quality: null,
  communication: null,
  reliability: null,
  brandFit: null,
};

const LinkSchema = z
  .string()
  .trim()
  .max(500)
  .url('A full link, e.g. https://…')
  .refine((u) => /^https?:\/\//i.test(u), { message: 'Use an http(s) link' });

export const PortfolioLinksSchema = z.array(LinkSchema).max(20);
export const SkillsSchema = z.array(z.string().min(1).max(64)).max(50);

/** One row of the contractor list. The scorecard is present for staff only. */
export const ContractorSummary = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  status: ContractorStatusSchema,
  skills: z.array(z.string()),
  weeklyCapacity: z.number().int(),
  capacityUnit: CapacityUnitSchema,
  timeZone: z.string(),
  country: z.string(),
  currency: z.string(),
  /** True when a signed-in member is linked to this contractor. */
  linked: z.boolean(),
  scorecard: Scorecard.optional(),
});
export type ContractorSummary = z.infer<typeof ContractorSummary>;

/** A contractor's profile; staff-only fields are absent when the contractor reads his own. */
export const ContractorProfile = ContractorSummary.extend({
  userId: z.string().nullable(),
  portfolioLinks: z.array(z.string()),
  includedRevisionRounds: z.number().int(),
  paymentTerms: z.string(),
  trialOutcome: z.string().optional(),
  notes: z.string().optional(),
  nextStatuses: z.array(ContractorStatusSchema).optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: z.object({
    edit: z.boolean(),
    editOwnProfile: z.boolean(),
    changeStatus: z.boolean(),
    editAvailability: z.boolean(),
  }),
});
export type ContractorProfile = z.infer<typeof ContractorProfile>;

export const ContractorListQuery = z.object({
  status: z
    .string()
    .max(200)
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean) : []))
    .pipe(z.array(ContractorStatusSchema)),
  skill: z.string().min(1).max(64).optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(400).optional(),
});

export const ContractorList = z.object({
  items: z.array(ContractorSummary),
  nextCursor: z.string().nullable(),
});

const contractorFields = {
  name: PersonNameSchema,
  email: EmailSchema,
  timeZone: TimeZoneSchema,
  country: z.string().trim().max(80),
  skills: SkillsSchema,
  weeklyCapacity: z.number().int().min(0).max(1000),
  capacityUnit: CapacityUnitSchema,
  portfolioLinks: PortfolioLinksSchema,
  includedRevisionRounds: z.number().int().min(0).max(10),
  paymentTerms: z.string().trim().max(120),
  currency: CurrencySchema,
  notes: z.string().max(10_000),
  userId: z.string().min(1).max(64).nullable(),
};

export const CreateContractorBody = z.object({
  ...contractorFields,
  country: contractorFields.country.default(''),
  skills: contractorFields.skills.default([]),
  weeklyCapacity: contractorFields.weeklyCapacity.default(0),
  capacityUnit: contractorFields.capacityUnit.default('hours'),
  portfolioLinks: contractorFields.portfolioLinks.default([]),
  includedRevisionRounds: contractorFields.includedRevisionRounds.default(1),
  paymentTerms: contractorFields.paymentTerms.default('Net 15'),
  currency: contractorFields.currency.default('USD'),
  notes: contractorFields.notes.default(''),
  userId: contractorFields.userId.default(null),
  status: ContractorStatusSchema.default('applied'),
  /** Also e-mail an invitation to sign in as a contractor. */
  inviteEmail: z.boolean().default(false),
});
export type CreateContractorBody = z.infer<typeof CreateContractorBody>;

export const UpdateContractorBody = z
  .object(contractorFields)
  .partial()
  .extend({ version: z.number().int() });
export type UpdateContractorBody = z.infer<typeof UpdateContractorBody>;

/** What a contractor may change on his own profile. */
export const UpdateOwnProfileBody = z.object({
  version: z.number().int(),
  timeZone: TimeZoneSchema.optional(),
  portfolioLinks: PortfolioLinksSchema.optional(),
  weeklyCapacity: contractorFields.weeklyCapacity.optional(),
  capacityUnit: CapacityUnitSchema.optional(),
});
export type UpdateOwnProfileBody = z.infer<typeof UpdateOwnProfileBody>;

export const ContractorCreated = z.object({
  id: z.string(),
  invitationLink: z.string().nullable(),
});

// Vetting (R9)

export const StatusChangeBody = z.object({
  status: ContractorStatusSchema,
  note: z.string().trim().max(2000).default(''),
  version: z.number().int().optional(),
});

export const InterviewNote = z.object({
  id: z.string(),
  authorName: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export const CreateInterviewNoteBody = z.object({
  body: z.string().trim().min(1, 'Required').max(10_000),
});

export const ContractorReference = z.object({
  id: z.string(),
  pastClient: z.string(),
  contact: z.string(),
  whatTheySaid: z.string(),
  contactedAt: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
});
export const CreateReferenceBody = z.object({
  pastClient: z.string().trim().min(1, 'Required').max(200),
  contact: z.string().trim().max(200).default(''),
  whatTheySaid: z.string().trim().max(5000).default(''),
  contactedAt: IsoDateSchema.nullable().default(null),
});

export const ScorecardBody = Scorecard.extend({
  trialOutcome: z.string().trim().max(5000).optional(),
  version: z.number().int(),
});

export const CompareQuery = z.object({
  ids: z
    .string()
    .max(400)
    .transform((s) => [...new Set(s.split(',').filter(Boolean))])
    .pipe(z.array(z.string().max(64)).min(2, 'Pick 2 to 4 contractors').max(4, 'Pick 2 to 4')),
});

export const CompareResult = z.object({
  asOf: z.string(),
  deliverableTypes: z.array(
    z.object({ id: z.string(), name: z.string(), unit: z.string(), group: z.string() }),
  ),
  contractors: z.array(
    ContractorSummary.extend({
      includedRevisionRounds: z.number().int(),
      paymentTerms: z.string(),
      trialOutcome: z.string(),
      rates: z.array(
        z.object({
          deliverableTypeId: z.string(),
          inForce: RateInForceSchema.nullable(),
          default: RateAmount.nullable(),
          negotiated: RateAmount.nullable(),
        }),
      ),
    }),
  ),
});

// Availability (R8)

export const UNAVAILABILITY_KINDS = ['travel', 'time_off', 'other'] as const;
export const UnavailabilityKindSchema = z.enum(UNAVAILABILITY_KINDS);
export const MAX_UNAVAILABILITY_DAYS = 366;
export const MAX_AVAILABILITY_WINDOW_DAYS = 120;

/** Days from `start` to `end`, both counted; null when either is not a real date. */
function inclusiveDays(start: string, end: string): number | null {
  if (!isIsoDate(start) || !isIsoDate(end)) return null;
  return calendarDaysBetween(start, end) + 1;
}

export const Unavailability = z.object({
  id: z.string(),
  contractorId: z.string(),
  start: z.string(),
  end: z.string(),
  kind: UnavailabilityKindSchema,
  note: z.string(),
  createdAt: z.string(),
});
export type Unavailability = z.infer<typeof Unavailability>;

export const CreateUnavailabilityBody = z
  .object({
    start: IsoDateSchema,
    end: IsoDateSchema,
    kind: UnavailabilityKindSchema,
    note: z.string().trim().max(500).default(''),
  })
  .superRefine((b, ctx) => {
    const days = inclusiveDays(b.start, b.end);
    if (days === null) return;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['end'], message: 'On or after the start' });
    else if (days > MAX_UNAVAILABILITY_DAYS)
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'At most 366 days long' });
  });

export const UnavailabilityQuery = z.object({
  from: IsoDateSchema.optional(),
  to: IsoDateSchema.optional(),
});

export const AvailabilityQuery = z
  .object({ from: IsoDateSchema, to: IsoDateSchema })
  .superRefine((q, ctx) => {
    const days = inclusiveDays(q.from, q.to);
    if (days === null) return;
    if (days < 1) ctx.addIssue({ code: 'custom', path: ['to'], message: 'On or after from' });
    else if (days > MAX_AVAILABILITY_WINDOW_DAYS)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'At most 120 days after from' });
  });

export const TeamAvailability = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(
    z.object({
      contractor: z.object({
        id: z.string(),
        name: z.string(),
        status: ContractorStatusSchema,
        timeZone: z.string(),
      }),
      ranges: z.array(Unavailability.omit({ contractorId: true, createdAt: true })),
    }),
  ),
});

export const FeedUrl = z.object({ url: z.string() });

export type CapacityUnit = z.infer<typeof CapacityUnitSchema>;
export type UnavailabilityKind = z.infer<typeof UnavailabilityKindSchema>;
export type ContractorListQuery = z.infer<typeof ContractorListQuery>;
export type ContractorList = z.infer<typeof ContractorList>;
export type ContractorCreated = z.infer<typeof ContractorCreated>;
export type StatusChangeBody = z.infer<typeof StatusChangeBody>;
export type InterviewNote = z.infer<typeof InterviewNote>;
export type CreateInterviewNoteBody = z.infer<typeof CreateInterviewNoteBody>;
export type ContractorReference = z.infer<typeof ContractorReference>;
export type CreateReferenceBody = z.infer<typeof CreateReferenceBody>;
export type ScorecardBody = z.infer<typeof ScorecardBody>;
export type CompareQuery = z.infer<typeof CompareQuery>;
export type CompareResult = z.infer<typeof CompareResult>;
export type CreateUnavailabilityBody = z.infer<typeof CreateUnavailabilityBody>;
export type UnavailabilityQuery = z.infer<typeof UnavailabilityQuery>;
export type AvailabilityQuery = z.infer<typeof AvailabilityQuery>;
export type TeamAvailability = z.infer<typeof TeamAvailability>;
export type FeedUrl = z.infer<typeof FeedUrl>;
