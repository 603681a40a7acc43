/**
 * Tables of the contractors, rates and availability features (R6–R9). Same conventions as
 * schema.ts: text UUID ids, ISO text timestamps, 'YYYY-MM-DD' dates, integer money and 0/1 flags.
 */

export interface DeliverableTypesTable {
  id: string;
  workspace_id: string;
  name: string;
  /** 'organic' | 'influencer' */
  group_name: string;
  /** 'item' | 'hour' | 'calendar' */
  unit: string;
  /** Business days a contractor needs to produce one. */
  default_production_days: number;
  /** JSON array of strings: the QA checklist for this type (R23). */
  qa_checklist_json: string;
  is_content_calendar: number;
  archived: number;
  sort: number;
  version: number;
  created_at: string;
}

/** Append-only: a rate change is a new row with its effective date (R7 history). */
export interface RatesTable {
  id: string;
  workspace_id: string;
  deliverable_type_id: string;
  /** null = the department default. */
  contractor_id: string | null;
  amount_minor: number;
  currency: string;
  effective_from: string;
  note: string;
  created_by: string | null;
  created_at: string;
}

export interface ContractorsTable {
  id: string;
  workspace_id: string;
  /** The member with the contractor role who signs in as this contractor. */
  user_id: string | null;
  name: string;
  email: string;
  time_zone: string;
  country: string;
  /** JSON array of deliverable type ids. */
  skills_json: string;
  weekly_capacity: number;
  /** 'hours' | 'items' */
  capacity_unit: string;
  /** JSON array of URLs. */
  portfolio_links_json: string;
  included_revision_rounds: number;
  payment_terms: string;
  currency: string;
  status: string;
  /** JSON { quality, communication, reliability, brandFit }, each 1–5 or null. */
  scorecard_json: string;
  trial_outcome: string;
  notes: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ClientContractorPairingsTable {
  workspace_id: string;
  client_id: string;
  contractor_id: string;
  first_assigned_at: string;
  brand_training_done_at: string | null;
}

export interface UnavailabilityTable {
  id: string;
  workspace_id: string;
  contractor_id: string;
  start_date: string;
  /** Inclusive. */
  end_date: string;
  /** 'travel' | 'time_off' | 'other' */
  kind: string;
  note: string;
  created_by: string | null;
  created_at: string;
}

export interface FeedTokensTable {
  id: string;
  workspace_id: string;
  /** 'unavailability' */
  kind: string;
  subject_id: string;
  token_hash: string;
  created_by: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface ContractorInterviewNotesTable {
  id: string;
  workspace_id: string;
  contractor_id: string;
  author_user_id: string | null;
  body: string;
  created_at: string;
}

export interface ContractorReferencesTable {
  id: string;
  workspace_id: string;
  contractor_id: string;
  past_client: string;
  contact: string;
  what_they_said: string;
  contacted_at: string | null;
  created_by: string | null;
  created_at: string;
}

export interface ContractorTables {
  deliverable_types: DeliverableTypesTable;
  rates: RatesTable;
  contractors: ContractorsTable;
  client_contractor_pairings: ClientContractorPairingsTable;
  unavailability: UnavailabilityTable;
  feed_tokens: FeedTokensTable;
  contractor_interview_notes: ContractorInterviewNotesTable;
  contractor_references: ContractorReferencesTable;
}
