import type { TaskDetail } from '../../../contracts/tasks';
import { Button } from '../../components/ui';
import { useTaskCommand } from './task-command';

/** R17: the contractor confirms reading the brief before the first draft starts. */
export function AckBrief({ task }: { task: TaskDetail }) {
  const ack = useTaskCommand(task, `/api/tasks/${task.id}/acknowledge-brief`, {
    success: 'Brief acknowledged — the draft can start',
  });
  if (task.briefAcknowledgedAt) return null;
  return (
    <div
      className="flex flex-col gap-2 rounded-md border border-warn/40 bg-warn/5 p-3 text-sm"
      data-testid="brief-acknowledgement"
    >
      <p>
        {task.abilities.acknowledgeBrief
          ? 'Read the client brief (one-sheeter) under “Plan & brief”, then acknowledge it. Your draft can only start after that (R17).'
          : `Waiting for ${task.contractor.name} to acknowledge the brief (R17).`}
      </p>
      {task.abilities.acknowledgeBrief ? (
        <div>
          <Button variant="primary" busy={ack.isPending} onClick={() => ack.mutate({})}>
            I've read the brief
          </Button>
        </div>
      ) : null}
    </div>
  );
}
