import type { Executor } from '../../db';

/**
 * Invoice reads (R29). Every read takes an InvoiceScope: staff see the workspace's invoices, a
 * contractor only his own, so another contractor's invoice is simply not found (R5).
 */
export type InvoiceScope =
  | { kind: 'staff'; workspaceId: string }
  | { kind: 'contractor'; workspaceId: string; contractorId: string };

function selectInvoices(db: Executor, scope: InvoiceScope) {
  let q = db
    .selectFrom('invoices')
    .innerJoin('contractors', 'contractors.id', 'invoices.contractor_id')
    .leftJoin('user as approver', 'approver.id', 'invoices.approved_by')
    .selectAll('invoices')
    .select((eb) => [
      'contractors.name as contractor_name',
      'contractors.email as contractor_email',
      'contractors.user_id as contractor_user_id',
      'contractors.payment_terms',
      'contractors.country as contractor_country',
      'approver.name as approver_name',
      eb
        .selectFrom('invoice_lines')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('invoice_lines.invoice_id', '=', 'invoices.id')
        .as('line_count'),
    ])
    .where('invoices.workspace_id', '=', scope.workspaceId);
  if (scope.kind === 'contractor') q = q.where('invoices.contractor_id', '=', scope.contractorId);
  return q;
}

export async function findInvoice(db: Executor, scope: InvoiceScope, id: string) {
  return selectInvoices(db, scope).where('invoices.id', '=', id).executeTakeFirst();
}

export type InvoiceRow = NonNullable<Awaited<ReturnType<typeof findInvoice>>>;

export async function listInvoices(
  db: Executor,
  scope: InvoiceScope,
  f: {
    status?: string;
    contractorId?: string;
    after?: { createdAt: string; id: string };
    limit: number;
  },
) {
  let q = selectInvoices(db, scope);
  if (f.status) q = q.where('invoices.status', '=', f.status);
  if (f.contractorId) q = q.where('invoices.contractor_id', '=', f.contractorId);
  if (f.after) {
    const { createdAt, id } = f.after;
    q = q.where((eb) =>
      eb.or([
        eb('invoices.created_at', '<', createdAt),
        eb.and([eb('invoices.created_at', '=', createdAt), eb('invoices.id', '<', id)]),
      ]),
    );
  }
  return q
    .orderBy('invoices.created_at', 'desc')
    .orderBy('invoices.id', 'desc')
    .limit(f.limit)
    .execute();
}

export async function listLines(db: Executor, workspaceId: string, invoiceIds: string[]) {
  if (invoiceIds.length === 0) return [];
  return db
    .selectFrom('invoice_lines')
    .leftJoin('tasks', 'tasks.id', 'invoice_lines.task_id')
    .leftJoin('user as adder', 'adder.id', 'invoice_lines.added_by')
    .selectAll('invoice_lines')
    .select(['tasks.title as task_title', 'adder.name as added_by_name'])
    .where('invoice_lines.workspace_id', '=', workspaceId)
    .where('invoice_lines.invoice_id', 'in', invoiceIds)
    .orderBy('invoice_lines.invoice_id')
    .orderBy('invoice_lines.sort')
    .orderBy('invoice_lines.created_at')
    .limit(5000)
    .execute();
}

export type LineRow = Awaited<ReturnType<typeof listLines>>[number];

/** Approved and paid invoices approved in a date range, for the accounting export. */
export async function listForExport(
  db: Executor,
  scope: { workspaceId: string; fromInstant: string; toInstant: string },
) {
  return selectInvoices(db, { kind: 'staff', workspaceId: scope.workspaceId })
    .where('invoices.status', 'in', ['approved', 'paid'])
    .where('invoices.approved_at', '>=', scope.fromInstant)
    .where('invoices.approved_at', '<', scope.toInstant)
    .orderBy('invoices.approved_at')
    .orderBy('invoices.id')
    .limit(10_000)
    .execute();
}

/** The invoice's history, oldest first, from the audit trail (R30). */
export async function invoiceEvents(db: Executor, workspaceId: string, invoiceId: string) {
  return db
    .selectFrom('audit_log')
    .leftJoin('user', 'user.id', 'audit_log.actor_user_id')
    .select(['audit_log.action', 'audit_log.after_json', 'audit_log.created_at', 'user.name'])
    .where('audit_log.workspace_id', '=', workspaceId)
    .where('audit_log.entity_type', '=', 'invoice')
    .where('audit_log.entity_id', '=', invoiceId)
    .orderBy('audit_log.id')
    .limit(200)
    .execute();
}

/** Finance people to tell about a submitted invoice; admins when the workspace has none. */
export async function invoiceApprovers(db: Executor, workspaceId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select(['user_id', 'role'])
    .where('workspace_id', '=', workspaceId)
    .where('role', 'in', ['finance', 'admin'])
    .execute();
  const finance = rows.filter((r) => r.role === 'finance');
  return (finance.length > 0 ? finance : rows).map((r) => r.user_id);
}
