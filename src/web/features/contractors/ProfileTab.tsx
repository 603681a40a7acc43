import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { toast } from 'sonner';
import type { ContractorProfile } from '../../../contracts/contractors';
import { Button } from '../../components/ui';
import { ApiError, errorMessage, patch } from '../../lib/api';
import { formatInstant } from '../../lib/format';
import {
  type ContractorDraft,
  ContractorFields,
  contractorFieldErrors,
  draftToBody,
} from './ContractorFields';
import { useContractorAbilities } from './shared';

const toDraft = (c: ContractorProfile): ContractorDraft => ({
  name: c.name,
  email: c.email,
  timeZone: c.timeZone,
  country: c.country,
  skills: c.skills,
  weeklyCapacity: c.weeklyCapacity,
  capacityUnit: c.capacityUnit,
  includedRevisionRounds: c.includedRevisionRounds,
  paymentTerms: c.paymentTerms,
  currency: c.currency,
  notes: c.notes ?? '',
  portfolioLinks: c.portfolioLinks.join('\n'),
});

/** R6: skills, time zone, capacity and the agreement; saved with the version read (409 if stale). */
export function ProfileTab({ contractor }: { contractor: ContractorProfile }) {
  const qc = useQueryClient();
  const { timeZone } = useContractorAbilities();
  const [draft, setDraft] = useState(() => toDraft(contractor));
  const [errors, setErrors] = useState<Record<string, string>>({});
  useEffect(() => setDraft(toDraft(contractor)), [contractor]);
  const canEdit = contractor.abilities.edit;
  const refresh = () => {
    qc.invalidateQueries({ queryKey: ['contractor', contractor.id] });
    qc.invalidateQueries({ queryKey: ['contractors'] });
  };
  const save = useMutation({
    mutationFn: () =>
      patch(`/api/contractors/${contractor.id}`, {
        ...draftToBody(draft),
        version: contractor.version,
      }),
    onSuccess: () => {
      toast.success('Profile saved');
      setErrors({});
      refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        setErrors(contractorFieldErrors(e.fields));
        if (e.code === 'STALE_VERSION' || e.status === 409) {
          toast.error(
            'Someone else changed this profile while you were editing. It now shows their version: re-apply your change and save again.',
            { duration: 10_000 },
          );
          refresh();
          return;
        }
      }
      toast.error(errorMessage(e));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-4 p-5">
      <ContractorFields
        draft={draft}
        onChange={setDraft}
        errors={errors}
        disabled={!canEdit}
        showNotes={contractor.notes !== undefined}
      />
      {contractor.portfolioLinks.length > 0 ? (
        <ul className="flex flex-col gap-1 text-sm">
          {contractor.portfolioLinks.map((l) => (
            <li key={l}>
              <a href={l} target="_blank" rel="noreferrer" className="text-accent underline">
                {l}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-xs text-muted">
        Version {contractor.version} · added {formatInstant(contractor.createdAt, timeZone)} · last
        changed {formatInstant(contractor.updatedAt, timeZone)}
      </p>
      {canEdit ? (
        <div className="sticky bottom-0 -mx-5 flex gap-2 border-t border-line bg-panel px-5 py-3">
          <Button type="submit" variant="primary" busy={save.isPending}>
            Save profile
          </Button>
          <Button onClick={() => setDraft(toDraft(contractor))}>Discard changes</Button>
        </div>
      ) : (
        <p className="text-xs text-muted">
          Only admins and coordinators change contractor records.
        </p>
      )}
    </form>
  );
}
