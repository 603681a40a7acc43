import { useState } from 'react';
import type { TaskDetail } from '../../../contracts/tasks';
import { Button } from '../../components/ui';
import { AckBrief } from './AckBrief';
import { QaForm, ScrubForm } from './ReviewForms';
import { RevisionRequestForm } from './RevisionRequestForm';
import { useRevisions } from './RevisionsView';
import { RoundDecision } from './RoundDecision';
import { SubmitVersionForm } from './SubmitVersionForm';

/** Where the work stands for everyone else, when the viewer has nothing to do now. */
function waitingLine(t: TaskDetail): string {
  const contractor = t.contractor.name;
  const strategist = t.strategist.name ?? 'the strategist';
  switch (t.status) {
    case 'scheduled':
      return `Waiting for ${contractor} to acknowledge the brief (R17).`;
    case 'in_production':
      return `${contractor} is working on the first draft.`;
    case 'internal_review':
      return t.pendingRound
        ? `Revision round ${t.pendingRound.number} waits for a coordinator's approval (R21).`
        : `With ${strategist} for the scrub.`;
    case 'revision':
      return t.pendingRound
        ? `Revision round ${t.pendingRound.number} waits for a coordinator's approval (R21).`
        : `${contractor} is working on the revision.`;
    case 'qa':
      return 'In internal QA.';
    case 'ready':
      return 'QA passed: the work is client-ready.';
    case 'closed':
      return 'Delivered and closed.';
    case 'cancelled':
      return 'Cancelled.';
    default:
      return '';
  }
}

/** The actions the viewer may take on the task right now, as forms; otherwise who has the ball. */
export function NextStep({ task: t }: { task: TaskDetail }) {
  const [form, setForm] = useState<'revision' | 'scrub' | null>(null);
  const revisions = useRevisions(t.id);
  const acts = t.abilities.actions;
  const canRevise = acts.includes('request_revision');
  const coordinatorRelay =
    !canRevise && t.abilities.overrideNotice && t.status === 'internal_review' && !t.pendingRound;
  const blocks = [];

  if (t.abilities.acknowledgeBrief) blocks.push(<AckBrief key="ack" task={t} />);
  if (acts.includes('submit_draft') || acts.includes('submit_revision')) {
    blocks.push(<SubmitVersionForm key="submit" task={t} />);
  }
  // An open form stays open when the task changes under it, so what was typed is not lost.
  if (canRevise || acts.includes('pass_scrub') || coordinatorRelay || form !== null) {
    blocks.push(
      <div key="review" className="flex flex-col gap-2">
        {form === null ? (
          <div className="flex flex-wrap gap-2">
            {acts.includes('pass_scrub') ? (
              <Button variant="primary" onClick={() => setForm('scrub')}>
                Scrub and pass to QA…
              </Button>
            ) : null}
            {canRevise || coordinatorRelay ? (
              <Button onClick={() => setForm('revision')}>
                {coordinatorRelay ? 'Request a late revision (override)…' : 'Request a revision…'}
              </Button>
            ) : null}
          </div>
        ) : null}
        {form === 'scrub' ? <ScrubForm task={t} onDone={() => setForm(null)} /> : null}
        {form === 'revision' ? (
          <RevisionRequestForm
            task={t}
            overrideOnly={coordinatorRelay}
            onDone={() => setForm(null)}
          />
        ) : null}
      </div>,
    );
  }
  if (acts.includes('qa_pass') || acts.includes('qa_fail'))
    blocks.push(<QaForm key="qa" task={t} />);
  const pending = revisions.data?.rounds.find(
    (r) => r.approvalStatus === 'pending' && r.abilities.decide,
  );
  if (pending) blocks.push(<RoundDecision key="round" task={t} round={pending} />);

  return (
    <section aria-labelledby="next-h" className="flex flex-col gap-2" data-testid="next-step">
      <h3 id="next-h" className="text-xs font-semibold text-muted">
        {blocks.length > 0 ? 'Your next step' : 'Where it stands'}
      </h3>
      {blocks.length > 0 ? blocks : <p className="text-sm">{waitingLine(t)}</p>}
    </section>
  );
}
