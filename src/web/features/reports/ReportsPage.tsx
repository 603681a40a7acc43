import { Tabs } from '../../components/Tabs';
import { FilterSelect, Input, namedOptions, PageHeader } from '../../components/ui';
import { todayIn } from '../../lib/format';
import { useMe } from '../../lib/session';
import { useUrlPatch, useUrlState } from '../../lib/url-state';
import {
  useActiveContractors,
  useClients,
  useDeliverableTypes,
} from '../requests/useReferenceData';
import { ProcessHealthTab } from './ProcessHealthTab';
import { ScorecardsTab } from './ScorecardsTab';
import { SpendTab } from './SpendTab';
import { WorkloadTab } from './WorkloadTab';

const TABS = ['scorecards', 'process', 'spend', 'workload'] as const;

/** The default range: the first day of five months ago to the end of this month (as the API). */
function defaultRange(today: string) {
  const [y, m] = today.split('-').map(Number);
  const start = new Date(Date.UTC(y, m - 6, 1));
  const end = new Date(Date.UTC(y, m, 0));
  return { from: start.toISOString().slice(0, 10), to: end.toISOString().slice(0, 10) };
}

/** R32 reports: scorecards, process health, spend and workload, each a chart with its numbers. */
export function ReportsPage() {
  const me = useMe();
  const tz = me.data?.current?.workspaceTimeZone ?? 'UTC';
  const today = todayIn(tz);
  const d = defaultRange(today);
  const [tab, setTab] = useUrlState('tab', 'scorecards');
  const [from] = useUrlState('from', d.from);
  const [to] = useUrlState('to', d.to);
  const [clientId, setClientId] = useUrlState('client');
  const [contractorId, setContractorId] = useUrlState('contractor');
  const [typeId, setTypeId] = useUrlState('type');
  const patch = useUrlPatch();
  const clients = useClients();
  const contractors = useActiveContractors();
  const types = useDeliverableTypes();
  const current = (TABS as readonly string[]).includes(tab) ? tab : 'scorecards';
  const workloadFrom = from === d.from ? today : from;

  return (
    <>
      <PageHeader title="Reports" subtitle="Scorecards, process health, spend and workload (R32)">
        {current !== 'workload' ? (
          <>
            <label className="text-xs text-muted" htmlFor="report-from">
              From
            </label>
            <Input
              id="report-from"
              type="date"
              value={from}
              max={to}
              onChange={(e) => patch({ from: e.target.value || null })}
              className="w-36"
            />
            <label className="text-xs text-muted" htmlFor="report-to">
              to
            </label>
            <Input
              id="report-to"
              type="date"
              value={to}
              min={from}
              onChange={(e) => patch({ to: e.target.value || null })}
              className="w-36"
            />
          </>
        ) : (
          <>
            <label className="text-xs text-muted" htmlFor="report-week">
              Starting the week of
            </label>
            <Input
              id="report-week"
              type="date"
              value={workloadFrom}
              onChange={(e) => patch({ from: e.target.value || null })}
              className="w-36"
            />
          </>
        )}
        {current === 'process' ? (
          <FilterSelect
            id="report-client"
            label="Client"
            allLabel="All clients"
            value={clientId}
            onChange={setClientId}
            options={namedOptions(clients.data?.items)}
            className="w-44"
          />
        ) : null}
        {current === 'scorecards' ? (
          <>
            <FilterSelect
              id="report-contractor"
              label="Contractor"
              allLabel="All contractors"
              value={contractorId}
              onChange={setContractorId}
              options={namedOptions(contractors.data?.items)}
              className="w-44"
            />
            <FilterSelect
              id="report-type"
              label="Deliverable type"
              allLabel="All deliverable types"
              value={typeId}
              onChange={setTypeId}
              options={namedOptions(types.data?.items)}
              className="w-44"
            />
          </>
        ) : null}
      </PageHeader>
      <Tabs
        value={current}
        onChange={(v) => setTab(v === 'scorecards' ? null : v)}
        tabs={[
          {
            value: 'scorecards',
            label: 'Scorecards',
            content: (
              <Panel>
                <ScorecardsTab
                  from={from}
                  to={to}
                  contractorId={contractorId}
                  deliverableTypeId={typeId}
                />
              </Panel>
            ),
          },
          {
            value: 'process',
            label: 'Process health',
            content: (
              <Panel>
                <ProcessHealthTab from={from} to={to} clientId={clientId} />
              </Panel>
            ),
          },
          {
            value: 'spend',
            label: 'Spend',
            content: (
              <Panel>
                <SpendTab from={from} to={to} />
              </Panel>
            ),
          },
          {
            value: 'workload',
            label: 'Workload',
            content: (
              <Panel>
                <WorkloadTab from={workloadFrom} />
              </Panel>
            ),
          },
        ]}
      />
    </>
  );
}

function Panel({ children }: { children: React.ReactNode }) {
  return <div className="p-4 sm:p-5">{children}</div>;
}
