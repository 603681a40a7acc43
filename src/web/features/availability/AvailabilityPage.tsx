import { useQuery } from '@tanstack/react-query';
import { UserX } from 'lucide-react';
import type { ContractorProfile } from '../../../contracts/contractors';
import { EmptyState, ErrorNotice, Spinner } from '../../components/ui';
import { ApiError, api } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import { UNIT_LABEL } from '../contractors/shared';
import { useContractorRates } from '../rates/ContractorRatesTab';
import { formatDay } from './dates';
import { OwnProfileCard } from './OwnProfileCard';
import { UnavailabilityManager } from './UnavailabilityManager';

/**
 * The contractor portal's availability page (R8, R6, R7 for oneself): time away first, then the
 * profile and own rates. One column, 44 px touch targets: usable on a phone.
 */
export function AvailabilityPage() {
  const q = useQuery({
    queryKey: ['me-contractor'],
    queryFn: () => api<ContractorProfile>('/api/me/contractor'),
    retry: (n, e) => !(e instanceof ApiError && e.status === 404) && n < 2,
  });
  if (q.isPending)
    return (
      <div className="p-5">
        <Spinner label="Loading your profile" />
      </div>
    );
  if (q.isError) {
    if (q.error instanceof ApiError && q.error.status === 404)
      return (
        <EmptyState icon={<UserX size={24} />} title="Your contractor profile isn't linked yet">
          Ask your coordinator to link your sign-in to your contractor record; then your time away,
          rates and agreement show up here.
        </EmptyState>
      );
    return <ErrorNotice error={q.error} />;
  }
  const me = q.data;
  return (
    <div className="mx-auto flex w-full max-w-xl flex-col gap-8 px-4 py-5">
      <header>
        <h1 className="text-lg font-semibold">Availability</h1>
        <p className="text-sm text-muted">
          Tell the agency when you can't work. Due dates are never planned inside your time away.
        </p>
      </header>
      <section aria-labelledby="away-h" className="flex flex-col gap-3">
        <h2 id="away-h" className="text-base font-semibold">
          Your time away
        </h2>
        <UnavailabilityManager contractorId={me.id} canEdit={me.abilities.editAvailability} touch />
      </section>
      <OwnProfileCard profile={me} />
      <OwnRates contractorId={me.id} skills={me.skills} />
    </div>
  );
}

function OwnRates({ contractorId, skills }: { contractorId: string; skills: string[] }) {
  const q = useContractorRates(contractorId);
  const mine = new Set(skills);
  // Rates for one's skills, plus any negotiated one (it was agreed with this person).
  const items = (q.data?.items ?? []).filter(
    (i) => i.inForce && (mine.has(i.deliverableType.id) || i.inForce.source === 'negotiated'),
  );
  return (
    <section aria-labelledby="rates-h" className="flex flex-col gap-2">
      <h2 id="rates-h" className="text-base font-semibold">
        Your rates
      </h2>
      {q.isPending ? <Spinner label="Loading rates" /> : null}
      {q.isError ? <ErrorNotice error={q.error} /> : null}
      {q.data && items.length === 0 ? (
        <p className="text-sm text-muted">
          No rates for your skills yet; your coordinator sets them.
        </p>
      ) : null}
      <ul className="divide-y divide-line rounded-md border border-line">
        {items.map((i) => (
          <li key={i.deliverableType.id} className="flex items-center gap-3 px-3 py-3 text-sm">
            <span className="min-w-0 flex-1">
              <span className="block font-medium">{i.deliverableType.name}</span>
              <span className="text-xs text-muted">
                {UNIT_LABEL[i.deliverableType.unit]} · since {formatDay(i.inForce!.effectiveFrom)}
                {i.inForce!.source === 'negotiated' ? ' · agreed with you' : ''}
              </span>
            </span>
            <span className="text-base font-semibold tabular-nums">
              {formatMoney(i.inForce!.amountMinor, i.inForce!.currency)}
            </span>
          </li>
        ))}
      </ul>
      {q.data ? (
        <p className="text-xs text-muted">
          Work is paid at the rate in force on the day it was assigned to you.
        </p>
      ) : null}
    </section>
  );
}
