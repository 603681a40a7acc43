import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { toast } from 'sonner';
import type { Announcement, AnnouncementAudience } from '../../../contracts/community';
import { Modal } from '../../components/SidePanel';
import { Button, Field, Input, Select, Textarea } from '../../components/ui';
import { ApiError, errorMessage, patch, post } from '../../lib/api';

/** R26: write a new announcement, or edit one (optimistic: sends the version it was opened at). */
export function AnnouncementComposer({
  open,
  onClose,
  editing,
}: {
  open: boolean;
  onClose: () => void;
  editing?: Announcement;
}) {
  const qc = useQueryClient();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [audience, setAudience] = useState<AnnouncementAudience>('everyone');
  const [pinned, setPinned] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => {
    if (!open) return;
    setTitle(editing?.title ?? '');
    setBody(editing?.body ?? '');
    setAudience(editing?.audience ?? 'everyone');
    setPinned(editing?.pinned ?? false);
    setErrors({});
  }, [open, editing]);
  const save = useMutation({
    mutationFn: () => {
      const fields = { title, body, audience, pinned };
      return editing
        ? patch<Announcement>(`/api/announcements/${editing.id}`, {
            ...fields,
            version: editing.version,
          })
        : post<Announcement>('/api/announcements', fields);
    },
    onSuccess: (a) => {
      toast.success(
        editing
          ? 'Announcement updated'
          : a.audience === 'everyone'
            ? 'Published to everyone, contractors included'
            : 'Published to staff',
      );
      qc.invalidateQueries({ queryKey: ['announcements'] });
      onClose();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.code === 'STALE_VERSION') {
        qc.invalidateQueries({ queryKey: ['announcements'] });
        toast.error('Someone edited this announcement meanwhile: reopen it to see their changes.');
        onClose();
        return;
      }
      if (e instanceof ApiError && e.fields) setErrors(e.fields);
      toast.error(errorMessage(e));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal open={open} onClose={onClose} title={editing ? 'Edit announcement' : 'New announcement'}>
      <form onSubmit={submit} className="flex flex-col gap-4">
        <Field label="Title" error={errors['body.title']}>
          {(p) => (
            <Input
              {...p}
              maxLength={160}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </Field>
        <Field label="Message" error={errors['body.body']}>
          {(p) => (
            <Textarea
              {...p}
              rows={6}
              maxLength={8000}
              value={body}
              onChange={(e) => setBody(e.target.value)}
            />
          )}
        </Field>
        <div className="flex flex-wrap items-end gap-4">
          <Field
            label="Audience"
            hint={
              audience === 'everyone'
                ? 'Contractors see it too: they are part of the team.'
                : 'Only the agency’s own people see it.'
            }
          >
            {(p) => (
              <Select
                {...p}
                value={audience}
                onChange={(e) => setAudience(e.target.value as AnnouncementAudience)}
                className="w-48"
              >
                <option value="everyone">Everyone</option>
                <option value="staff">Staff only</option>
              </Select>
            )}
          </Field>
          <label className="flex h-8 items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={pinned}
              onChange={(e) => setPinned(e.target.checked)}
              className="size-4 accent-[var(--color-accent)]"
            />
            Pin to the top
          </label>
        </div>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button
            type="submit"
            variant="primary"
            busy={save.isPending}
            disabled={!title.trim() || !body.trim()}
          >
            {editing ? 'Save' : 'Publish'}
          </Button>
        </div>
      </form>
    </Modal>
  );
}
