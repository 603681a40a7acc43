import { PageHeader } from '../../components/ui';
import { ChecklistsPanel } from './ChecklistsPanel';
import { FeedsPanel } from './FeedsPanel';
import { MembersPanel } from './MembersPanel';
import { NotificationsPanel } from './NotificationsPanel';
import { SlackPanel } from './SlackPanel';
import { TokensPanel } from './TokensPanel';
import { WebhooksPanel } from './WebhooksPanel';
import { WorkspacePanel } from './WorkspacePanel';

export function SettingsPage() {
  return (
    <>
      <PageHeader
        title="Settings"
        subtitle="Workspace, business days, planning policy, people, Slack, webhooks and your own notifications."
      />
      <div className="grid items-start gap-6 p-5 xl:grid-cols-2">
        <WorkspacePanel />
        <MembersPanel />
        <ChecklistsPanel />
        <SlackPanel />
        <WebhooksPanel />
        <NotificationsPanel />
        <div className="flex flex-col gap-6">
          <FeedsPanel />
          <TokensPanel />
        </div>
      </div>
    </>
  );
}
