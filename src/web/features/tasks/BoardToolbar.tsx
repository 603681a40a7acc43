import { ChevronLeft, ChevronRight } from 'lucide-react';
import { Button, Input, Select } from '../../components/ui';
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
      <label className="sr-only" htmlFor="board-client">
        Client
      </label>
      <Select
        id="board-client"
        value={clientId}
        onChange={(e) => setClientId(e.target.value)}
        className="w-44"
      >
        <option value="">All clients</option>
        {clients.data?.items.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      <label className="sr-only" htmlFor="board-contractor">
        Contractor
      </label>
      <Select
        id="board-contractor"
        value={contractorId}
        onChange={(e) => setContractorId(e.target.value)}
        className="w-44"
      >
        <option value="">All contractors</option>
        {contractors.data?.items.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </Select>
      <label className="sr-only" htmlFor="board-strategist">
        Strategist
      </label>
      <Select
        id="board-strategist"
        value={strategistUserId}
        onChange={(e) => setStrategistUserId(e.target.value)}
        className="w-44"
      >
        <option value="">All strategists</option>
        {strategists.data?.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.name}
          </option>
        ))}
      </Select>
    </div>
  );
}
