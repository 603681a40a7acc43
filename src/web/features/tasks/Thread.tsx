import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useRef, useState } from 'react';
import { toast } from 'sonner';
import type { TaskDetail } from '../../../contracts/tasks';
import type { CommentPage, MentionablePeople, ThreadComment } from '../../../contracts/workflow';
import { Badge, Button, EmptyState, Select, Spinner, Textarea } from '../../components/ui';
import { api, errorMessage, post } from '../../lib/api';
import { formatInstant } from '../../lib/format';
import { useMe } from '../../lib/session';
import { RichText } from './RichText';

/** The parent task's thread (R18): all discussion lives here; staff can keep notes internal (R19). */
export function Thread({ task }: { task: TaskDetail }) {
  const me = useMe();
  const tz = me.data?.current?.timeZone ?? 'UTC';
  const q = useInfiniteQuery({
    queryKey: ['task', task.id, 'thread'],
    queryFn: ({ pageParam }) =>
      api<CommentPage>(
        `/api/tasks/${task.id}/comments${pageParam ? `?before=${encodeURIComponent(pageParam)}` : ''}`,
      ),
    initialPageParam: '',
    getNextPageParam: (last) => last.olderCursor ?? undefined,
  });
  const comments = (q.data?.pages ?? [])
    .slice()
    .reverse()
    .flatMap((p) => p.items);
  return (
    <div className="flex flex-col gap-4 p-5">
      {q.hasNextPage ? (
        <Button size="sm" onClick={() => q.fetchNextPage()} busy={q.isFetchingNextPage}>
          Load older comments
        </Button>
      ) : null}
      {q.isPending ? <Spinner label="Loading the thread" /> : null}
      {!q.isPending && comments.length === 0 ? (
        <EmptyState title="No comments yet">
          Questions, answers and decisions about this work go here, so the track record stays on the
          task.
        </EmptyState>
      ) : null}
      <ol className="flex flex-col gap-2" data-testid="thread">
        {comments.map((c) => (
          <CommentItem key={c.id} c={c} tz={tz} />
        ))}
      </ol>
      {task.abilities.comment ? <Composer task={task} /> : null}
    </div>
  );
}

function CommentItem({ c, tz }: { c: ThreadComment; tz: string }) {
  const internal = c.visibility === 'internal';
  return (
    <li
      className={`rounded-md border p-3 text-sm ${internal ? 'border-warn/40 bg-warn/5' : c.kind === 'system' ? 'border-line bg-sunken' : 'border-line'}`}
    >
      <div className="mb-1 flex flex-wrap items-center gap-1.5 text-xs text-muted">
        <span className="font-medium text-ink">{c.author?.name ?? 'Handoff'}</span>
        <span>· {formatInstant(c.createdAt, tz)}</span>
        {c.kind === 'client_feedback' ? (
          <Badge tone="warn">Client feedback · internal</Badge>
        ) : null}
        {internal && c.kind !== 'client_feedback' ? <Badge tone="warn">Internal</Badge> : null}
      </div>
      <RichText body={c.body} mentions={c.mentions} />
    </li>
  );
}

type Mode = 'all' | 'internal' | 'client_feedback';

function Composer({ task }: { task: TaskDetail }) {
  const qc = useQueryClient();
  const [body, setBody] = useState('');
  const [mode, setMode] = useState<Mode>('all');
  const [query, setQuery] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const people = useQuery({
    queryKey: ['task', task.id, 'mentionable'],
    queryFn: () => api<MentionablePeople>(`/api/tasks/${task.id}/mentionable`),
    staleTime: 300_000,
  });
  const send = useMutation({
    mutationFn: () =>
      post(`/api/tasks/${task.id}/comments`, {
        body,
        visibility: mode === 'all' ? 'all' : 'internal',
        kind: mode === 'client_feedback' ? 'client_feedback' : 'comment',
      }),
    onSuccess: () => {
      setBody('');
      qc.invalidateQueries({ queryKey: ['task', task.id] });
    },
    onError: (e) => toast.error(errorMessage(e)),
  });
  const onInput = (value: string, caret: number) => {
    setBody(value);
    const m = /(?:^|\s)@([\p{L}\p{N}]*(?: [\p{L}\p{N}]*)?)$/u.exec(value.slice(0, caret));
    setQuery(m ? m[1].toLowerCase() : null);
  };
  const candidates =
    query === null
      ? []
      : (people.data?.items ?? [])
          .filter((p) => mode === 'all' || p.role !== 'contractor')
          .filter(
            (p) =>
              p.name.toLowerCase().startsWith(query) || p.name.toLowerCase().includes(` ${query}`),
          )
          .slice(0, 6);
  const pick = (name: string) => {
    const el = ref.current;
    const caret = el?.selectionStart ?? body.length;
    const before = body.slice(0, caret).replace(/@[^@]*$/u, `@${name} `);
    setBody(before + body.slice(caret));
    setQuery(null);
    el?.focus();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (body.trim()) send.mutate();
  };
  const staff = task.abilities.commentInternal;
  return (
    <form onSubmit={submit} className="flex flex-col gap-2" aria-label="New comment">
      <label htmlFor="thread-body" className="text-xs font-medium text-muted">
        Comment · type @ to mention someone; links become clickable
      </label>
      <Textarea
        id="thread-body"
        ref={ref}
        rows={3}
        maxLength={10_000}
        value={body}
        onChange={(e) => onInput(e.target.value, e.target.selectionStart)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit(e);
          if (e.key === 'Escape') setQuery(null);
        }}
        className={mode !== 'all' ? 'border-warn/60' : undefined}
      />
      {candidates.length > 0 ? (
        <div role="listbox" aria-label="People to mention" className="flex flex-wrap gap-1">
          {candidates.map((p) => (
            <button
              key={p.userId}
              type="button"
              role="option"
              aria-selected={false}
              onClick={() => pick(p.name)}
              className="rounded border border-line px-2 py-0.5 text-xs hover:bg-sunken"
            >
              @{p.name} <span className="text-muted">· {p.role}</span>
            </button>
          ))}
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        {staff ? (
          <>
            <label htmlFor="thread-mode" className="sr-only">
              Who sees it
            </label>
            <Select
              id="thread-mode"
              value={mode}
              onChange={(e) => setMode(e.target.value as Mode)}
              className="max-w-xs"
            >
              <option value="all">Everyone on the task (contractor too)</option>
              <option value="internal">Internal — staff only</option>
              <option value="client_feedback">Client feedback (raw, internal)</option>
            </Select>
          </>
        ) : (
          <span className="text-xs text-muted">Everyone on this task sees your comment.</span>
        )}
        <Button
          type="submit"
          variant="primary"
          busy={send.isPending}
          disabled={!body.trim()}
          className="ml-auto"
        >
          {mode === 'all' ? 'Post comment' : 'Post internally'}
        </Button>
      </div>
      {mode === 'client_feedback' ? (
        <p className="text-xs text-warn">
          The client's own words stay internal (R19). Relay a scrubbed version with what and why in
          a revision request.
        </p>
      ) : null}
    </form>
  );
}
