import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import type { Client } from '../../../contracts/clients';
import { Modal } from '../../components/SidePanel';
import { Button } from '../../components/ui';
import { ApiError, errorMessage, post } from '../../lib/api';
import { type ClientDraft, ClientFields, EMPTY_CLIENT, fieldErrors } from './ClientForm';

export function NewClientDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const qc = useQueryClient();
  const [draft, setDraft] = useState<ClientDraft>(EMPTY_CLIENT);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () => post<Client>('/api/clients', draft),
    onSuccess: (c) => {
      toast.success(`${c.name} added — now write its one-sheeter`);
      qc.invalidateQueries({ queryKey: ['clients'] });
      setDraft(EMPTY_CLIENT);
      setErrors({});
      onCreated(c.id);
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(fieldErrors(e.fields));
      toast.error(errorMessage(e));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Modal open={open} onClose={onClose} title="New client">
      <form onSubmit={submit} className="flex flex-col gap-4">
        <ClientFields draft={draft} onChange={setDraft} errors={errors} />
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={create.isPending}>
            Add client
          </Button>
        </div>
      </form>
    </Modal>
  );
}
