/** Clients, their categories and one-sheeters (R1–R4). Conventions as in ../schema.ts. */

export interface ClientsTable {
  id: string;
  workspace_id: string;
  name: string;
  /** `name` trimmed and lower-cased: unique per workspace and the sort key of the list. */
  name_key: string;
  /** A member with the strategist or admin role; null when unassigned. */
  strategist_user_id: string | null;
  /** One of the workspace's client_categories names ('core' makes a client fit, R1). */
  company_category: string;
  department_tier: number;
  typical_revision_rounds: number;
  collateral_ready: number;
  /** Denormalised fitVerdict status, written with every change, so the list can filter on it. */
  fit_status: string;
  /** Internal only (R5): JSON array of { name, role, email, phone }. */
  contacts_json: string;
  notes: string;
  archived: number;
  fit_override_reason: string | null;
  fit_override_by: string | null;
  fit_override_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ClientCategoriesTable {
  workspace_id: string;
  name: string;
  sort: number;
}

export interface OneSheetersTable {
  client_id: string;
  workspace_id: string;
  current_version: number;
  updated_at: string;
  updated_by: string | null;
}

export interface OneSheeterVersionsTable {
  id: string;
  workspace_id: string;
  client_id: string;
  version: number;
  /** The OneSheeterContent of this version, as JSON. Versions are never changed (R3 history). */
  content_json: string;
  author_user_id: string | null;
  created_at: string;
}

export interface ClientsTables {
  clients: ClientsTable;
  client_categories: ClientCategoriesTable;
  one_sheeters: OneSheetersTable;
  one_sheeter_versions: OneSheeterVersionsTable;
}
