import { z } from 'zod';
import { isIsoDate } from '../domain/calendar';

/** Request and response shapes of deliverable types and the rate card (R7). */

export const DELIVERABLE_GROUPS = ['organic', 'influencer'] as const;
export const RATE_UNITS = ['item', 'hour', 'calendar'] as const;

export const DeliverableGroupSchema = z.enum(DELIVERABLE_GROUPS);
export const RateUnitSchema = z.enum(RATE_UNITS);

/** A real calendar day as 'YYYY-MM-DD' (2026-02-30 is refused). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use YYYY-MM-DD')
  .refine(isIsoDate, { message: 'Not a calendar date' });

export const CurrencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'Three-letter currency code');

export const MAX_AMOUNT_MINOR = 100_000_000;

const ChecklistSchema = z.array(z.string().trim().min(1, 'Required').max(200)).max(30);

export const DeliverableType = z.object({
  id: z.string(),
  name: z.string(),
  group: DeliverableGroupSchema,
  unit: RateUnitSchema,
  defaultProductionDays: z.number().int(),
  qaChecklist: z.array(z.string()),
  isContentCalendar: z.boolean(),
  archived: z.boolean(),
  sort: z.number().int(),
  version: z.number().int(),
});
export type DeliverableType = z.infer<typeof DeliverableType>;

export const DeliverableTypesQuery = z.object({
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const CreateDeliverableTypeBody = z.object({
  name: z.string().trim().min(1, 'Required').max(120),
  group: DeliverableGroupSchema,
  unit: RateUnitSchema,
  defaultProductionDays: z.number().int().min(0).max(120),
  qaChecklist: ChecklistSchema.default([]),
  isContentCalendar: z.boolean().default(false),
  sort: z.number().int().min(0).max(10_000).default(0),
});
export type CreateDeliverableTypeBody = z.infer<typeof CreateDeliverableTypeBody>;

export const UpdateDeliverableTypeBody = z.object({
  version: z.number().int(),
  name: z.string().trim().min(1, 'Required').max(120).optional(),
  group: DeliverableGroupSchema.optional(),
  unit: RateUnitSchema.optional(),
  defaultProductionDays: z.number().int().min(0).max(120).optional(),
  qaChecklist: ChecklistSchema.optional(),
  isContentCalendar: z.boolean().optional(),
  archived: z.boolean().optional(),
  sort: z.number().int().min(0).max(10_000).optional(),
});
export type UpdateDeliverableTypeBody = z.infer<typeof UpdateDeliverableTypeBody>;

export const RateAmount = z.object({
  amountMinor: z.number().int(),
  currency: z.string(),
  effectiveFrom: z.string(),
});
export type RateAmount = z.infer<typeof RateAmount>;

export const RateInForceSchema = RateAmount.extend({
  source: z.enum(['negotiated', 'default']),
});

/** One recorded rate (rows are never changed: history, R7). */
export const RateRow = z.object({
  id: z.string(),
  deliverableTypeId: z.string(),
  contractorId: z.string().nullable(),
  amountMinor: z.number().int(),
  currency: z.string(),
  effectiveFrom: z.string(),
  note: z.string(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
});
export type RateRow = z.infer<typeof RateRow>;

export const RateCardItem = z.object({
  deliverableType: DeliverableType,
  /** The department default in force on `asOf`. */
  current: RateAmount.nullable(),
  /** Default rates that take effect after `asOf`. */
  upcoming: z.array(RateRow),
  /** Every default rate ever recorded, newest effective date first. */
  history: z.array(RateRow),
  negotiatedInForce: z.array(
    RateAmount.extend({ contractorId: z.string(), contractorName: z.string() }),
  ),
});

export const RateCard = z.object({ asOf: z.string(), items: z.array(RateCardItem) });
export type RateCard = z.infer<typeof RateCard>;

export const AsOfQuery = z.object({ asOf: IsoDateSchema.optional() });

export const CreateRateBody = z.object({
  deliverableTypeId: z.string().min(1).max(64),
  contractorId: z.string().min(1).max(64).nullable().default(null),
  amountMinor: z.number().int().min(0).max(MAX_AMOUNT_MINOR),
  currency: CurrencySchema,
  effectiveFrom: IsoDateSchema,
  note: z.string().trim().max(500).default(''),
});
export type CreateRateBody = z.infer<typeof CreateRateBody>;

export const ContractorRateItem = z.object({
  deliverableType: z.object({
    id: z.string(),
    name: z.string(),
    group: DeliverableGroupSchema,
    unit: RateUnitSchema,
  }),
  inForce: RateInForceSchema.nullable(),
  default: RateAmount.nullable(),
  negotiated: RateAmount.nullable(),
  /** This contractor's negotiated rates, newest effective date first. */
  history: z.array(RateRow),
});

export const ContractorRates = z.object({
  contractorId: z.string(),
  asOf: z.string(),
  items: z.array(ContractorRateItem),
});
export type ContractorRates = z.infer<typeof ContractorRates>;

/** CSV import (contractors and rates): all rows valid, or nothing is written. */
export const CsvImportBody = z.object({
  csv: z.string().min(1, 'Required').max(1_000_000),
  dryRun: z.boolean().default(false),
});

export const CsvImportResult = z.object({
  dryRun: z.boolean(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rows: z.array(
    z.object({
      line: z.number().int(),
      action: z.enum(['create', 'update', 'unchanged']),
      summary: z.string(),
    }),
  ),
});
export type CsvImportResult = z.infer<typeof CsvImportResult>;

/** The `details.rows` of a refused import: each invalid line with its field messages. */
export interface CsvRowErrors {
  line: number;
  errors: Record<string, string>;
}

export type DeliverableTypesQuery = z.infer<typeof DeliverableTypesQuery>;
export type RateCardItem = z.infer<typeof RateCardItem>;
export type AsOfQuery = z.infer<typeof AsOfQuery>;
export type ContractorRateItem = z.infer<typeof ContractorRateItem>;
export type CsvImportBody = z.infer<typeof CsvImportBody>;
