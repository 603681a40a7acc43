import type { z } from 'zod';
import type { CompareResult } from '../../../contracts/contractors';
import type { Executor } from '../../db';
import { notFound } from '../../errors';
import {
  listDeliverableTypes,
  loadRateEntries,
  ratesForContractor,
  workspaceToday,
} from '../rates';
import { presentSummary } from './present';
import { listContractorsByIds } from './queries';

/** R9: candidates side by side on rate (default vs negotiated), skills, scorecard and capacity. */
export async function compareContractors(
  db: Executor,
  scope: { workspaceId: string; ids: readonly string[] },
): Promise<z.infer<typeof CompareResult>> {
  const rows = await listContractorsByIds(db, scope);
  if (rows.length !== scope.ids.length) throw notFound('Contractor');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const asOf = await workspaceToday(db, scope.workspaceId);
  const types = await listDeliverableTypes(db, { workspaceId: scope.workspaceId });
  const entries = await loadRateEntries(db, {
    workspaceId: scope.workspaceId,
    contractorIds: scope.ids,
  });
  return {
    asOf,
    deliverableTypes: types.map((t) => ({
      id: t.id,
      name: t.name,
      unit: t.unit,
      group: t.group_name,
    })),
    contractors: scope.ids.map((id) => {
      const row = byId.get(id)!;
      return {
        ...presentSummary(row, { staff: true }),
        includedRevisionRounds: row.included_revision_rounds,
        paymentTerms: row.payment_terms,
        trialOutcome: row.trial_outcome,
        rates: types.map((t) => ({
          deliverableTypeId: t.id,
          ...ratesForContractor(entries, id, t.id, asOf),
        })),
      };
    }),
  };
}
