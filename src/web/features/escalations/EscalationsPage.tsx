import { useQuery } from '@tanstack/react-query';
import { Plus, Siren } from 'lucide-react';
import { useMemo, useState } from 'react';
import type { Escalation } from '../../../contracts/community';
import { DataTable } from '../../components/DataTable';
import { Tabs } from '../../components/Tabs';
import { Button, EmptyState, ErrorNotice, PageHeader, Select, Spinner } from '../../components/ui';
import { api } from '../../lib/api';
import { formatInstant } from '../../lib/format';
import { useMe } from '../../lib/session';
import { useUrlState } from '../../lib/url-state';
import { WeeklyUpdatesView } from '../weekly-updates/WeeklyUpdatesView';
import { EscalateDialog } from './EscalateDialog';
import { EscalationPanel } from './EscalationPanel';
import { ProcessOwnerLine } from './ProcessOwnerLine';
import {
  aboutText,
  ageOf,
  categoryLabel,
  EscalationStatusBadge,
  SEVERITY_RANK,
  SeverityBadge,
  triageOrder,
} from './shared';

const UPDATE_READERS = ['admin', 'coordinator', 'strategist'];

/**
 * `/escalations`: the escalations (R24), open ones first, with a side panel to handle them; for
 * staff who follow contractors, a second tab with the weekly updates (R25).
 */
export function EscalationsPage() {
  const me = useMe();
  const role = me.data?.current?.role ?? 'contractor';
  const [view, setView] = useUrlState('view', 'escalations');
  const showUpdates = UPDATE_READERS.includes(role);
  if (!showUpdates) return <EscalationsView />;
  return (
    <>
      <PageHeader
        title="Escalations"
        subtitle="Contractor-related issues until they are resolved (R24), and weekly updates (R25)"
      />
      <Tabs
        value={view}
        onChange={setView}
        tabs={[
          { value: 'escalations', label: 'Escalations', content: <EscalationsView embedded /> },
          { value: 'updates', label: 'Weekly updates', content: <WeeklyUpdatesView /> },
        ]}
      />
    </>
  );
}

function EscalationsView({ embedded }: { embedded?: boolean }) {
  const me = useMe();
  const tz = me.data?.current?.timeZone ?? 'UTC';
  const role = me.data?.current?.role ?? 'contractor';
  const handler = role === 'admin' || role === 'coordinator';
  const [status, setStatus] = useUrlState('status', 'unresolved');
  const [openId, setOpenId] = useUrlState('escalation');
  const [creating, setCreating] = useState(false);
  const list = useQuery({
    queryKey: ['escalations', 'list', status],
    queryFn: () =>
      api<{ items: Escalation[] }>(
        `/api/escalations?limit=200${status === 'all' ? '' : `&status=${status}`}`,
      ),
    placeholderData: (prev) => prev,
  });
  const rows = useMemo(() => [...(list.data?.items ?? [])].sort(triageOrder), [list.data]);

  const controls = (
    <>
      <label className="sr-only" htmlFor="escalation-status">
        Status
      </label>
      <Select
        id="escalation-status"
        value={status}
        onChange={(e) => setStatus(e.target.value)}
        className="w-40"
      >
        <option value="unresolved">Open & acknowledged</option>
        <option value="open">Open</option>
        <option value="acknowledged">Acknowledged</option>
        <option value="resolved">Resolved</option>
        <option value="all">All</option>
      </Select>
      <Button variant="primary" onClick={() => setCreating(true)}>
        <Plus size={14} /> Escalate
      </Button>
    </>
  );

  return (
    <>
      {embedded ? (
        <div className="flex flex-wrap items-center justify-between gap-2 px-5 py-2">
          <ProcessOwnerLine editable={role === 'admin'} />
          <div className="flex items-center gap-2">{controls}</div>
        </div>
      ) : (
        <>
          <PageHeader
            title="Escalations"
            subtitle={
              handler
                ? 'Contractor-related issues, open until resolved with notes (R24)'
                : 'Issues you escalated and what was done about them (R24)'
            }
          >
            {controls}
          </PageHeader>
          <div className="px-5 py-2">
            <ProcessOwnerLine editable={false} />
          </div>
        </>
      )}
      {list.isPending ? (
        <div className="p-5">
          <Spinner label="Loading escalations" />
        </div>
      ) : list.isError ? (
        <ErrorNotice error={list.error} />
      ) : (
        <DataTable
          caption="Escalations"
          rows={rows}
          rowKey={(e) => e.id}
          selectedKey={openId}
          onOpen={(e) => setOpenId(e.id)}
          empty={
            <EmptyState
              icon={<Siren size={24} />}
              title={status === 'resolved' ? 'Nothing resolved yet' : 'No open escalations'}
              action={
                <Button onClick={() => setCreating(true)}>
                  <Plus size={14} /> Escalate an issue
                </Button>
              }
            >
              Missed deadline, quality, communication, scope or payment: escalate it here and it
              reaches the process owner at once.
            </EmptyState>
          }
          columns={[
            {
              key: 'severity',
              header: 'Severity',
              cell: (e) => <SeverityBadge severity={e.severity} />,
              sortValue: (e) => SEVERITY_RANK[e.severity],
            },
            {
              key: 'category',
              header: 'Issue',
              cell: (e) => <span className="font-medium">{categoryLabel(e)}</span>,
              sortValue: (e) => e.category,
            },
            {
              key: 'about',
              header: 'About',
              cell: (e) => (
                <span className="block max-w-[28rem] truncate text-muted">{aboutText(e)}</span>
              ),
              sortValue: (e) => aboutText(e).toLowerCase(),
            },
            {
              key: 'opened',
              header: 'Opened',
              cell: (e) => (
                <time dateTime={e.openedAt} title={formatInstant(e.openedAt, tz)}>
                  opened {ageOf(e.openedAt, tz)}
                </time>
              ),
              sortValue: (e) => e.openedAt,
            },
            {
              key: 'by',
              header: 'By',
              cell: (e) => e.openedBy.name,
              sortValue: (e) => e.openedBy.name,
            },
            {
              key: 'status',
              header: 'Status',
              cell: (e) => <EscalationStatusBadge status={e.status} />,
              sortValue: (e) => e.status,
            },
          ]}
        />
      )}
      {openId ? <EscalationPanel id={openId} onClose={() => setOpenId(null)} /> : null}
      <EscalateDialog
        open={creating}
        onClose={() => setCreating(false)}
        onOpened={(e) => setOpenId(e.id)}
      />
    </>
  );
}
