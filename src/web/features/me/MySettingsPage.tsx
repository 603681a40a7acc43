import { PageHeader } from '../../components/ui';
import { FeedsPanel } from '../settings/FeedsPanel';
import { NotificationsPanel } from '../settings/NotificationsPanel';
import { TokensPanel } from '../settings/TokensPanel';

/** Personal settings every role can reach: notifications, calendar feeds, API tokens. */
export function MySettingsPage() {
  return (
    <>
      <PageHeader
        title="My settings"
        subtitle="What you hear about and where, your calendar links and your API tokens."
      />
      <div className="grid items-start gap-6 p-5 xl:grid-cols-2">
        <NotificationsPanel />
        <div className="flex flex-col gap-6">
          <FeedsPanel />
          <TokensPanel />
        </div>
      </div>
    </>
  );
}
