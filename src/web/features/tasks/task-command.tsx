import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';
import { toast } from 'sonner';
import type { TaskDetail } from '../../../contracts/tasks';
import type { HistoryEntry } from '../../../contracts/workflow';
import { ApiError, errorMessage, post } from '../../lib/api';

/**
 * Every workflow command on a task sends the version the person saw. When someone else changed the
 * task meanwhile (409 STALE_VERSION), the panel shows who changed what and refreshes, while the
 * form keeps what the person typed so they can check and send again.
 */

export interface StaleNoticeData {
  message: string;
  changes: HistoryEntry[];
  /** The status the person was looking at, to highlight a change of it. */
  seenStatus: string;
}

interface StaleContextValue {
  notice: StaleNoticeData | null;
  report: (err: ApiError, seenStatus: string) => void;
  dismiss: () => void;
}

const StaleContext = createContext<StaleContextValue>({
  notice: null,
  report: () => {},
  dismiss: () => {},
});

export function StaleProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<StaleNoticeData | null>(null);
  const report = useCallback((err: ApiError, seenStatus: string) => {
    const changes = (err.details?.changes as HistoryEntry[] | undefined) ?? [];
    setNotice({ message: err.message, changes, seenStatus });
  }, []);
  const dismiss = useCallback(() => setNotice(null), []);
  return (
    <StaleContext.Provider value={{ notice, report, dismiss }}>{children}</StaleContext.Provider>
  );
}

export const useStale = () => useContext(StaleContext);

/** Refreshes everything shown about a task (all its queries share the ['task', id] prefix). */
export function useRefreshTask(taskId: string) {
  const qc = useQueryClient();
  return useCallback(() => {
    qc.invalidateQueries({ queryKey: ['task', taskId] });
    qc.invalidateQueries({ queryKey: ['board'] });
    qc.invalidateQueries({ queryKey: ['my-work'] });
    qc.invalidateQueries({ queryKey: ['calendar'] });
  }, [qc, taskId]);
}

/** A POST to a task command with the task's version; stale and other errors handled. */
export function useTaskCommand<TBody extends object, TResult = unknown>(
  task: TaskDetail,
  path: string,
  opts: { success: string | ((r: TResult) => string); onDone?: (r: TResult) => void },
) {
  const refresh = useRefreshTask(task.id);
  const stale = useStale();
  return useMutation({
    mutationFn: (body: TBody) => post<TResult>(path, { ...body, version: task.version }),
    onSuccess: (result) => {
      toast.success(typeof opts.success === 'function' ? opts.success(result) : opts.success);
      stale.dismiss();
      opts.onDone?.(result);
      refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        stale.report(e, task.status);
        refresh();
        return;
      }
      toast.error(errorMessage(e));
    },
  });
}
