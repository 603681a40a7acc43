import { PageHeader } from '../../components/ui';
import { MembersPanel } from './MembersPanel';
import { WorkspacePanel } from './WorkspacePanel';

export function SettingsPage() {
  return (
    <>
      <PageHeader
        title="Settings"
        subtitle="Workspace, business days, planning policy and people."
      />
      <div className="grid gap-6 p-5 xl:grid-cols-2">
        <WorkspacePanel />
        <MembersPanel />
      </div>
    </>
  );
}
