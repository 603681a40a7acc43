import { useQuery } from '@tanstack/react-query';
import { Inbox, Plus } from 'lucide-react';
import type { z } from 'zod';
import type { RequestList } from '../../../contracts/requests';
import { DataTable } from '../../components/DataTable';
import { DueDate } from '../../components/DueDate';
import {
  Badge,
  Button,
  EmptyState,
  ErrorNotice,
  Input,
  PageHeader,
  Select,
  Spinner,
} from '../../components/ui';
import { api } from '../../lib/api';
import { useMe } from '../../lib/session';
import { useUrlPatch, useUrlState } from '../../lib/url-state';
import { LeadBadge, OneSheeterBadge } from './badges';
import { RequestForm } from './RequestForm';
import { RequestPanel } from './RequestPanel';

type List = z.infer<typeof RequestList>;

const FIT_TONE = { eligible: 'ok', eligible_with_cautions: 'warn', not_eligible: 'bad' } as const;

/** Intake and triage: waiting requests sorted by due date with their R11/R1/R4 badges. */
export function RequestsPage() {
  const me = useMe();
  const [status, setStatus] = useUrlState('status', 'submitted');
  const [month, setMonth] = useUrlState('month');
  const [openId, setOpenId] = useUrlState('request');
  const [creating, setCreating] = useUrlState('new');
  const patchUrl = useUrlPatch();
  const params = new URLSearchParams({ limit: '200' });
  if (status !== 'all') params.set('status', status);
  if (month) params.set('month', month);
  const list = useQuery({
    queryKey: ['requests', status, month],
    queryFn: () => api<List>(`/api/requests?${params}`),
    placeholderData: (prev) => prev,
  });
  const role = me.data?.current?.role;
  const isTriage = role === 'coordinator' || role === 'admin';

  return (
    <>
      <PageHeader
        title={isTriage ? 'Requests · triage' : 'Requests'}
        subtitle="Submit at least 7 days before the due date — 14 preferred (R11)"
      >
        <label className="sr-only" htmlFor="status-filter">
          Status
        </label>
        <Select
          id="status-filter"
          value={status}
          onChange={(e) => setStatus(e.target.value)}
          className="w-36"
        >
          <option value="submitted">Waiting</option>
          <option value="assigned">Assigned</option>
          <option value="declined">Declined</option>
          <option value="cancelled">Cancelled</option>
          <option value="all">All</option>
        </Select>
        <label className="sr-only" htmlFor="month-filter">
          Month
        </label>
        <Input
          id="month-filter"
          type="month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          className="w-40"
        />
        <Button variant="primary" onClick={() => setCreating('1')}>
          <Plus size={14} /> New request
        </Button>
      </PageHeader>
      {list.isPending ? (
        <div className="p-5">
          <Spinner label="Loading requests" />
        </div>
      ) : list.isError ? (
        <ErrorNotice error={list.error} />
      ) : (
        <DataTable
          caption="Requests"
          rows={list.data.items}
          rowKey={(r) => r.id}
          selectedKey={openId}
          onOpen={(r) => setOpenId(r.id)}
          initialSort={{ key: 'due', dir: 'asc' }}
          empty={
            <EmptyState
              icon={<Inbox size={24} />}
              title={status === 'submitted' ? 'Nothing waiting for triage' : 'No requests here'}
            >
              Strategists submit work with “New request”. Every month's repeat work goes through a
              request too (R12), so every assignment has a record.
            </EmptyState>
          }
          columns={[
            {
              key: 'client',
              header: 'Client',
              cell: (r) => <span className="font-medium">{r.client.name}</span>,
              sortValue: (r) => r.client.name.toLowerCase(),
            },
            {
              key: 'items',
              header: 'Deliverables',
              cell: (r) => <span className="text-muted">{r.itemsSummary}</span>,
            },
            {
              key: 'due',
              header: 'Due',
              cell: (r) => <DueDate date={r.dueDate} done={r.status !== 'submitted'} />,
              sortValue: (r) => r.dueDate,
            },
            {
              key: 'lead',
              header: 'Lead time',
              cell: (r) => <LeadBadge lead={r.lead} />,
              sortValue: (r) => r.lead.days,
            },
            {
              key: 'fit',
              header: 'Fit',
              cell: (r) => (
                <Badge
                  tone={r.fit.assignable ? FIT_TONE[r.fit.status] : 'bad'}
                  title={r.fit.cautions.join('\n')}
                >
                  {r.fit.assignable
                    ? r.fit.cautions.length
                      ? 'Fit · cautions'
                      : 'Fit'
                    : 'Not fit'}
                </Badge>
              ),
            },
            {
              key: 'brief',
              header: 'One-sheeter',
              cell: (r) => <OneSheeterBadge oneSheeter={r.oneSheeter} />,
            },
            {
              key: 'status',
              header: 'Status',
              cell: (r) => (
                <Badge
                  tone={
                    r.status === 'assigned' ? 'ok' : r.status === 'submitted' ? 'accent' : 'neutral'
                  }
                >
                  {r.status}
                </Badge>
              ),
              sortValue: (r) => r.status,
            },
            {
              key: 'by',
              header: 'Submitted by',
              cell: (r) => <span className="text-muted">{r.submittedBy.name}</span>,
            },
          ]}
        />
      )}
      {openId ? <RequestPanel requestId={openId} onClose={() => setOpenId(null)} /> : null}
      {creating ? (
        <RequestForm
          onClose={() => setCreating(null)}
          onCreated={(id) => patchUrl({ new: null, request: id })}
        />
      ) : null}
    </>
  );
}
