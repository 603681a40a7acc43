import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Briefcase, Plus } from 'lucide-react';
import { useState } from 'react';
import type { Client } from '../../../contracts/clients';
import { CsvImportExportMenu } from '../../components/CsvImportDialog';
import { DataTable } from '../../components/DataTable';
import {
  Button,
  EmptyState,
  ErrorNotice,
  type FilterOption,
  FilterSelect,
  Input,
  PageHeader,
  Select,
  Spinner,
} from '../../components/ui';
import { api } from '../../lib/api';
import { useMe } from '../../lib/session';
import { useUrlState } from '../../lib/url-state';
import { ClientPanel } from './ClientPanel';
import { CompletenessBadge, FitBadge } from './FitBadge';
import { NewClientDialog } from './NewClientDialog';

const FIT_OPTIONS: FilterOption[] = [
  { value: 'eligible', label: 'Fit' },
  { value: 'eligible_with_cautions', label: 'Fit with cautions' },
  { value: 'not_eligible', label: 'Not fit' },
];

export function ClientsPage() {
  const me = useMe();
  const [q, setQ] = useUrlState('q');
  const [fit, setFit] = useUrlState('fit');
  const [archived, setArchived] = useUrlState('archived', 'false');
  const [openId, setOpenId] = useUrlState('client');
  const [creating, setCreating] = useState(false);
  const params = new URLSearchParams({ limit: '200', archived });
  if (q) params.set('q', q);
  if (fit) params.set('fit', fit);
  const list = useQuery({
    queryKey: ['clients', q, fit, archived],
    queryFn: () => api<{ items: Client[] }>(`/api/clients?${params}`),
    placeholderData: (prev) => prev,
  });
  const canCreate = ['admin', 'coordinator', 'strategist'].includes(me.data?.current?.role ?? '');
  const canImport = ['admin', 'coordinator'].includes(me.data?.current?.role ?? '');
  const qc = useQueryClient();

  return (
    <>
      <PageHeader title="Clients" subtitle="Contracting fit (R1/R2) and one-sheeters (R3/R4)">
        <label className="sr-only" htmlFor="client-search">
          Search clients
        </label>
        <Input
          id="client-search"
          placeholder="Search…"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          className="w-48"
        />
        <FilterSelect
          id="fit-filter"
          label="Fit"
          allLabel="Any fit"
          value={fit}
          onChange={setFit}
          options={FIT_OPTIONS}
          className="w-44"
        />
        <label className="sr-only" htmlFor="archived-filter">
          Archived
        </label>
        <Select
          id="archived-filter"
          value={archived}
          onChange={(e) => setArchived(e.target.value)}
          className="w-32"
        >
          <option value="false">Active</option>
          <option value="true">Archived</option>
          <option value="all">All</option>
        </Select>
        <CsvImportExportMenu
          label="Clients"
          exportUrl={canCreate ? '/api/clients/export.csv' : undefined}
          exportFilename="clients.csv"
          importUrl={canImport ? '/api/clients/import' : undefined}
          columnsHint="name, category, tier, typical_revision_rounds, collateral_ready, strategist_email, notes, archived (existing names are updated)"
          onImported={() => qc.invalidateQueries({ queryKey: ['clients'] })}
        />
        {canCreate ? (
          <Button variant="primary" onClick={() => setCreating(true)}>
            <Plus size={14} /> New client
          </Button>
        ) : null}
      </PageHeader>
      {list.isPending ? (
        <div className="p-5">
          <Spinner label="Loading clients" />
        </div>
      ) : list.isError ? (
        <ErrorNotice error={list.error} />
      ) : (
        <DataTable
          caption="Clients"
          rows={list.data.items}
          rowKey={(c) => c.id}
          selectedKey={openId}
          onOpen={(c) => setOpenId(c.id)}
          initialSort={{ key: 'name', dir: 'asc' }}
          empty={
            <EmptyState
              icon={<Briefcase size={24} />}
              title={q || fit ? 'No client matches' : 'No clients yet'}
            >
              {q || fit
                ? 'Try another search or filter.'
                : 'Add your first client, then write its one-sheeter: nothing can be assigned to a contractor without it (R4).'}
            </EmptyState>
          }
          columns={[
            {
              key: 'name',
              header: 'Client',
              cell: (c) => <span className="font-medium">{c.name}</span>,
              sortValue: (c) => c.name.toLowerCase(),
            },
            {
              key: 'fit',
              header: 'Fit',
              cell: (c) => <FitBadge fit={c.fit} />,
              sortValue: (c) => c.fit.status,
            },
            {
              key: 'category',
              header: 'Company / tier',
              cell: (c) => (
                <span className="text-muted">
                  {c.companyCategory} · tier {c.departmentTier}
                </span>
              ),
              sortValue: (c) => `${c.companyCategory}${c.departmentTier}`,
            },
            {
              key: 'brief',
              header: 'One-sheeter',
              cell: (c) => <CompletenessBadge oneSheeter={c.oneSheeter} />,
              sortValue: (c) => c.oneSheeter?.completeness.filled ?? -1,
            },
            {
              key: 'strategist',
              header: 'Strategist',
              cell: (c) => c.strategist?.name ?? <span className="text-muted">—</span>,
              sortValue: (c) => c.strategist?.name ?? null,
            },
            {
              key: 'rounds',
              header: 'Typical rounds',
              cell: (c) => c.typicalRevisionRounds,
              sortValue: (c) => c.typicalRevisionRounds,
              className: 'text-right',
            },
          ]}
        />
      )}
      {openId ? <ClientPanel clientId={openId} onClose={() => setOpenId(null)} /> : null}
      <NewClientDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setOpenId(id);
        }}
      />
    </>
  );
}
