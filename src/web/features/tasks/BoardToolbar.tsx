import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button, FilterSelect, Input, namedOptions, Select } from '../../components/ui';
import { useUrlState } from '../../lib/url-state';
import { useActiveContractors, useClients, useStrategists } from '../requests/useReferenceData';
import { shiftMonth } from './board-month';

/**
 * The board's view, month and filters. Each lives in the URL (the page reads the same params), so
 * a copied link opens the same board; the month param is dropped for the current month. On a
 * phone the controls stack full width; from md up they share one row, as on every page header.
 */
export function BoardToolbar({ month, thisMonth }: { month: string; thisMonth: string }) {
  const [view, setView] = useUrlState('view', 'board');
  const [, setMonthParam] = useUrlState('month');
  const [clientId, setClientId] = useUrlState('clientId');
  const [contractorId, setContractorId] = useUrlState('contractorId');
  const [strategistUserId, setStrategistUserId] = useUrlState('strategistUserId');
  const clients = useClients();
  const contractors = useActiveContractors();
  const strategists = useStrategists();
  const setMonth = (next: string) => setMonthParam(next === thisMonth ? null : next);
  return (
    <div className="flex w-full flex-wrap items-center gap-2 md:w-auto md:flex-nowrap">
      <label className="sr-only" htmlFor="board-view">
        View
      </label>
      <Select
        id="board-view"
        value={view}
        onChange={(e) => setView(e.target.value)}
        className="w-28"
      >
        <option value="board">Board</option>
        <option value="list">List</option>
      </Select>
      <div className="flex items-center gap-1">
        <Button
          size="sm"
          variant="ghost"
          aria-label="Previous month"
          onClick={() => setMonth(shiftMonth(month, -1))}
        >
          <ChevronLeft size={16} />
        </Button>
        <label className="sr-only" htmlFor="board-month">
          Month
        </label>
        <Input
          id="board-month"
          type="month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          className="w-40"
        />
        <Button
          size="sm"
          variant="ghost"
          aria-label="Next month"
          onClick={() => setMonth(shiftMonth(month, 1))}
        >
          <ChevronRight size={16} />
        </Button>
      </div>
      <FilterSelect
        id="board-client"
        label="Client"
        allLabel="All clients"
        value={clientId}
        onChange={setClientId}
        options={namedOptions(clients.data?.items)}
        className="w-44"
      />
      <FilterSelect
        id="board-contractor"
        label="Contractor"
        allLabel="All contractors"
        value={contractorId}
        onChange={setContractorId}
        options={namedOptions(contractors.data?.items)}
        className="w-44"
      />
      <FilterSelect
        id="board-strategist"
        label="Strategist"
        allLabel="All strategists"
        value={strategistUserId}
        onChange={setStrategistUserId}
        options={strategists.data?.map((m) => ({ value: m.userId, label: m.name }))}
        className="w-44"
      />
    </div>
  );
}
