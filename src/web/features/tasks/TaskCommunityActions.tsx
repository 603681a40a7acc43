import { useState } from 'react';
import type { TaskDetail } from '../../../contracts/tasks';
import { Button } from '../../components/ui';
import { useMe } from '../../lib/session';
import { EscalateDialog } from '../escalations/EscalateDialog';
import { KudosDialog } from '../escalations/KudosDialog';

/** R24/R25 from the task itself: anyone may escalate; strategists and coordinators give kudos. */
export function TaskCommunityActions({ task: t }: { task: TaskDetail }) {
  const me = useMe();
  const role = me.data?.current?.role;
  const [open, setOpen] = useState<'escalate' | 'kudos' | null>(null);
  const mayRecognise = role === 'strategist' || role === 'coordinator' || role === 'admin';
  return (
    <>
      <Button size="sm" variant="ghost" onClick={() => setOpen('escalate')}>
        Escalate…
      </Button>
      {mayRecognise ? (
        <Button size="sm" variant="ghost" onClick={() => setOpen('kudos')}>
          Kudos / feedback…
        </Button>
      ) : null}
      <EscalateDialog
        open={open === 'escalate'}
        onClose={() => setOpen(null)}
        taskId={t.id}
        taskTitle={t.title}
        contractorId={t.contractor.id}
        contractorName={t.contractor.name}
      />
      {mayRecognise ? (
        <KudosDialog
          open={open === 'kudos'}
          onClose={() => setOpen(null)}
          contractorId={t.contractor.id}
          contractorName={t.contractor.name}
          taskId={t.id}
        />
      ) : null}
    </>
  );
}
