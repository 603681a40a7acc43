import { z } from 'zod';
import { MonthSchema } from './requests';
import { TaskListItem } from './tasks';

/**
 * The board of one month, whole: every parent task due that month with its client, contractor
 * and next open subtask (GET /api/tasks/board). Bounded by the month, not by a page size, so the
 * board never shows a silently cut list; `truncated` says if the safety cap was ever reached.
 */
export const BoardQuery = z.object({
  month: MonthSchema,
  clientId: z.string().min(1).max(64).optional(),
  contractorId: z.string().min(1).max(64).optional(),
  strategistUserId: z.string().min(1).max(64).optional(),
});

export const BOARD_MAX_TASKS = 5000;

export const BoardResponse = z.object({
  month: z.string(),
  items: z.array(TaskListItem),
  /** True when the month holds more than BOARD_MAX_TASKS tasks (then narrow by client). */
  truncated: z.boolean(),
});
export type BoardResponse = z.infer<typeof BoardResponse>;
