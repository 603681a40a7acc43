/**
 * Tables of budgets (R27), time logs (R28) and contractor invoices (R29). Same conventions as
 * schema.ts: text UUID ids, ISO text timestamps, 'YYYY-MM-DD' dates, integer money, 0/1 flags.
 */

/** A client's budget for one month; no row = no limit for that client and month. */
export interface BudgetsTable {
  id: string;
  workspace_id: string;
  client_id: string;
  /** 'YYYY-MM' */
  month: string;
  planned_minor: number;
  emergency_max_minor: number;
  /** The workspace currency when the budget was set. */
  currency: string;
  updated_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

/** Hours a contractor worked on an hourly deliverable (R28), approved by the task's strategist. */
export interface TimeLogsTable {
  id: string;
  workspace_id: string;
  task_id: string;
  /** The hourly task item the time is billed at (its rate is the one in force on assignment). */
  task_item_id: string;
  subtask_id: string | null;
  contractor_id: string;
  date: string;
  minutes: number;
  note: string;
  /** 'pending' | 'approved' | 'rejected' */
  status: string;
  reviewed_by: string | null;
  reviewed_at: string | null;
  reject_reason: string | null;
  created_by: string | null;
  created_at: string;
  version: number;
}

/** The last invoice number given to a contractor: numbers are allocated here, at submit time. */
export interface InvoiceCountersTable {
  contractor_id: string;
  workspace_id: string;
  last_number: number;
}

export interface InvoicesTable {
  id: string;
  workspace_id: string;
  contractor_id: string;
  /** Per contractor, 1, 2, 3… without gaps; null until the first submit. */
  number: number | null;
  period_start: string;
  period_end: string;
  /** The contractor's currency. */
  currency: string;
  /** An InvoiceStatus of domain/invoice.ts. */
  status: string;
  reject_reason: string | null;
  subtotal_minor: number;
  total_minor: number;
  submitted_at: string | null;
  approved_by: string | null;
  approved_at: string | null;
  paid_at: string | null;
  payment_reference: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}

export interface InvoiceLinesTable {
  id: string;
  workspace_id: string;
  invoice_id: string;
  /** An InvoiceLineKind of domain/invoice.ts. */
  kind: string;
  description: string;
  /** Hours may be fractional (quarter hours). */
  quantity: number;
  unit_amount_minor: number;
  amount_minor: number;
  /** 'task_item' | 'time_log' | 'revision_round', or null for bonuses and adjustments. */
  source_type: string | null;
  source_id: string | null;
  /** The task the line is for: attributes actual spend to a client and month (R27). */
  task_id: string | null;
  reason: string | null;
  added_by: string | null;
  sort: number;
  created_at: string;
}

/**
 * One row per billed piece of work while it sits on a non-rejected invoice. The primary key on
 * (source_type, source_id) is what makes billing an item twice impossible (R29).
 */
export interface BilledItemsTable {
  source_type: string;
  source_id: string;
  workspace_id: string;
  invoice_id: string;
  line_id: string;
}

export interface MoneyTables {
  budgets: BudgetsTable;
  time_logs: TimeLogsTable;
  invoice_counters: InvoiceCountersTable;
  invoices: InvoicesTable;
  invoice_lines: InvoiceLinesTable;
  billed_items: BilledItemsTable;
}
