import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { toast } from 'sonner';
import type { z } from 'zod';
import type { OneSheeterView } from '../../../contracts/clients';
import { Badge, Button, ErrorNotice, Field, Spinner, Textarea } from '../../components/ui';
import { ApiError, api, errorMessage, put } from '../../lib/api';

type View = z.infer<typeof OneSheeterView>;
type Content = View['content'];
type CommunityKey = keyof Content['communityManagement'];

const COMMUNITY_FIELDS: { key: CommunityKey; label: string }[] = [
  { key: 'customerServiceInquiries', label: 'Which inquiries go to customer service' },
  { key: 'positiveComments', label: 'How to answer positive comments' },
  { key: 'negativeComments', label: 'How to answer negative comments' },
  { key: 'escalationContact', label: 'Who to escalate to' },
];
const LIST_KEYS = new Set(['visualIdentityLinks', 'contentPillars']);

/** R3: the client brief, section by section, with completeness; every save is a new version. */
export function OneSheeterEditor({ clientId, canEdit }: { clientId: string; canEdit: boolean }) {
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['one-sheeter', clientId],
    queryFn: () => api<View>(`/api/clients/${clientId}/one-sheeter`),
  });
  const [content, setContent] = useState<Content | null>(null);
  const [lists, setLists] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!q.data) return;
    setContent(q.data.content);
    setLists({
      visualIdentityLinks: q.data.content.visualIdentityLinks.join('\n'),
      contentPillars: q.data.content.contentPillars.join('\n'),
    });
  }, [q.data]);

  const save = useMutation({
    mutationFn: (body: { baseVersion: number; content: Content }) =>
      put<View>(`/api/clients/${clientId}/one-sheeter`, body),
    onSuccess: (v) => {
      toast.success(`Saved as version ${v.version}`);
      setErrors({});
      qc.setQueryData(['one-sheeter', clientId], v);
      qc.invalidateQueries({ queryKey: ['client', clientId] });
      qc.invalidateQueries({ queryKey: ['clients'] });
      qc.invalidateQueries({ queryKey: ['one-sheeter-versions', clientId] });
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        setErrors(
          Object.fromEntries(
            Object.entries(e.fields ?? {}).map(([k, m]) => [
              k.replace(/^body\.content\./, '').split('.')[0],
              m,
            ]),
          ),
        );
        if (e.code === 'STALE_VERSION' || e.status === 409) {
          toast.error(
            'Someone else saved this one-sheeter first. Your text is still here: copy what you need, then reload.',
            {
              duration: 10_000,
              action: {
                label: 'Reload',
                onClick: () => qc.invalidateQueries({ queryKey: ['one-sheeter', clientId] }),
              },
            },
          );
          return;
        }
      }
      toast.error(errorMessage(e));
    },
  });

  if (q.isPending || !content)
    return (
      <div className="p-5">
        <Spinner label="Loading one-sheeter" />
      </div>
    );
  if (q.isError) return <ErrorNotice error={q.error} />;
  const view = q.data;
  const c = view.completeness;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const split = (s: string) =>
      s
        .split('\n')
        .map((x) => x.trim())
        .filter(Boolean);
    save.mutate({
      baseVersion: view.version,
      content: {
        ...content,
        visualIdentityLinks: split(lists.visualIdentityLinks ?? ''),
        contentPillars: split(lists.contentPillars ?? ''),
      },
    });
  };

  return (
    <form onSubmit={submit} className="flex flex-col gap-4 p-5">
      <div
        className="flex flex-wrap items-center gap-2 rounded-md bg-sunken p-3 text-sm"
        aria-live="polite"
      >
        <div className="h-2 w-32 overflow-hidden rounded bg-line" aria-hidden>
          <div
            className="h-full bg-ok"
            style={{ width: `${Math.round((c.filled / c.total) * 100)}%` }}
          />
        </div>
        <span data-testid="one-sheeter-completeness">
          {c.filled}/{c.total} sections · {Math.round((c.requiredFilled / c.requiredTotal) * 100)}%
          of required
        </span>
        {c.complete ? (
          <Badge tone="ok">Complete</Badge>
        ) : (
          <Badge tone="warn">Missing: {c.missingRequired.join(', ')}</Badge>
        )}
        <span className="ml-auto text-xs text-muted">
          {view.version
            ? `Version ${view.version}${view.updatedBy?.name ? ` by ${view.updatedBy.name}` : ''}`
            : 'Not written yet'}
        </span>
      </div>
      {view.sections.map((s) => {
        const label = `${s.label}${s.required ? ' *' : ''}`;
        if (s.key === 'communityManagement') {
          return (
            <fieldset
              key={s.key}
              disabled={!canEdit}
              className="flex flex-col gap-2 rounded-md border border-line p-3"
            >
              <legend className="px-1 text-xs font-medium text-muted">
                {label} — {s.description}
              </legend>
              {COMMUNITY_FIELDS.map((f) => (
                <Field key={f.key} label={f.label}>
                  {(p) => (
                    <Textarea
                      {...p}
                      rows={2}
                      value={content.communityManagement[f.key]}
                      onChange={(e) =>
                        setContent({
                          ...content,
                          communityManagement: {
                            ...content.communityManagement,
                            [f.key]: e.target.value,
                          },
                        })
                      }
                    />
                  )}
                </Field>
              ))}
            </fieldset>
          );
        }
        if (LIST_KEYS.has(s.key)) {
          return (
            <Field
              key={s.key}
              label={label}
              hint={`${s.description} One per line.`}
              error={errors[s.key]}
            >
              {(p) => (
                <Textarea
                  {...p}
                  rows={3}
                  disabled={!canEdit}
                  value={lists[s.key] ?? ''}
                  onChange={(e) => setLists({ ...lists, [s.key]: e.target.value })}
                />
              )}
            </Field>
          );
        }
        const key = s.key as Exclude<
          keyof Content,
          'communityManagement' | 'visualIdentityLinks' | 'contentPillars'
        >;
        return (
          <Field key={s.key} label={label} hint={s.description} error={errors[s.key]}>
            {(p) => (
              <Textarea
                {...p}
                rows={3}
                disabled={!canEdit}
                value={content[key]}
                onChange={(e) => setContent({ ...content, [key]: e.target.value })}
              />
            )}
          </Field>
        );
      })}
      {canEdit ? (
        <div className="sticky bottom-0 -mx-5 border-t border-line bg-panel px-5 py-3">
          <Button type="submit" variant="primary" busy={save.isPending}>
            Save one-sheeter
          </Button>
          <span className="ml-3 text-xs text-muted">
            * required before anything can be assigned (R4)
          </span>
        </div>
      ) : null}
    </form>
  );
}
