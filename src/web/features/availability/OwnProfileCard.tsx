import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import type { ContractorProfile } from '../../../contracts/contractors';
import { Button, Field, Input, Select, Textarea } from '../../components/ui';
import { ApiError, errorMessage, patch } from '../../lib/api';
import { contractorFieldErrors } from '../contractors/ContractorFields';
import { capacityText, localTime, timeZoneNames, useMinuteClock } from '../contractors/shared';

const BIG = 'h-[44px] text-base';

/** R6 for oneself: the agreement (read only) and what a contractor may change himself. */
export function OwnProfileCard({ profile }: { profile: ContractorProfile }) {
  const qc = useQueryClient();
  const now = useMinuteClock();
  const [editing, setEditing] = useState(false);
  const toDraft = () => ({
    timeZone: profile.timeZone,
    weeklyCapacity: profile.weeklyCapacity,
    capacityUnit: profile.capacityUnit,
    portfolioLinks: profile.portfolioLinks.join('\n'),
  });
  const [draft, setDraft] = useState(toDraft);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: () =>
      patch<ContractorProfile>('/api/me/contractor-profile', {
        ...draft,
        portfolioLinks: draft.portfolioLinks
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
        version: profile.version,
      }),
    onSuccess: (p) => {
      qc.setQueryData(['me-contractor'], p);
      toast.success('Profile saved');
      setErrors({});
      setEditing(false);
    },
    onError: (e) => {
      if (e instanceof ApiError) {
        setErrors(contractorFieldErrors(e.fields));
        if (e.status === 409) {
          toast.error('Your profile was changed elsewhere; the latest version is shown now.');
          qc.invalidateQueries({ queryKey: ['me-contractor'] });
          setEditing(false);
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
  const facts: [string, string][] = [
    ['Name', profile.name],
    ['Time zone', `${profile.timeZone} · ${localTime(profile.timeZone, now)}`],
    ['Weekly capacity', capacityText(profile)],
    ['Included revision rounds', String(profile.includedRevisionRounds)],
    ['Payment terms', `${profile.paymentTerms} · ${profile.currency}`],
  ];
  return (
    <section aria-labelledby="profile-h" className="flex flex-col gap-3">
      <div className="flex items-center justify-between">
        <h2 id="profile-h" className="text-base font-semibold">
          Your profile
        </h2>
        {profile.abilities.editOwnProfile && !editing ? (
          <Button
            className="h-[44px]"
            onClick={() => {
              setDraft(toDraft());
              setEditing(true);
            }}
          >
            Edit
          </Button>
        ) : null}
      </div>
      {editing ? (
        <form onSubmit={submit} className="flex flex-col gap-3">
          <Field label="Time zone" error={errors.timeZone}>
            {(p) => (
              <>
                <Input
                  {...p}
                  list="own-time-zones"
                  className={BIG}
                  value={draft.timeZone}
                  onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })}
                />
                <datalist id="own-time-zones">
                  {timeZoneNames().map((z) => (
                    <option key={z} value={z} />
                  ))}
                </datalist>
              </>
            )}
          </Field>
          <div className="grid grid-cols-2 gap-3">
            <Field label="Weekly capacity" error={errors.weeklyCapacity}>
              {(p) => (
                <Input
                  {...p}
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={1000}
                  className={BIG}
                  value={draft.weeklyCapacity}
                  onChange={(e) => setDraft({ ...draft, weeklyCapacity: Number(e.target.value) })}
                />
              )}
            </Field>
            <Field label="Unit">
              {(p) => (
                <Select
                  {...p}
                  className={BIG}
                  value={draft.capacityUnit}
                  onChange={(e) =>
                    setDraft({ ...draft, capacityUnit: e.target.value as 'hours' | 'items' })
                  }
                >
                  <option value="hours">hours</option>
                  <option value="items">items</option>
                </Select>
              )}
            </Field>
          </div>
          <Field label="Portfolio links" hint="One link per line" error={errors.portfolioLinks}>
            {(p) => (
              <Textarea
                {...p}
                rows={3}
                className="text-base"
                value={draft.portfolioLinks}
                onChange={(e) => setDraft({ ...draft, portfolioLinks: e.target.value })}
              />
            )}
          </Field>
          <div className="grid grid-cols-2 gap-2">
            <Button className="h-[44px] text-base" onClick={() => setEditing(false)}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant="primary"
              className="h-[44px] text-base"
              busy={save.isPending}
            >
              Save
            </Button>
          </div>
        </form>
      ) : (
        <dl className="divide-y divide-line rounded-md border border-line text-sm">
          {facts.map(([k, v]) => (
            <div key={k} className="flex justify-between gap-3 px-3 py-2.5">
              <dt className="text-muted">{k}</dt>
              <dd className="text-right">{v}</dd>
            </div>
          ))}
        </dl>
      )}
      {!editing ? (
        <p className="text-xs text-muted">
          Revision rounds and payment terms are part of your agreement; ask your coordinator to
          change them.
        </p>
      ) : null}
    </section>
  );
}
