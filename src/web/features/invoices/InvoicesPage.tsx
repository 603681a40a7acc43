import { useQuery } from '@tanstack/react-query';
import { Download, Plus, Receipt } from 'lucide-react';
import { useState } from 'react';
import type { InvoiceList, InvoiceSummary } from '../../../contracts/money';
import { DataTable } from '../../components/DataTable';
import { Tabs } from '../../components/Tabs';
import { Button, EmptyState, ErrorNotice, PageHeader, Spinner } from '../../components/ui';
import { api } from '../../lib/api';
import { formatInstant, formatMoney } from '../../lib/format';
import { useMe } from '../../lib/session';
import { useUrlPatch, useUrlState } from '../../lib/url-state';
import { TimeWeekView } from '../time/TimeWeekView';
import { BudgetsView } from './BudgetsView';
import { ExportDialog } from './ExportDialog';
import { InvoicePanel } from './InvoicePanel';
import { NewInvoiceDialog } from './NewInvoiceDialog';
import { formatPeriod, InvoiceStatusBadge } from './shared';

type Status = InvoiceSummary['status'];

/** Invoices (R29), the finance queue, budgets (R27) and time (R28): one section, tabs in the URL. */
export function InvoicesPage() {
  const me = useMe();
  const role = me.data?.current?.role;
  const isContractor = role === 'contractor';
  const canExport = role === 'finance' || role === 'admin';
  const [view, setView] = useUrlState('view', isContractor ? 'mine' : 'queue');
  const [openId, setOpenId] = useUrlState('invoice');
  const [creating, setCreating] = useState(false);
  const [exporting, setExporting] = useState(false);
  const patchUrl = useUrlPatch();

  const tabs = isContractor
    ? [
        {
          value: 'mine',
          label: 'My invoices',
          content: <InvoiceTable status={null} onOpen={setOpenId} openId={openId} mine />,
        },
        { value: 'time', label: 'My time', content: <TimeWeekView /> },
      ]
    : [
        {
          value: 'queue',
          label: 'To approve',
          content: <InvoiceTable status="submitted" onOpen={setOpenId} openId={openId} />,
        },
        {
          value: 'approved',
          label: 'To pay',
          content: <InvoiceTable status="approved" onOpen={setOpenId} openId={openId} />,
        },
        {
          value: 'paid',
          label: 'Paid',
          content: <InvoiceTable status="paid" onOpen={setOpenId} openId={openId} />,
        },
        {
          value: 'all',
          label: 'All',
          content: <InvoiceTable status={null} onOpen={setOpenId} openId={openId} />,
        },
        { value: 'budgets', label: 'Budgets', content: <BudgetsView /> },
        { value: 'time', label: 'Time', content: <TimeWeekView /> },
      ];

  return (
    <>
      <PageHeader
        title={isContractor ? 'My invoices' : 'Invoices'}
        subtitle={
          isContractor
            ? 'Invoice your QA-passed work: lines are priced at the rates agreed on assignment (R29)'
            : 'Approve, reject and pay contractor invoices (R29); budgets per client and month (R27)'
        }
      >
        {canExport ? (
          <Button onClick={() => setExporting(true)}>
            <Download size={14} /> Export CSV
          </Button>
        ) : null}
        {isContractor ? (
          <Button variant="primary" onClick={() => setCreating(true)}>
            <Plus size={14} /> New invoice
          </Button>
        ) : null}
      </PageHeader>
      <Tabs value={view} onChange={setView} tabs={tabs} />
      {openId ? <InvoicePanel invoiceId={openId} onClose={() => setOpenId(null)} /> : null}
      <NewInvoiceDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          patchUrl({ invoice: id, view: 'mine' });
        }}
      />
      <ExportDialog open={exporting} onClose={() => setExporting(false)} />
    </>
  );
}

function InvoiceTable({
  status,
  onOpen,
  openId,
  mine,
}: {
  status: Status | null;
  onOpen: (id: string) => void;
  openId: string;
  mine?: boolean;
}) {
  const me = useMe();
  const tz = me.data?.current?.timeZone ?? 'UTC';
  const params = new URLSearchParams({ limit: '200' });
  if (status) params.set('status', status);
  const list = useQuery({
    queryKey: ['invoices', status],
    queryFn: () => api<InvoiceList>(`/api/invoices?${params}`),
  });
  if (list.isPending) {
    return (
      <div className="p-5">
        <Spinner label="Loading invoices" />
      </div>
    );
  }
  if (list.isError) return <ErrorNotice error={list.error} />;
  const empty = mine
    ? {
        title: 'No invoices yet',
        text: 'When your work has passed QA, use "New invoice": Handoff fills in the lines at your agreed rates.',
      }
    : status === 'submitted'
      ? { title: 'Nothing waiting for approval', text: 'Submitted invoices appear here.' }
      : status === 'approved'
        ? { title: 'Nothing to pay', text: 'Approved invoices wait here until marked paid.' }
        : { title: 'No invoices here', text: 'Contractors create invoices from QA-passed work.' };
  return (
    <div className="px-1 pb-8">
      <DataTable
        caption="Invoices"
        rows={list.data.items}
        rowKey={(i) => i.id}
        selectedKey={openId}
        onOpen={(i) => onOpen(i.id)}
        initialSort={{ key: 'updated', dir: 'desc' }}
        empty={
          <EmptyState icon={<Receipt size={24} />} title={empty.title}>
            {empty.text}
          </EmptyState>
        }
        columns={[
          {
            key: 'number',
            header: 'Invoice',
            cell: (i) => <span className="whitespace-nowrap font-medium">{i.label}</span>,
            sortValue: (i) => i.number ?? -1,
          },
          ...(mine
            ? []
            : [
                {
                  key: 'contractor',
                  header: 'Contractor',
                  cell: (i: InvoiceSummary) => i.contractor.name,
                  sortValue: (i: InvoiceSummary) => i.contractor.name.toLowerCase(),
                },
              ]),
          {
            key: 'period',
            header: 'Period',
            cell: (i) => (
              <span className="whitespace-nowrap text-muted">
                {formatPeriod(i.periodStart, i.periodEnd)}
              </span>
            ),
            sortValue: (i) => i.periodStart,
          },
          {
            key: 'status',
            header: 'Status',
            cell: (i) => <InvoiceStatusBadge status={i.status} />,
            sortValue: (i) => i.status,
          },
          {
            key: 'total',
            header: 'Total',
            cell: (i) => (
              <span className="tabular-nums">{formatMoney(i.totalMinor, i.currency)}</span>
            ),
            sortValue: (i) => i.totalMinor,
            className: 'text-right',
          },
          {
            key: 'updated',
            header: 'Last change',
            cell: (i) => (
              <span className="whitespace-nowrap text-xs text-muted">
                {formatInstant(i.updatedAt, tz)}
              </span>
            ),
            sortValue: (i) => i.updatedAt,
          },
        ]}
      />
    </div>
  );
}
