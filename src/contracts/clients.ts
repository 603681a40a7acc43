import { z } from 'zod';
import type { OneSheeterContent } from '../domain/one-sheeter';

/** Request and response shapes of clients, categories, one-sheeters and briefs (R1–R5). */

export const FitStatusSchema = z.enum(['eligible', 'eligible_with_cautions', 'not_eligible']);
export const DepartmentTierSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);

const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);

export const ClientNameSchema = z.string().trim().min(1, 'Required').max(120);
export const CategoryNameSchema = z.string().trim().min(1, 'Required').max(40);

/** Internal only (R5): never part of a contractor's response. */
export const ClientContact = z.object({
  name: z.string().trim().min(1, 'Required').max(120),
  role: text(120).default(''),
  email: z.union([z.literal(''), z.string().trim().toLowerCase().email().max(254)]).default(''),
  phone: text(40).default(''),
});
export type ClientContact = z.infer<typeof ClientContact>;

export const CreateClientBody = z.object({
  name: ClientNameSchema,
  companyCategory: CategoryNameSchema,
  departmentTier: DepartmentTierSchema,
  typicalRevisionRounds: z.number().int().min(0).max(20).default(1),
  collateralReady: z.boolean().default(true),
  strategistUserId: z.string().min(1).max(64).nullable().default(null),
  contacts: z.array(ClientContact).max(20).default([]),
  notes: text(5000).default(''),
});
export type CreateClientBody = z.infer<typeof CreateClientBody>;

/** Send the `version` you read; archive with `archived: true`. */
export const UpdateClientBody = z.object({
  version: z.number().int(),
  name: ClientNameSchema.optional(),
  companyCategory: CategoryNameSchema.optional(),
  departmentTier: DepartmentTierSchema.optional(),
  typicalRevisionRounds: z.number().int().min(0).max(20).optional(),
  collateralReady: z.boolean().optional(),
  strategistUserId: z.string().min(1).max(64).nullable().optional(),
  contacts: z.array(ClientContact).max(20).optional(),
  notes: text(5000).optional(),
  archived: z.boolean().optional(),
});
export type UpdateClientBody = z.infer<typeof UpdateClientBody>;

export const FitOverrideBody = z.object({
  reason: z
    .string()
    .trim()
    .min(10, 'R1: write the reason for the override (at least 10 characters)')
    .max(1000),
});

export const PersonRef = z.object({ userId: z.string(), name: z.string().nullable() });

export const ClientFit = z.object({
  status: FitStatusSchema,
  reasons: z.array(z.string()),
  cautions: z.array(z.string()),
  override: z.object({ reason: z.string(), by: PersonRef, at: z.string() }).nullable(),
});
export type ClientFit = z.infer<typeof ClientFit>;

export const Completeness = z.object({
  filled: z.number().int(),
  total: z.number().int(),
  requiredFilled: z.number().int(),
  requiredTotal: z.number().int(),
  missingRequired: z.array(z.string()),
  complete: z.boolean(),
});

export const Client = z.object({
  id: z.string(),
  name: z.string(),
  companyCategory: z.string(),
  departmentTier: DepartmentTierSchema,
  typicalRevisionRounds: z.number().int(),
  collateralReady: z.boolean(),
  strategist: PersonRef.nullable(),
  contacts: z.array(ClientContact),
  notes: z.string(),
  archived: z.boolean(),
  fit: ClientFit,
  /** R1: fit, or not fit but overridden by a coordinator. */
  assignable: z.boolean(),
  /** Null when no one-sheeter was written yet (R4 then blocks assignment). */
  oneSheeter: z.object({ version: z.number().int(), completeness: Completeness }).nullable(),
  abilities: z.object({
    edit: z.boolean(),
    overrideFit: z.boolean(),
    editOneSheeter: z.boolean(),
  }),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Client = z.infer<typeof Client>;

const flag = z.enum(['true', 'false', 'all']);

export const ListClientsQuery = z.object({
  q: z.string().trim().max(120).optional(),
  fit: FitStatusSchema.optional(),
  /** A strategist's user id, or 'none' for clients without one. */
  strategist: z.string().min(1).max(64).optional(),
  archived: flag.default('false'),
  cursor: z.string().max(400).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(100),
});

export const ClientList = z.object({ items: z.array(Client), nextCursor: z.string().nullable() });

export const ClientCategory = z.object({ name: z.string(), sort: z.number().int() });
export const ClientCategoryList = z.object({ items: z.array(ClientCategory) });
export const AddCategoryBody = z.object({ name: CategoryNameSchema });
export const CategoryParam = z.object({ name: z.string().min(1).max(40) });

// ----- one-sheeter (R3/R4) -----

const sectionText = text(5000).default('');

export const CommunityManagementSchema = z.object({
  customerServiceInquiries: sectionText,
  positiveComments: sectionText,
  negativeComments: sectionText,
  escalationContact: sectionText,
});

export const OneSheeterContentSchema = z.object({
  brandVoice: sectionText,
  audience: sectionText,
  productsServices: sectionText,
  goals: sectionText,
  dosAndDonts: sectionText,
  visualIdentityLinks: z
    .array(z.url({ protocol: /^https?$/, message: 'A web link (https://…)' }).max(2000))
    .max(30)
    .default([]),
  hashtagsAndHandles: sectionText,
  competitors: sectionText,
  contentPillars: z.array(text(200)).max(20).default([]),
  communityManagement: CommunityManagementSchema.default({
    customerServiceInquiries: '',
    positiveComments: '',
    negativeComments: '',
    escalationContact: '',
  }),
}) satisfies z.ZodType<OneSheeterContent, unknown>;

export const OneSheeterSectionInfo = z.object({
  key: z.string(),
  label: z.string(),
  required: z.boolean(),
  description: z.string(),
});

export const OneSheeterView = z.object({
  clientId: z.string(),
  /** 0 while no one-sheeter exists; send it back as `baseVersion` when saving. */
  version: z.number().int(),
  content: OneSheeterContentSchema,
  completeness: Completeness,
  sections: z.array(OneSheeterSectionInfo),
  updatedBy: PersonRef.nullable(),
  updatedAt: z.string().nullable(),
});

export const SaveOneSheeterBody = z.object({
  baseVersion: z.number().int().min(0),
  content: OneSheeterContentSchema,
});

export const VersionParams = z.object({
  id: z.string().min(1).max(64),
  version: z.coerce.number().int().min(1).max(2_147_483_647),
});

export const OneSheeterVersionItem = z.object({
  version: z.number().int(),
  author: PersonRef.nullable(),
  createdAt: z.string(),
  completeness: Completeness,
});

export const OneSheeterVersionList = z.object({
  items: z.array(OneSheeterVersionItem),
  nextBefore: z.number().int().nullable(),
});

export const VersionListQuery = z.object({
  before: z.coerce.number().int().min(1).max(2_147_483_647).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const OneSheeterVersionView = OneSheeterVersionItem.extend({
  content: OneSheeterContentSchema,
});

export const DiffQuery = z.object({
  /** 0 means "before the first version" (an empty one-sheeter). */
  from: z.coerce.number().int().min(0).max(2_147_483_647),
  to: z.coerce.number().int().min(1).max(2_147_483_647),
});

const SectionValue = z.union([z.string(), z.array(z.string()), CommunityManagementSchema]);

export const OneSheeterDiff = z.object({
  from: z.number().int(),
  to: z.number().int(),
  sections: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      before: SectionValue,
      after: SectionValue,
      changed: z.boolean(),
    }),
  ),
});

/**
 * R5: what a contractor sees of a client. Nothing else: no contacts, notes, budget or strategist
 * details. The response schema drops any field not named here.
 */
export const Brief = z.object({
  client: z.object({ id: z.string(), name: z.string() }),
  content: OneSheeterContentSchema,
  completeness: Completeness,
  version: z.number().int(),
  cautions: z.array(z.string()),
});

export const ClientIdParam = z.object({ clientId: z.string().min(1).max(64) });

// ----- CSV -----

export const ImportClientsBody = z.object({
  csv: z.string().min(1, 'Paste or upload a CSV file').max(900_000),
  dryRun: z.boolean().default(false),
});

export const ImportRowData = z.object({
  name: z.string(),
  companyCategory: z.string().optional(),
  departmentTier: DepartmentTierSchema.optional(),
  typicalRevisionRounds: z.number().int().optional(),
  collateralReady: z.boolean().optional(),
  strategistEmail: z.string().nullable().optional(),
  notes: z.string().optional(),
  archived: z.boolean().optional(),
});
export type ImportRowData = z.infer<typeof ImportRowData>;

export const ImportRow = z.object({
  /** The row in the file as a spreadsheet numbers it (the header is row 1). */
  line: z.number().int(),
  ok: z.boolean(),
  action: z.enum(['create', 'update']).nullable(),
  errors: z.record(z.string(), z.string()),
  data: ImportRowData.nullable(),
});
export type ImportRow = z.infer<typeof ImportRow>;

export const ImportReport = z.object({
  rows: z.array(ImportRow),
  valid: z.number().int(),
  invalid: z.number().int(),
  /** With dryRun, what would be created and updated. */
  created: z.number().int(),
  updated: z.number().int(),
  /** Existing clients whose row changed nothing. */
  unchanged: z.number().int(),
  written: z.boolean(),
});
export type ImportReport = z.infer<typeof ImportReport>;
