import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Paperclip, X } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import type { TaskDetail } from '../../../contracts/tasks';
import {
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_PER_VERSION,
  type AttachmentMeta,
} from '../../../contracts/workflow';
import { Button, Field, Textarea } from '../../components/ui';
import { api, del, errorMessage, post } from '../../lib/api';
import { useTaskCommand } from './task-command';

/** Reads a file as base64 (without the data: prefix) for the JSON upload. */
function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('Could not read the file'));
    reader.readAsDataURL(file);
  });
}

/** The contractor hands in a version: links (Drive, Dropbox, Canva…) and up to 3 small files. */
export function SubmitVersionForm({ task }: { task: TaskDetail }) {
  const qc = useQueryClient();
  const revision = task.status === 'revision';
  const [links, setLinks] = useState('');
  const [note, setNote] = useState('');
  const stagedKey = ['task', task.id, 'staged'];
  const staged = useQuery({
    queryKey: stagedKey,
    queryFn: () => api<{ items: AttachmentMeta[] }>(`/api/tasks/${task.id}/attachments/staged`),
  });
  const files = staged.data?.items ?? [];
  const upload = useMutation({
    mutationFn: async (file: File) => {
      if (file.size > ATTACHMENT_MAX_BYTES)
        throw new Error(`${file.name} is over 5 MB: share it as a link`);
      return post(`/api/tasks/${task.id}/attachments`, {
        filename: file.name,
        dataBase64: await toBase64(file),
      });
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: stagedKey }),
    onError: (e) => toast.error(errorMessage(e)),
  });
  const remove = useMutation({
    mutationFn: (id: string) => del(`/api/attachments/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: stagedKey }),
    onError: (e) => toast.error(errorMessage(e)),
  });
  const submit = useTaskCommand<{ links: string[]; note: string; attachmentIds: string[] }>(
    task,
    `/api/tasks/${task.id}/deliverables`,
    {
      success: revision
        ? 'Revision submitted for review'
        : 'Draft submitted for the strategist scrub',
      onDone: () => {
        setLinks('');
        setNote('');
      },
    },
  );
  const linkList = links
    .split(/\s+/)
    .map((l) => l.trim())
    .filter(Boolean);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    submit.mutate({ links: linkList, note, attachmentIds: files.map((f) => f.id) });
  };
  return (
    <form
      onSubmit={onSubmit}
      aria-label={revision ? 'Submit a revision' : 'Submit the draft'}
      className="flex flex-col gap-3 rounded-md border border-accent/40 bg-accent/5 p-3"
    >
      <p className="text-sm font-medium">
        {revision
          ? 'Hand in the revised version: it goes back to the strategist, then QA.'
          : 'Hand in your first draft: the strategist scrubs it, then QA reviews it.'}
      </p>
      <Field label="Links" hint="One per line: Google Drive, Dropbox, Canva… (http or https)">
        {(p) => (
          <Textarea
            {...p}
            rows={2}
            value={links}
            onChange={(e) => setLinks(e.target.value)}
            placeholder="https://drive.google.com/…"
          />
        )}
      </Field>
      <div className="flex flex-col gap-1">
        <span className="text-xs font-medium text-muted">
          Files · up to {ATTACHMENTS_PER_VERSION}, 5 MB each (PNG, JPEG, GIF, WebP, PDF, MP4, TXT)
        </span>
        <ul className="flex flex-wrap gap-2">
          {files.map((f) => (
            <li
              key={f.id}
              className="flex items-center gap-1 rounded border border-line bg-panel px-2 py-1 text-xs"
            >
              <Paperclip size={12} aria-hidden /> {f.filename}
              <button
                type="button"
                onClick={() => remove.mutate(f.id)}
                aria-label={`Remove ${f.filename}`}
                className="rounded p-0.5 text-muted hover:bg-sunken"
              >
                <X size={12} />
              </button>
            </li>
          ))}
        </ul>
        {files.length < ATTACHMENTS_PER_VERSION ? (
          <label className="w-fit cursor-pointer rounded-md border border-line bg-panel px-2.5 py-1 text-xs hover:bg-sunken focus-within:ring-2 focus-within:ring-accent">
            {upload.isPending ? 'Uploading…' : 'Attach a file'}
            <input
              type="file"
              className="sr-only"
              accept={ATTACHMENT_EXTENSIONS.map((x) => `.${x}`).join(',')}
              disabled={upload.isPending}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) upload.mutate(file);
                e.target.value = '';
              }}
            />
          </label>
        ) : null}
      </div>
      <Field label="Note for the strategist (optional)">
        {(p) => <Textarea {...p} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div>
        <Button
          type="submit"
          variant="primary"
          busy={submit.isPending}
          disabled={linkList.length + files.length === 0 || upload.isPending}
        >
          {revision ? 'Submit revision' : 'Submit draft'}
        </Button>
      </div>
    </form>
  );
}
