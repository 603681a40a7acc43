import type { InvoiceSummary } from '../../../contracts/money';
import { Badge } from '../../components/ui';
import { currentWorkspaceId } from '../../lib/api';

/** Small pieces shared by the invoice and budget screens. */

const STATUS_TONE = {
  draft: 'neutral',
  submitted: 'accent',
  approved: 'ok',
  paid: 'ok',
  rejected: 'bad',
} as const;

const STATUS_LABEL = {
  draft: 'Draft',
  submitted: 'Waiting for approval',
  approved: 'Approved · to pay',
  paid: 'Paid',
  rejected: 'Rejected',
} as const;

export function InvoiceStatusBadge({ status }: { status: InvoiceSummary['status'] }) {
  return <Badge tone={STATUS_TONE[status]}>{STATUS_LABEL[status]}</Badge>;
}

/** "12 Oct – 31 Oct 2026" */
export function formatPeriod(start: string, end: string): string {
  const fmt = (d: string, year: boolean) =>
    new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      ...(year ? { year: 'numeric' } : {}),
      timeZone: 'UTC',
    }).format(new Date(`${d}T00:00:00Z`));
  return `${fmt(start, start.slice(0, 4) !== end.slice(0, 4))} – ${fmt(end, true)}`;
}

/** Parses "1,234.50" or "-25" into minor units (2 decimals); null when it isn't a number. */
export function parseAmount(text: string, exponent = 2): number | null {
  const clean = text.replace(/[,\s]/g, '');
  if (!/^-?\d+(\.\d+)?$/.test(clean)) return null;
  return Math.round(Number(clean) * 10 ** exponent);
}

export function minorToInput(minor: number, exponent = 2): string {
  return (minor / 10 ** exponent).toFixed(exponent);
}

/**
 * Downloads an API file (PDF, CSV) with the session and the chosen workspace, which a plain
 * link would not send.
 */
export async function downloadFile(path: string, filename: string): Promise<void> {
  const headers: Record<string, string> = {};
  const ws = currentWorkspaceId();
  if (ws) headers['x-workspace-id'] = ws;
  const res = await fetch(path, { headers, credentials: 'same-origin' });
  if (!res.ok) {
    const body = await res.json().catch(() => null);
    throw new Error(body?.error?.message ?? `Download failed (${res.status})`);
  }
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
