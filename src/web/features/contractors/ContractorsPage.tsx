import { useQueryClient } from '@tanstack/react-query';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { CsvImportExportMenu } from '../../components/CsvImportDialog';
import { Button, cx, PageHeader } from '../../components/ui';
import { useUrlState } from '../../lib/url-state';
import { AwayGrid } from '../availability/AwayGrid';
import { RateCardView } from '../rates/RateCardView';
import { CompareView } from './CompareView';
import { ContractorList } from './ContractorList';
import { ContractorPanel } from './ContractorPanel';
import { NewContractorDialog } from './NewContractorDialog';
import { useContractorAbilities, useSetSearch } from './shared';

const SEGMENTS = [
  { view: '', label: 'Contractors' },
  { view: 'away', label: "Who's away" },
  { view: 'rates', label: 'Rate card' },
] as const;

/** Contractors (R6/R9), the team's time away (R8) and the rate card (R7), one section. */
export function ContractorsPage() {
  const can = useContractorAbilities();
  const qc = useQueryClient();
  const [view] = useUrlState('view');
  const [compare] = useUrlState('compare');
  const [openId] = useUrlState('contractor');
  const setSearch = useSetSearch();
  const [creating, setCreating] = useState(false);
  const segment = view === 'pipeline' ? '' : view;
  const onRates = segment === 'rates';

  return (
    <>
      <PageHeader
        title="Contractors"
        subtitle={
          <nav aria-label="Contractor views" className="mt-1 flex gap-1">
            {SEGMENTS.map((s) => {
              const active = !compare && segment === s.view;
              return (
                <button
                  key={s.view}
                  type="button"
                  aria-current={active ? 'page' : undefined}
                  onClick={() =>
                    setSearch({
                      view: s.view || (view === 'pipeline' ? view : null),
                      compare: null,
                    })
                  }
                  className={cx(
                    'rounded px-2 py-0.5 text-xs',
                    active ? 'bg-sunken font-medium text-ink' : 'text-muted hover:text-ink',
                  )}
                >
                  {s.label}
                </button>
              );
            })}
          </nav>
        }
      >
        {onRates ? (
          <CsvImportExportMenu
            label="Rates"
            exportUrl={can.editRates ? '/api/rates/export.csv' : undefined}
            exportFilename="rates.csv"
            importUrl={can.editRates ? '/api/rates/import' : undefined}
            columnsHint="deliverable_type, contractor_email (empty for the default), amount, currency, effective_from (YYYY-MM-DD), note"
            onImported={() => {
              qc.invalidateQueries({ queryKey: ['rate-card'] });
              qc.invalidateQueries({ queryKey: ['contractor-rates'] });
            }}
          />
        ) : (
          <CsvImportExportMenu
            label="Contractors"
            exportUrl={can.manage ? '/api/contractors/export.csv' : undefined}
            exportFilename="contractors.csv"
            importUrl={can.manage ? '/api/contractors/import' : undefined}
            columnsHint="name, email (matches existing contractors), status, time_zone, country, skills (names separated by ;), weekly_capacity, capacity_unit, included_revision_rounds, payment_terms, currency, portfolio_links, notes"
            onImported={() => qc.invalidateQueries({ queryKey: ['contractors'] })}
          />
        )}
        {can.manage && !onRates ? (
          <Button variant="primary" onClick={() => setCreating(true)}>
            <Plus size={14} /> Add contractor
          </Button>
        ) : null}
      </PageHeader>
      {compare ? (
        <CompareView ids={compare.split(',').filter(Boolean)} />
      ) : segment === 'rates' ? (
        <RateCardView />
      ) : segment === 'away' ? (
        <AwayGrid />
      ) : (
        <ContractorList />
      )}
      {openId ? (
        <ContractorPanel
          contractorId={openId}
          onClose={() => setSearch({ contractor: null, tab: null })}
        />
      ) : null}
      <NewContractorDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          setSearch({ contractor: id, tab: null });
        }}
      />
    </>
  );
}
