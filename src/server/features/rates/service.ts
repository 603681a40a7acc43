import type {
  ContractorRates,
  CreateDeliverableTypeBody,
  CreateRateBody,
  RateCard,
  UpdateDeliverableTypeBody,
} from '../../../contracts/rates';
import type { IsoDate } from '../../../domain/calendar';
import { type RateEntry, type RateInForce, rateInForce } from '../../../domain/rates';
import { roleRefusal } from '../../../domain/roles';
import { RuleViolation } from '../../../domain/rule-violation';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { forbidden, notFound, staleVersion } from '../../errors';
import { newId, nowIso } from '../../lib/ids';
import { findContractor, mayChangeRates, RATE_EDITORS } from '../contractors';
import { presentDeliverableType, presentRateRow, toRateAmount, toRateEntry } from './present';
import * as q from './queries';

// A contractor id no row can have: asks the domain for the department default alone.
const NOBODY = '';

/** R7: every rate entry of a workspace (optionally of some types, or of one contractor + defaults). */
export async function loadRateEntries(
  db: Executor,
  scope: {
    workspaceId: string;
    deliverableTypeIds?: readonly string[];
    contractorId?: string;
    /** Several contractors at once (comparison, planning); defaults are always included. */
    contractorIds?: readonly string[];
  },
): Promise<RateEntry[]> {
  const contractorIds = scope.contractorId
    ? [scope.contractorId, ...(scope.contractorIds ?? [])]
    : scope.contractorIds;
  const rows = await q.listRateRows(db, {
    workspaceId: scope.workspaceId,
    deliverableTypeIds: scope.deliverableTypeIds,
    contractorIds,
  });
  return rows.map(toRateEntry);
}

/** R7: the rate a contractor is paid for a type on `date` (negotiated, else default), or null. */
export async function rateInForceFor(
  db: Executor,
  scope: { workspaceId: string; contractorId: string; deliverableTypeId: string; date: IsoDate },
): Promise<RateInForce | null> {
  const entries = await loadRateEntries(db, {
    workspaceId: scope.workspaceId,
    deliverableTypeIds: [scope.deliverableTypeId],
    contractorId: scope.contractorId,
  });
  return rateInForce(entries, scope);
}

/** The default, negotiated and effective rate of each type for one contractor on `date`. */
export function ratesForContractor(
  entries: readonly RateEntry[],
  contractorId: string,
  deliverableTypeId: string,
  date: IsoDate,
) {
  const query = { contractorId, deliverableTypeId, date };
  const negotiated = rateInForce(
    entries.filter((e) => e.contractorId === contractorId),
    query,
  );
  const fallback = rateInForce(
    entries.filter((e) => e.contractorId === null),
    { ...query, contractorId: NOBODY },
  );
  return {
    inForce: rateInForce(entries, query),
    default: toRateAmount(fallback),
    negotiated: toRateAmount(negotiated),
  };
}

export async function createDeliverableType(
  db: Executor,
  actor: Actor,
  body: CreateDeliverableTypeBody,
): Promise<string> {
  const id = newId();
  const row = {
    id,
    workspace_id: actor.workspaceId,
    name: body.name,
    group_name: body.group,
    unit: body.unit,
    default_production_days: body.defaultProductionDays,
    qa_checklist_json: JSON.stringify(body.qaChecklist),
    is_content_calendar: body.isContentCalendar ? 1 : 0,
    archived: 0,
    sort: body.sort,
    version: 1,
    created_at: nowIso(),
  };
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('deliverable_types').values(row).execute();
    await recordAudit(tx, actor, {
      entityType: 'deliverable_type',
      entityId: id,
      action: 'created',
      after: row,
    });
  });
  return id;
}

export async function updateDeliverableType(
  db: Executor,
  actor: Actor,
  id: string,
  body: UpdateDeliverableTypeBody,
) {
  await db.transaction().execute(async (tx) => {
    const before = await q.findDeliverableType(tx, { workspaceId: actor.workspaceId, id });
    if (!before) throw notFound('Deliverable type');
    if (before.version !== body.version)
      throw staleVersion('This deliverable type', before.version);
    const set = {
      name: body.name ?? before.name,
      group_name: body.group ?? before.group_name,
      unit: body.unit ?? before.unit,
      default_production_days: body.defaultProductionDays ?? before.default_production_days,
      qa_checklist_json: body.qaChecklist
        ? JSON.stringify(body.qaChecklist)
        : before.qa_checklist_json,
      is_content_calendar:
        body.isContentCalendar === undefined
          ? before.is_content_calendar
          : Number(body.isContentCalendar),
      archived: body.archived === undefined ? before.archived : Number(body.archived),
      sort: body.sort ?? before.sort,
      version: before.version + 1,
    };
    const updated = await tx
      .updateTable('deliverable_types')
      .set(set)
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', id)
      .where('version', '=', body.version)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw staleVersion('This deliverable type', before.version);
    }
    await recordAudit(tx, actor, {
      entityType: 'deliverable_type',
      entityId: id,
      action: 'updated',
      before,
      after: set,
    });
  });
}

/** R7: a rate change is a new row from its effective date; earlier rows stay as history. */
export async function createRate(
  db: Executor,
  actor: Actor,
  body: CreateRateBody,
): Promise<string> {
  if (!mayChangeRates(actor.role)) {
    throw forbidden(roleRefusal(actor.role, RATE_EDITORS, 'change rates'));
  }
  const id = newId();
  await db.transaction().execute(async (tx) => {
    const type = await q.findDeliverableType(tx, {
      workspaceId: actor.workspaceId,
      id: body.deliverableTypeId,
    });
    if (!type) throw notFound('Deliverable type');
    if (type.archived === 1) {
      throw new RuleViolation(
        'R7',
        `${type.name} is archived: restore it before changing its rate`,
      );
    }
    if (body.contractorId) {
      const c = await findContractor(tx, { workspaceId: actor.workspaceId, id: body.contractorId });
      if (!c) throw notFound('Contractor');
    }
    const row = {
      id,
      workspace_id: actor.workspaceId,
      deliverable_type_id: body.deliverableTypeId,
      contractor_id: body.contractorId,
      amount_minor: body.amountMinor,
      currency: body.currency,
      effective_from: body.effectiveFrom,
      note: body.note,
      created_by: actor.userId,
      created_at: nowIso(),
    };
    await tx.insertInto('rates').values(row).execute();
    await recordAudit(tx, actor, {
      entityType: 'rate',
      entityId: id,
      action: 'created',
      after: row,
    });
  });
  return id;
}

/** R7: each type with its default rate on `asOf`, upcoming changes, history and negotiated rates. */
export async function buildRateCard(
  db: Executor,
  scope: { workspaceId: string; asOf: IsoDate },
): Promise<RateCard> {
  const types = await q.listDeliverableTypes(db, { workspaceId: scope.workspaceId });
  const rows = await q.listRateRows(db, { workspaceId: scope.workspaceId });
  const items = types.map((type) => {
    const ofType = rows.filter((r) => r.deliverable_type_id === type.id);
    const defaults = ofType.filter((r) => r.contractor_id === null);
    const current = rateInForce(defaults.map(toRateEntry), {
      contractorId: NOBODY,
      deliverableTypeId: type.id,
      date: scope.asOf,
    });
    const byContractor = new Map<string, typeof ofType>();
    for (const r of ofType) {
      if (r.contractor_id === null) continue;
      byContractor.set(r.contractor_id, [...(byContractor.get(r.contractor_id) ?? []), r]);
    }
    const negotiatedInForce = [...byContractor].flatMap(([contractorId, list]) => {
      const hit = rateInForce(list.map(toRateEntry), {
        contractorId,
        deliverableTypeId: type.id,
        date: scope.asOf,
      });
      const name = list[0].contractor_name ?? '';
      return hit ? [{ ...toRateAmount(hit)!, contractorId, contractorName: name }] : [];
    });
    negotiatedInForce.sort((a, b) => a.contractorName.localeCompare(b.contractorName));
    return {
      deliverableType: presentDeliverableType(type),
      current: toRateAmount(current),
      upcoming: defaults.filter((r) => r.effective_from > scope.asOf).map((r) => presentRateRow(r)),
      history: [...defaults].reverse().map((r) => presentRateRow(r)),
      negotiatedInForce,
    };
  });
  return { asOf: scope.asOf, items };
}

/** R7 + R5: one contractor's rates; only his own negotiated rows and the defaults are read. */
export async function buildContractorRates(
  db: Executor,
  scope: { workspaceId: string; contractorId: string; asOf: IsoDate; forContractor: boolean },
): Promise<ContractorRates> {
  const types = await q.listDeliverableTypes(db, { workspaceId: scope.workspaceId });
  const rows = await q.listRateRows(db, {
    workspaceId: scope.workspaceId,
    contractorIds: [scope.contractorId],
  });
  const entries = rows.map(toRateEntry);
  const items = types.map((type) => ({
    deliverableType: {
      id: type.id,
      name: type.name,
      group: presentDeliverableType(type).group,
      unit: presentDeliverableType(type).unit,
    },
    ...ratesForContractor(entries, scope.contractorId, type.id, scope.asOf),
    history: rows
      .filter((r) => r.deliverable_type_id === type.id && r.contractor_id === scope.contractorId)
      .reverse()
      .map((r) => presentRateRow(r, scope.forContractor)),
  }));
  return { contractorId: scope.contractorId, asOf: scope.asOf, items };
}
