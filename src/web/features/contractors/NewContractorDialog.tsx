import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import type { z } from 'zod';
import type { ContractorCreated } from '../../../contracts/contractors';
import { Modal } from '../../components/SidePanel';
import { Button } from '../../components/ui';
import { ApiError, errorMessage, post } from '../../lib/api';
import {
  type ContractorDraft,
  ContractorFields,
  contractorFieldErrors,
  draftToBody,
  emptyContractor,
} from './ContractorFields';
import { useContractorAbilities } from './shared';

/** "Add contractor": a candidate enters the pipeline as applied (R9), optionally invited. */
export function NewContractorDialog({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const qc = useQueryClient();
  const { timeZone, currency } = useContractorAbilities();
  const [draft, setDraft] = useState<ContractorDraft>(() => emptyContractor(timeZone, currency));
  const [invite, setInvite] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () =>
      post<z.infer<typeof ContractorCreated>>('/api/contractors', {
        ...draftToBody(draft),
        inviteEmail: invite,
      }),
    onSuccess: (res) => {
      toast.success(
        res.invitationLink
          ? `${draft.name} added and invited by e-mail`
          : `${draft.name} added as applied — move them along the pipeline in Vetting`,
      );
      qc.invalidateQueries({ queryKey: ['contractors'] });
      setDraft(emptyContractor(timeZone, currency));
      setInvite(false);
      setErrors({});
      onCreated(res.id);
    },
    onError: (e) => {
      if (e instanceof ApiError) setErrors(contractorFieldErrors(e.fields));
      toast.error(errorMessage(e));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <Modal open={open} onClose={onClose} title="Add contractor">
      <form onSubmit={submit} className="flex flex-col gap-4">
        <div className="-mx-1 max-h-[65vh] overflow-y-auto px-1">
          <ContractorFields draft={draft} onChange={setDraft} errors={errors} />
          <label className="mt-3 flex items-center gap-2 text-sm">
            <input type="checkbox" checked={invite} onChange={(e) => setInvite(e.target.checked)} />
            Invite them to sign in to Handoff (sends an invitation link)
          </label>
        </div>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={create.isPending}>
            Add contractor
          </Button>
        </div>
      </form>
    </Modal>
  );
}
