import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  BudgetCheck,
  BudgetCheckQuery,
  BudgetList,
  BudgetListQuery,
  BudgetParams,
  BudgetRow,
  PutBudgetBody,
} from '../../../contracts/money';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { BUDGET_EDITORS, BUDGET_READERS, checkBudget, listBudgets, putBudget } from './service';

/** Budgets per client per month (R27). Contractors never see budgets (R5): 403 on every route. */
export function registerBudgetRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['budgets'];

  app.get('/api/budgets', {
    config: { access: BUDGET_READERS },
    schema: {
      tags,
      summary: 'Every client for a month: planned, emergency maximum, committed, actual, alert',
      querystring: BudgetListQuery,
      response: { 200: BudgetList },
    },
    handler: async (request) => listBudgets(db, actorOf(request), request.query.month),
  });

  app.get('/api/budgets/check', {
    config: { access: BUDGET_READERS },
    schema: {
      tags,
      summary: 'R27: what committing an amount would mean (within, needs approval, refused)',
      querystring: BudgetCheckQuery,
      response: { 200: BudgetCheck },
    },
    handler: async (request) => checkBudget(db, actorOf(request).workspaceId, request.query),
  });

  app.put('/api/budgets/:clientId/:month', {
    config: { access: BUDGET_EDITORS },
    schema: {
      tags,
      summary:
        "Set a client's planned amount and emergency maximum for a month (version 0 creates)",
      params: BudgetParams,
      body: PutBudgetBody,
      response: { 200: BudgetRow },
    },
    handler: async (request) => putBudget(db, actorOf(request), request.params, request.body),
  });
}
