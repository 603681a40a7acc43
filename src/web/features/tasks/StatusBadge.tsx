import type { TaskStatus } from '../../../domain/task-status';
import { TASK_STATUS_LABELS } from '../../../domain/task-status';
import { Badge } from '../../components/ui';

const TONES: Record<TaskStatus, 'neutral' | 'ok' | 'warn' | 'bad' | 'accent'> = {
  requested: 'neutral',
  scheduled: 'accent',
  in_production: 'accent',
  internal_review: 'warn',
  revision: 'warn',
  qa: 'warn',
  ready: 'ok',
  closed: 'neutral',
  cancelled: 'neutral',
};

export function StatusBadge({ status }: { status: TaskStatus }) {
  return <Badge tone={TONES[status]}>{TASK_STATUS_LABELS[status]}</Badge>;
}
