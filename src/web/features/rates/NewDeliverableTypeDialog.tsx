import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { Modal } from '../../components/SidePanel';
import { Button } from '../../components/ui';
import { ApiError, errorMessage, post } from '../../lib/api';
import {
  DeliverableTypeFields,
  draftToTypeBody,
  EMPTY_TYPE,
  type TypeDraft,
  typeFieldErrors,
} from './DeliverableTypeFields';

/** Adds a row to the rate card; its default rate is added next, in its panel. */
export function NewDeliverableTypeDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const qc = useQueryClient();
  const [draft, setDraft] = useState<TypeDraft>(EMPTY_TYPE);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () => post<{ id: string }>('/api/deliverable-types', draftToTypeBody(draft)),
    onSuccess: ({ id }) => {
      toast.success(`${draft.name} added — now give it a default rate`);
      qc.invalidateQueries({ queryKey: ['rate-card'] });
      qc.invalidateQueries({ queryKey: ['deliverable-types'] });
      setDraft(EMPTY_TYPE);
      setErrors({});
      onCreated(id);
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(typeFieldErrors(e.fields));
      toast.error(errorMessage(e));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Modal open={open} onClose={onClose} title="Add deliverable type">
      <form onSubmit={submit} className="flex flex-col gap-4">
        <div className="-mx-1 max-h-[65vh] overflow-y-auto px-1">
          <DeliverableTypeFields draft={draft} onChange={setDraft} errors={errors} />
        </div>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={create.isPending}>
            Add type
          </Button>
        </div>
      </form>
    </Modal>
  );
}
