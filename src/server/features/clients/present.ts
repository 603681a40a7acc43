import type { Client, ClientContact, ClientFit } from '../../../contracts/clients';
import type { Role } from '../../../contracts/roles';
import { type FitInput, fitVerdict } from '../../../domain/fit';
import {
  normalizeOneSheeter,
  type OneSheeterCompleteness,
  oneSheeterCompleteness,
} from '../../../domain/one-sheeter';
import { mayEditClient, mayEditOneSheeter, mayOverrideFit } from './policy';
import type { ClientRow } from './queries';

type FitColumns = Pick<
  ClientRow,
  'company_category' | 'department_tier' | 'typical_revision_rounds' | 'collateral_ready'
>;

/** The tier column holds 1–3 (the API refuses anything else); clamp so a bad row can't crash. */
export function tierOf(value: number): 1 | 2 | 3 {
  return value <= 1 ? 1 : value >= 3 ? 3 : 2;
}

export function fitInputOf(row: FitColumns): FitInput {
  return {
    companyCategory: row.company_category,
    departmentTier: tierOf(row.department_tier),
    typicalRevisionRounds: row.typical_revision_rounds,
    collateralReadyBeforeMonth: row.collateral_ready === 1,
  };
}

type OverrideColumns = Pick<
  ClientRow,
  'fit_override_reason' | 'fit_override_by' | 'fit_override_at' | 'override_by_name'
>;

/** R1: the verdict with its override; a not-eligible client is assignable only when overridden. */
export function presentFit(row: FitColumns & OverrideColumns): {
  fit: ClientFit;
  assignable: boolean;
} {
  const verdict = fitVerdict(fitInputOf(row));
  const override =
    row.fit_override_reason && row.fit_override_by && row.fit_override_at
      ? {
          reason: row.fit_override_reason,
          by: { userId: row.fit_override_by, name: row.override_by_name ?? null },
          at: row.fit_override_at,
        }
      : null;
  return {
    fit: { ...verdict, override },
    assignable: verdict.status !== 'not_eligible' || override !== null,
  };
}

/** The current one-sheeter's version and completeness, or null when none was written (R4). */
export function presentOneSheeterSummary(
  row: Pick<ClientRow, 'one_sheeter_version' | 'one_sheeter_json'>,
): { version: number; completeness: OneSheeterCompleteness } | null {
  if (row.one_sheeter_version === null || row.one_sheeter_json === null) return null;
  return {
    version: row.one_sheeter_version,
    completeness: oneSheeterCompleteness(normalizeOneSheeter(JSON.parse(row.one_sheeter_json))),
  };
}

export function parseContacts(json: string): ClientContact[] {
  const raw: unknown = JSON.parse(json);
  return Array.isArray(raw) ? (raw as ClientContact[]) : [];
}

/** A client for staff. Contacts are included: every client route refuses contractors (R5). */
export function presentClient(row: ClientRow, role: Role): Client {
  return {
    id: row.id,
    name: row.name,
    companyCategory: row.company_category,
    departmentTier: tierOf(row.department_tier),
    typicalRevisionRounds: row.typical_revision_rounds,
    collateralReady: row.collateral_ready === 1,
    strategist: row.strategist_user_id
      ? { userId: row.strategist_user_id, name: row.strategist_name ?? null }
      : null,
    contacts: parseContacts(row.contacts_json),
    notes: row.notes,
    archived: row.archived === 1,
    ...presentFit(row),
    oneSheeter: presentOneSheeterSummary(row),
    abilities: {
      edit: mayEditClient(role),
      overrideFit: mayOverrideFit(role),
      editOneSheeter: mayEditOneSheeter(role),
    },
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
