import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Check } from 'lucide-react';
import { type FormEvent, useEffect, useState } from 'react';
import { toast } from 'sonner';
import type { ContractorProfile, Scorecard } from '../../../contracts/contractors';
import { Button, cx, Field, Input, Select, Textarea } from '../../components/ui';
import { ApiError, errorMessage, post, put } from '../../lib/api';
import {
  type ContractorStatus,
  SCORE_LABELS,
  ScoreAverage,
  STATUS_LABEL,
  useContractorAbilities,
} from './shared';
import { InterviewNotes, References } from './VettingRecords';

const PIPELINE: ContractorStatus[] = [
  'applied',
  'interviewed',
  'references_checked',
  'trial',
  'active',
];

/** R9: where the contractor is in vetting, the allowed next moves, notes, references, scorecard. */
export function VettingTab({ contractor }: { contractor: ContractorProfile }) {
  const can = useContractorAbilities();
  return (
    <div className="flex flex-col gap-6 p-5">
      <StatusSection contractor={contractor} />
      <ScorecardSection contractor={contractor} />
      {can.readVetting ? (
        <>
          <InterviewNotes contractorId={contractor.id} canAdd={can.manage} />
          <References contractorId={contractor.id} canAdd={can.manage} />
        </>
      ) : null}
    </div>
  );
}

function StatusSection({ contractor }: { contractor: ContractorProfile }) {
  const qc = useQueryClient();
  const [note, setNote] = useState('');
  const at = PIPELINE.indexOf(contractor.status);
  const move = useMutation({
    mutationFn: (status: ContractorStatus) =>
      post(`/api/contractors/${contractor.id}/status`, {
        status,
        note,
        version: contractor.version,
      }),
    onSuccess: (_r, status) => {
      toast.success(`Moved to ${STATUS_LABEL[status]}`);
      setNote('');
      qc.invalidateQueries({ queryKey: ['contractor', contractor.id] });
      qc.invalidateQueries({ queryKey: ['contractors'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409)
        qc.invalidateQueries({ queryKey: ['contractor', contractor.id] });
      toast.error(errorMessage(e), { duration: 8000 });
    },
  });
  const next = contractor.nextStatuses ?? [];
  return (
    <section aria-labelledby="status-h" className="flex flex-col gap-3">
      <h3 id="status-h" className="text-sm font-semibold">
        Pipeline
      </h3>
      <ol className="flex flex-wrap items-center gap-1 text-xs" aria-label="Vetting stages">
        {PIPELINE.map((s, i) => (
          <li
            key={s}
            aria-current={s === contractor.status ? 'step' : undefined}
            className={cx(
              'flex items-center gap-1 rounded-full px-2 py-0.5',
              s === contractor.status
                ? 'bg-accent text-accent-ink'
                : at >= 0 && i < at
                  ? 'bg-ok/10 text-ok'
                  : 'bg-sunken text-muted',
            )}
          >
            {at >= 0 && i < at ? <Check size={12} /> : null}
            {STATUS_LABEL[s]}
          </li>
        ))}
        {at < 0 ? (
          <li className="ml-2 rounded-full bg-warn/10 px-2 py-0.5 text-warn" aria-current="step">
            {STATUS_LABEL[contractor.status]}
          </li>
        ) : null}
      </ol>
      {contractor.abilities.changeStatus && next.length > 0 ? (
        <div className="flex flex-col gap-2 rounded-md border border-line p-3">
          <Field label="Note for the move (optional, kept in the audit trail)">
            {(p) => <Input {...p} value={note} onChange={(e) => setNote(e.target.value)} />}
          </Field>
          <div className="flex flex-wrap gap-2">
            {next.map((s) => (
              <Button
                key={s}
                size="sm"
                variant={s === 'offboarded' ? 'ghost' : 'secondary'}
                busy={move.isPending && move.variables === s}
                onClick={() => move.mutate(s)}
              >
                Move to {STATUS_LABEL[s]}
              </Button>
            ))}
          </div>
        </div>
      ) : null}
    </section>
  );
}

const SCORE_KEYS = Object.keys(SCORE_LABELS) as (keyof Scorecard)[];

function ScorecardSection({ contractor }: { contractor: ContractorProfile }) {
  const qc = useQueryClient();
  const canEdit = contractor.abilities.edit;
  const initial = contractor.scorecard ?? {
    quality: null,
    communication: null,
    reliability: null,
    brandFit: null,
  };
  const [scores, setScores] = useState<Scorecard>(initial);
  const [trial, setTrial] = useState(contractor.trialOutcome ?? '');
  // Reset when a new version arrives (after a save, or someone else's).
  useEffect(() => {
    setScores(initial);
    setTrial(contractor.trialOutcome ?? '');
  }, [contractor.version]);
  const save = useMutation({
    mutationFn: () =>
      put(`/api/contractors/${contractor.id}/scorecard`, {
        ...scores,
        trialOutcome: trial,
        version: contractor.version,
      }),
    onSuccess: () => {
      toast.success('Scorecard saved');
      qc.invalidateQueries({ queryKey: ['contractor', contractor.id] });
      qc.invalidateQueries({ queryKey: ['contractors'] });
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) {
        toast.error('Someone else changed this contractor first; the latest scores are shown now.');
        qc.invalidateQueries({ queryKey: ['contractor', contractor.id] });
        return;
      }
      toast.error(errorMessage(e));
    },
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} aria-labelledby="score-h" className="flex flex-col gap-3">
      <h3 id="score-h" className="flex items-center gap-2 text-sm font-semibold">
        Scorecard <span className="font-normal text-muted">average</span>
        <ScoreAverage scorecard={scores} />
      </h3>
      <fieldset disabled={!canEdit} className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {SCORE_KEYS.map((k) => (
          <Field key={k} label={SCORE_LABELS[k]}>
            {(p) => (
              <Select
                {...p}
                value={scores[k] ?? ''}
                onChange={(e) =>
                  setScores({ ...scores, [k]: e.target.value ? Number(e.target.value) : null })
                }
              >
                <option value="">—</option>
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </Select>
            )}
          </Field>
        ))}
        <div className="col-span-2 sm:col-span-4">
          <Field label="Trial outcome" hint="What the trial task showed; internal">
            {(p) => (
              <Textarea {...p} rows={2} value={trial} onChange={(e) => setTrial(e.target.value)} />
            )}
          </Field>
        </div>
      </fieldset>
      {canEdit ? (
        <div>
          <Button type="submit" busy={save.isPending}>
            Save scorecard
          </Button>
        </div>
      ) : null}
    </form>
  );
}
