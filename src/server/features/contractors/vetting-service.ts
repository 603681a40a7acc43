import type { z } from 'zod';
import type {
  CreateInterviewNoteBody,
  CreateReferenceBody,
  ScorecardBody,
  StatusChangeBody,
} from '../../../contracts/contractors';
import { RuleViolation } from '../../../domain/rule-violation';
import { vettingMove } from '../../../domain/vetting';
import { recordAudit } from '../../audit';
import type { Actor } from '../../auth/access';
import type { Executor } from '../../db';
import { notFound, staleVersion } from '../../errors';
import { newId, nowIso } from '../../lib/ids';
import { asStatus } from './present';
import * as q from './queries';
import { applyContractorChange } from './service';

/** R9: moves a contractor along the vetting pipeline; a skipped stage is refused (422). */
export async function changeStatus(
  db: Executor,
  actor: Actor,
  id: string,
  body: z.infer<typeof StatusChangeBody>,
) {
  await db.transaction().execute(async (tx) => {
    const row = await q.findContractor(tx, { workspaceId: actor.workspaceId, id });
    if (!row) throw notFound('Contractor');
    if (body.version !== undefined && body.version !== row.version) {
      throw staleVersion('This contractor', row.version);
    }
    const from = asStatus(row.status);
    const verdict = vettingMove(from, body.status);
    if (!verdict.ok) throw new RuleViolation('R9', verdict.message, { from, to: body.status });
    await applyContractorChange(
      tx,
      actor,
      id,
      row.version,
      { status: body.status },
      'status_changed',
      body.note ? { note: body.note } : undefined,
    );
  });
}

async function assertExists(db: Executor, workspaceId: string, id: string) {
  if (!(await q.findContractor(db, { workspaceId, id }))) throw notFound('Contractor');
}

export async function addInterviewNote(
  db: Executor,
  actor: Actor,
  contractorId: string,
  body: z.infer<typeof CreateInterviewNoteBody>,
): Promise<string> {
  const id = newId();
  await db.transaction().execute(async (tx) => {
    await assertExists(tx, actor.workspaceId, contractorId);
    const row = {
      id,
      workspace_id: actor.workspaceId,
      contractor_id: contractorId,
      author_user_id: actor.userId,
      body: body.body,
      created_at: nowIso(),
    };
    await tx.insertInto('contractor_interview_notes').values(row).execute();
    await recordAudit(tx, actor, {
      entityType: 'contractor',
      entityId: contractorId,
      action: 'interview_note_added',
      after: { noteId: id, body: body.body },
    });
  });
  return id;
}

/** R9: a past client contacted for a reference, and what they said. */
export async function addReference(
  db: Executor,
  actor: Actor,
  contractorId: string,
  body: z.infer<typeof CreateReferenceBody>,
): Promise<string> {
  const id = newId();
  await db.transaction().execute(async (tx) => {
    await assertExists(tx, actor.workspaceId, contractorId);
    await tx
      .insertInto('contractor_references')
      .values({
        id,
        workspace_id: actor.workspaceId,
        contractor_id: contractorId,
        past_client: body.pastClient,
        contact: body.contact,
        what_they_said: body.whatTheySaid,
        contacted_at: body.contactedAt,
        created_by: actor.userId,
        created_at: nowIso(),
      })
      .execute();
    await recordAudit(tx, actor, {
      entityType: 'contractor',
      entityId: contractorId,
      action: 'reference_added',
      after: { referenceId: id, ...body },
    });
  });
  return id;
}

/** R9: the scorecard candidates are compared on. */
export async function updateScorecard(
  db: Executor,
  actor: Actor,
  contractorId: string,
  body: z.infer<typeof ScorecardBody>,
) {
  const scorecard = {
    quality: body.quality,
    communication: body.communication,
    reliability: body.reliability,
    brandFit: body.brandFit,
  };
  await db.transaction().execute(async (tx) => {
    const set: Record<string, string> = { scorecard_json: JSON.stringify(scorecard) };
    if (body.trialOutcome !== undefined) set.trial_outcome = body.trialOutcome;
    await applyContractorChange(tx, actor, contractorId, body.version, set, 'scorecard_updated');
  });
}
