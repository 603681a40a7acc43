import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  QaBody,
  ReviewResult,
  ReviewsView,
  ScrubBody,
  ScrubChecklist,
  UpdateScrubChecklistBody,
} from '../../../contracts/workflow';
import { IdParam } from '../../../contracts/workspace';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { getScrubChecklist, updateScrubChecklist } from './checklists';
import { getReviews, passScrub, recordQa } from './service';

const EVERYONE = ['admin', 'coordinator', 'strategist', 'qa', 'finance', 'contractor'] as const;
const STAFF = ['admin', 'coordinator', 'strategist', 'qa', 'finance'] as const;

/** The strategist scrub and internal QA (R23), and the workspace's scrub checklist. */
export function registerReviewRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['reviews'];

  app.get('/api/tasks/:id/reviews', {
    config: { access: EVERYONE },
    schema: {
      tags,
      summary: 'Scrub and QA reviews of a task, with the checklists that apply to it',
      params: IdParam,
      response: { 200: ReviewsView },
    },
    handler: async (request) => getReviews(db, actorOf(request), request.params.id),
  });

  app.post('/api/tasks/:id/scrub', {
    config: { access: ['strategist', 'admin'] },
    schema: {
      tags,
      summary: "R23: the task's strategist passes the scrub with every check ticked → QA",
      params: IdParam,
      body: ScrubBody,
      response: { 200: ReviewResult },
    },
    handler: async (request) =>
      passScrub(db, actorOf(request), request.params.id, request.body, new Date()),
  });

  app.post('/api/tasks/:id/qa', {
    config: { access: ['qa', 'admin'] },
    schema: {
      tags,
      summary:
        'R23: QA passes (→ client-ready, the only way there) or fails with reasons (→ revision)',
      params: IdParam,
      body: QaBody,
      response: { 200: ReviewResult },
    },
    handler: async (request) =>
      recordQa(db, actorOf(request), request.params.id, request.body, new Date()),
  });

  app.get('/api/checklists/scrub', {
    config: { access: STAFF },
    schema: {
      tags,
      summary: "The workspace's strategist scrub checklist",
      response: { 200: ScrubChecklist },
    },
    handler: async (request) => getScrubChecklist(db, actorOf(request).workspaceId),
  });

  app.put('/api/checklists/scrub', {
    config: { access: ['admin'] },
    schema: {
      tags,
      summary: 'Replace the strategist scrub checklist (admin)',
      body: UpdateScrubChecklistBody,
      response: { 200: ScrubChecklist },
    },
    handler: async (request) =>
      updateScrubChecklist(db, actorOf(request), request.body, new Date()),
  });
}
