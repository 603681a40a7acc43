import { useQuery } from '@tanstack/react-query';
import type { ContractorProfile } from '../../../contracts/contractors';
import { SidePanel } from '../../components/SidePanel';
import { Tabs } from '../../components/Tabs';
import { ErrorNotice, Spinner } from '../../components/ui';
import { api } from '../../lib/api';
import { useUrlState } from '../../lib/url-state';
import { UnavailabilityManager } from '../availability/UnavailabilityManager';
import { RecognitionTab } from '../escalations/Recognition';
import { ContractorRatesTab } from '../rates/ContractorRatesTab';
import { ProfileTab } from './ProfileTab';
import { capacityText, localTime, StatusBadge, useMinuteClock } from './shared';
import { VettingTab } from './VettingTab';

/** One contractor in a side panel (`?contractor=<id>&tab=…`): profile, rates, time away, vetting. */
export function ContractorPanel({
  contractorId,
  onClose,
}: {
  contractorId: string;
  onClose: () => void;
}) {
  const [tab, setTab] = useUrlState('tab', 'profile');
  const now = useMinuteClock();
  const q = useQuery({
    queryKey: ['contractor', contractorId],
    queryFn: () => api<ContractorProfile>(`/api/contractors/${contractorId}`),
  });
  const c = q.data;
  return (
    <SidePanel
      open
      onClose={onClose}
      wide
      title={c?.name ?? 'Contractor'}
      description={
        c ? (
          <span className="flex flex-wrap items-center gap-x-2 gap-y-1 pt-1">
            <StatusBadge status={c.status} />
            <span>{capacityText(c)}</span>
            <span>
              · {c.timeZone} ({localTime(c.timeZone, now)})
            </span>
            {c.linked ? <span>· signed in to Handoff</span> : null}
          </span>
        ) : undefined
      }
    >
      {q.isPending ? (
        <div className="p-5">
          <Spinner label="Loading contractor" />
        </div>
      ) : q.isError ? (
        <ErrorNotice error={q.error} />
      ) : (
        <Tabs
          value={tab}
          onChange={setTab}
          tabs={[
            { value: 'profile', label: 'Profile', content: <ProfileTab contractor={q.data} /> },
            {
              value: 'rates',
              label: 'Rates',
              content: <ContractorRatesTab contractor={q.data} />,
            },
            {
              value: 'availability',
              label: 'Availability',
              content: (
                <div className="p-5">
                  <UnavailabilityManager
                    contractorId={contractorId}
                    canEdit={q.data.abilities.editAvailability}
                  />
                </div>
              ),
            },
            { value: 'vetting', label: 'Vetting', content: <VettingTab contractor={q.data} /> },
            {
              value: 'recognition',
              label: 'Recognition',
              content: <RecognitionTab contractorId={contractorId} contractorName={q.data.name} />,
            },
          ]}
        />
      )}
    </SidePanel>
  );
}
