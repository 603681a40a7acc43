import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Columns3, GitCompareArrows, List, Users } from 'lucide-react';
import { useState } from 'react';
import { DataTable } from '../../components/DataTable';
import {
  Button,
  cx,
  EmptyState,
  ErrorNotice,
  type FilterOption,
  FilterSelect,
  Input,
  namedOptions,
  Spinner,
} from '../../components/ui';
import { api } from '../../lib/api';
import { useUrlState } from '../../lib/url-state';
import type { ContractorPage } from './list-cache';
import { PipelineBoard } from './PipelineBoard';
import {
  capacityText,
  localTime,
  ScoreAverage,
  STATUS_LABEL,
  STATUS_ORDER,
  StatusBadge,
  scorecardAverage,
  useContractorAbilities,
  useDeliverableTypes,
  useMinuteClock,
  useSetSearch,
} from './shared';

/** Contractors per page: a whole agency's roster in one, larger ones page in by name. */
const CONTRACTOR_PAGE = 200;
const IN_VETTING = 'applied,interviewed,references_checked,trial';
const STATUS_OPTIONS: FilterOption[] = [
  { value: IN_VETTING, label: 'In vetting' },
  ...STATUS_ORDER.map((s) => ({ value: s, label: STATUS_LABEL[s] })),
];

/** The contractor table (or pipeline board) with filters in the URL and row selection to compare. */
export function ContractorList() {
  const can = useContractorAbilities();
  const [q, setQ] = useUrlState('q');
  const [status, setStatus] = useUrlState('status');
  const [skill, setSkill] = useUrlState('skill');
  const [view] = useUrlState('view');
  const [openId] = useUrlState('contractor');
  const setSearch = useSetSearch();
  const pipeline = view === 'pipeline';
  const { types, names } = useDeliverableTypes();
  const now = useMinuteClock();
  const [selected, setSelected] = useState<string[]>([]);

  const params = new URLSearchParams({ limit: String(CONTRACTOR_PAGE) });
  if (q) params.set('q', q);
  if (status && !pipeline) params.set('status', status);
  if (skill) params.set('skill', skill);
  const list = useInfiniteQuery({
    queryKey: ['contractors', 'list', q, pipeline ? '' : status, skill],
    queryFn: ({ pageParam }) =>
      api<ContractorPage>(
        `/api/contractors?${params}${pageParam ? `&cursor=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const contractors = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(q || status || skill);
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => (on ? [...s, id] : s.filter((x) => x !== id)));
  const open = (id: string) => setSearch({ contractor: id, tab: null });

  return (
    <>
      <div className="flex flex-wrap items-center gap-2 border-b border-line px-5 py-2">
        <div className="w-56">
          <label className="sr-only" htmlFor="contractor-search">
            Search contractors
          </label>
          <Input
            id="contractor-search"
            placeholder="Search name or e-mail…"
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
        </div>
        {pipeline ? null : (
          <div className="w-44">
            <FilterSelect
              id="status-filter"
              label="Status"
              allLabel="Any status"
              value={status}
              onChange={setStatus}
              options={STATUS_OPTIONS}
            />
          </div>
        )}
        <div className="w-56">
          <FilterSelect
            id="skill-filter"
            label="Skill"
            allLabel="Any skill"
            value={skill}
            onChange={setSkill}
            options={namedOptions(types)}
          />
        </div>
        <div className="ml-auto flex items-center gap-2">
          {!pipeline && selected.length > 0 ? (
            <Button
              size="sm"
              variant="primary"
              disabled={selected.length < 2 || selected.length > 4}
              title="Pick 2 to 4 contractors"
              onClick={() => setSearch({ compare: selected.join(',') })}
            >
              <GitCompareArrows size={14} /> Compare {selected.length}
            </Button>
          ) : null}
          <fieldset className="flex rounded-md border border-line p-0.5">
            <legend className="sr-only">Layout</legend>
            {[
              { v: null, label: 'Table', icon: <List size={14} /> },
              { v: 'pipeline', label: 'Pipeline', icon: <Columns3 size={14} /> },
            ].map((o) => (
              <button
                key={o.label}
                type="button"
                aria-pressed={(o.v === 'pipeline') === pipeline}
                onClick={() => setSearch({ view: o.v })}
                className={cx(
                  'flex items-center gap-1 rounded px-2 py-0.5 text-xs',
                  (o.v === 'pipeline') === pipeline ? 'bg-sunken text-ink' : 'text-muted',
                )}
              >
                {o.icon} {o.label}
              </button>
            ))}
          </fieldset>
        </div>
      </div>
      {list.isPending ? (
        <div className="p-5">
          <Spinner label="Loading contractors" />
        </div>
      ) : list.isError ? (
        <ErrorNotice error={list.error} />
      ) : contractors.length === 0 ? (
        <EmptyState
          icon={<Users size={24} />}
          title={filtered ? 'No contractor matches' : 'No contractors yet'}
        >
          {filtered
            ? 'Try another search or filter.'
            : can.manage
              ? 'Add your first candidate with "Add contractor", or import a CSV. Each one moves through applied → interviewed → references checked → trial → active before taking work (R9).'
              : 'A coordinator adds contractors here; they show up once added.'}
        </EmptyState>
      ) : pipeline ? (
        <PipelineBoard contractors={contractors} names={names} canMove={can.manage} />
      ) : (
        <DataTable
          caption="Contractors"
          rows={contractors}
          rowKey={(c) => c.id}
          selectedKey={openId}
          onOpen={(c) => open(c.id)}
          initialSort={{ key: 'name', dir: 'asc' }}
          columns={[
            {
              key: 'pick',
              header: 'Compare',
              className: 'w-10',
              cell: (c) => (
                <input
                  type="checkbox"
                  aria-label={`Select ${c.name} to compare`}
                  checked={selected.includes(c.id)}
                  onClick={(e) => e.stopPropagation()}
                  onKeyDown={(e) => e.stopPropagation()}
                  onChange={(e) => toggle(c.id, e.target.checked)}
                />
              ),
            },
            {
              key: 'name',
              header: 'Name',
              cell: (c) => (
                <span className="flex flex-col">
                  <span className="font-medium">{c.name}</span>
                  <span className="text-xs text-muted">{c.email}</span>
                </span>
              ),
              sortValue: (c) => c.name.toLowerCase(),
            },
            {
              key: 'status',
              header: 'Status',
              cell: (c) => <StatusBadge status={c.status} />,
              sortValue: (c) => STATUS_ORDER.indexOf(c.status),
            },
            {
              key: 'skills',
              header: 'Skills',
              cell: (c) => (
                <span className="line-clamp-2 max-w-80 text-muted">
                  {c.skills.map((s) => names.get(s) ?? 'Archived type').join(', ') || '—'}
                </span>
              ),
              sortValue: (c) => c.skills.length,
            },
            {
              key: 'tz',
              header: 'Time zone · now',
              cell: (c) => (
                <span className="flex flex-col whitespace-nowrap">
                  <span>{localTime(c.timeZone, now)}</span>
                  <span className="text-xs text-muted">{c.timeZone}</span>
                </span>
              ),
              sortValue: (c) => c.timeZone,
            },
            {
              key: 'capacity',
              header: 'Capacity',
              cell: (c) => <span className="whitespace-nowrap">{capacityText(c)}</span>,
              sortValue: (c) => c.weeklyCapacity,
              className: 'text-right',
            },
            {
              key: 'score',
              header: 'Scorecard',
              cell: (c) => <ScoreAverage scorecard={c.scorecard} />,
              sortValue: (c) => scorecardAverage(c.scorecard),
              className: 'text-right',
            },
          ]}
        />
      )}
      {list.hasNextPage ? (
        <div className="flex items-center justify-center gap-3 border-t border-line px-5 py-3 text-sm text-muted">
          <span>Showing the first {contractors.length} (by name)</span>
          <Button size="sm" onClick={() => list.fetchNextPage()} busy={list.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      ) : null}
    </>
  );
}
