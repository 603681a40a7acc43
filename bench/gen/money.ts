import { prose } from './prng';
import { AS_OF, addDays, instantOn, MONTHS, monthAt, notAfter, type World } from './world';
import type { Row } from './writer';

/**
 * Contractor invoices (lines, billed-items guard, number counters) for finished work, monthly
 * client budgets, and the client–contractor pairings the tasks implied.
 */
export async function writeMoney(w: World): Promise<void> {
  const { rng, ids, workspaceId } = w;
  const byContractor = new Map<number, typeof w.billable>();
  for (const t of w.billable) {
    const list = byContractor.get(t.contractor) ?? [];
    list.push(t);
    byContractor.set(t.contractor, list);
  }
  const invoices: Row<'invoices'>[] = [];
  const lines: Row<'invoice_lines'>[] = [];
  const billed: Row<'billed_items'>[] = [];
  const counters: Row<'invoice_counters'>[] = [];
  const perInvoice = Math.max(1, w.billable.length / w.size.invoices);
  for (const [ci, tasks] of byContractor) {
    const contractor = w.contractors[ci];
    tasks.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
    const count = Math.max(1, Math.round(tasks.length / perInvoice));
    let number = 0;
    for (let g = 0; g < count; g++) {
      const group = tasks.slice(
        Math.floor((g * tasks.length) / count),
        Math.floor(((g + 1) * tasks.length) / count),
      );
      if (group.length === 0) continue;
      const id = ids.next();
      const periodStart = group[0].due;
      const periodEnd = group[group.length - 1].due;
      const age = Date.parse(AS_OF) - Date.parse(periodEnd);
      const status =
        age > 45 * 86_400_000 ? 'paid' : age > 10 * 86_400_000 ? 'approved' : 'submitted';
      const submittedAt = instantOn(rng, notAfter(addDays(periodEnd, 2), AS_OF));
      let sort = 0;
      let total = 0;
      for (const t of group) {
        for (const item of t.items) {
          const lineId = ids.next();
          lines.push({
            id: lineId,
            workspace_id: workspaceId,
            invoice_id: id,
            kind: 'deliverable',
            description: `${item.quantity}× ${item.name}`,
            quantity: item.quantity,
            unit_amount_minor: item.unit,
            amount_minor: item.amount,
            source_type: 'task_item',
            source_id: item.id,
            task_id: t.taskId,
            reason: null,
            added_by: contractor.userId,
            sort: sort++,
            created_at: submittedAt,
          });
          billed.push({
            source_type: 'task_item',
            source_id: item.id,
            workspace_id: workspaceId,
            invoice_id: id,
            line_id: lineId,
          });
          total += item.amount;
        }
      }
      if (rng.chance(0.05)) {
        lines.push({
          id: ids.next(),
          workspace_id: workspaceId,
          invoice_id: id,
          kind: 'bonus',
          description: 'Rush bonus',
          quantity: 1,
          unit_amount_minor: 5000,
          amount_minor: 5000,
          source_type: null,
          source_id: null,
          task_id: null,
          reason: prose(rng, 40),
          added_by: w.users.coordinator,
          sort: sort++,
          created_at: submittedAt,
        });
        total += 5000;
      }
      number++;
      invoices.push({
        id,
        workspace_id: workspaceId,
        contractor_id: contractor.id,
        number,
        period_start: periodStart,
        period_end: periodEnd,
        currency: contractor.currency,
        status,
        reject_reason: null,
        subtotal_minor: total,
        total_minor: total,
        submitted_at: submittedAt,
        approved_by: status === 'submitted' ? null : w.users.finance,
        approved_at: status === 'submitted' ? null : submittedAt,
        paid_at: status === 'paid' ? submittedAt : null,
        payment_reference: status === 'paid' ? `PAY-${number}` : null,
        created_by: contractor.userId,
        created_at: submittedAt,
        updated_at: submittedAt,
        version: status === 'paid' ? 4 : 3,
      });
    }
    counters.push({ contractor_id: contractor.id, workspace_id: workspaceId, last_number: number });
  }

  const budgets: Row<'budgets'>[] = [];
  for (const c of w.clients) {
    for (let mi = 0; mi < MONTHS; mi++) {
      const month = monthAt(mi);
      const planned = rng.int(20, 200) * 10_000;
      budgets.push({
        id: ids.next(),
        workspace_id: workspaceId,
        client_id: c.id,
        month,
        planned_minor: planned,
        emergency_max_minor: Math.round(planned * 0.15),
        currency: 'USD',
        updated_by: w.users.coordinator,
        created_at: `${month}-01T09:00:00.000Z`,
        updated_at: `${month}-01T09:00:00.000Z`,
        version: 1,
      });
    }
  }

  const clientIds = new Set(w.clients.map((c) => c.id));
  const pairings: Row<'client_contractor_pairings'>[] = [];
  for (const [key, at] of w.pairings) {
    const [clientId, contractorId] = key.split('|');
    if (!clientIds.has(clientId)) continue;
    pairings.push({
      workspace_id: workspaceId,
      client_id: clientId,
      contractor_id: contractorId,
      first_assigned_at: at,
      brand_training_done_at: at,
    });
  }

  await w.db.transaction().execute(async (tx) => {
    await w.writer.insert(tx, 'invoices', invoices);
    await w.writer.insert(tx, 'invoice_lines', lines);
    await w.writer.insert(tx, 'billed_items', billed);
    await w.writer.insert(tx, 'invoice_counters', counters);
    await w.writer.insert(tx, 'budgets', budgets);
    await w.writer.insert(tx, 'client_contractor_pairings', pairings);
  });
}
