import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  ProcessHealthQuery,
  ProcessHealthReport,
  ScorecardQuery,
  ScorecardReport,
  SpendQuery,
  SpendReport,
  WorkloadQuery,
  WorkloadReport,
} from '../../../contracts/reports';
import { calendarDaysBetween } from '../../../domain/calendar';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import type { Executor } from '../../db';
import { AppError } from '../../errors';
import { workspaceCurrency, workspaceToday } from '../rates';
import { processHealthCsv, scorecardCsv, spendCsv, workloadCsv } from './csv';
import { defaultRange } from './math';
import { processHealthReport } from './process-health';
import { scorecardReport } from './scorecards';
import { spendReport } from './spend';
import { workloadReport } from './workload';

/** R32 reports. R5: spend and rates never reach contractors, so they get 403 on every report. */
const READERS = ['admin', 'coordinator', 'finance', 'strategist'] as const;
const MAX_RANGE_DAYS = 1100;

async function rangeOf(db: Executor, workspaceId: string, q: { from?: string; to?: string }) {
  const today = await workspaceToday(db, workspaceId);
  const d = defaultRange(today);
  const from = q.from ?? d.from;
  const to = q.to ?? d.to;
  if (from > to) {
    throw new AppError('VALIDATION', 'The range must start on or before its end', {
      fields: { from: 'Must be on or before "to"' },
    });
  }
  if (calendarDaysBetween(from, to) > MAX_RANGE_DAYS) {
    throw new AppError('VALIDATION', 'Choose a range of at most three years', {
      fields: { to: 'At most three years after "from"' },
    });
  }
  const ws = await db
    .selectFrom('workspaces')
    .select('time_zone')
    .where('id', '=', workspaceId)
    .executeTakeFirst();
  return { from, to, today, timeZone: ws?.time_zone ?? 'UTC' };
}

function sendCsv(reply: FastifyReply, name: string, body: string) {
  return reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(body);
}

export function registerReportRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get('/api/reports/scorecards', {
    config: { access: READERS, readCache: true },
    schema: {
      tags: ['reports'],
      summary: 'Contractor scorecards, their monthly trend and rate-against-quality (R32)',
      querystring: ScorecardQuery,
      response: { 200: ScorecardReport },
    },
    handler: async (request, reply) => {
      const { workspaceId } = actorOf(request);
      const { format, contractorId, deliverableTypeId, ...range } = request.query;
      const r = await rangeOf(db, workspaceId, range);
      const report = await scorecardReport(db, {
        workspaceId,
        ...r,
        contractorId,
        deliverableTypeId,
      });
      if (format === 'csv')
        return sendCsv(reply, `scorecards-${r.from}-to-${r.to}`, scorecardCsv(report));
      return report;
    },
  });

  app.get('/api/reports/process-health', {
    config: { access: READERS, readCache: true },
    schema: {
      tags: ['reports'],
      summary: 'Lead time, revision notice, feedback with the why, assignment time (R32)',
      querystring: ProcessHealthQuery,
      response: { 200: ProcessHealthReport },
    },
    handler: async (request, reply) => {
      const { workspaceId } = actorOf(request);
      const { format, clientId, ...range } = request.query;
      const r = await rangeOf(db, workspaceId, range);
      const report = await processHealthReport(db, {
        workspaceId,
        from: r.from,
        to: r.to,
        today: r.today,
        timeZone: r.timeZone,
        clientId,
      });
      if (format === 'csv') {
        return sendCsv(reply, `process-health-${r.from}-to-${r.to}`, processHealthCsv(report));
      }
      return report;
    },
  });

  app.get('/api/reports/spend', {
    config: { access: READERS, readCache: true },
    schema: {
      tags: ['reports'],
      summary: 'Spend against budget by client, contractor or type, per month or quarter (R32)',
      querystring: SpendQuery,
      response: { 200: SpendReport },
    },
    handler: async (request, reply) => {
      const { workspaceId } = actorOf(request);
      const { format, groupBy, period, ...range } = request.query;
      const r = await rangeOf(db, workspaceId, range);
      const currency = await workspaceCurrency(db, workspaceId);
      const report = await spendReport(db, {
        workspaceId,
        currency,
        from: r.from,
        to: r.to,
        groupBy,
        period,
      });
      if (format === 'csv')
        return sendCsv(reply, `spend-${groupBy}-${r.from}-to-${r.to}`, spendCsv(report));
      return report;
    },
  });

  app.get('/api/reports/workload', {
    config: { access: READERS, readCache: true },
    schema: {
      tags: ['reports'],
      summary: 'Contractor load by week against capacity, unavailability counted (R32)',
      querystring: WorkloadQuery,
      response: { 200: WorkloadReport },
    },
    handler: async (request, reply) => {
      const { workspaceId } = actorOf(request);
      const { format, weeks, from } = request.query;
      const today = await workspaceToday(db, workspaceId);
      const report = await workloadReport(db, { workspaceId, from: from ?? today, weeks, today });
      if (format === 'csv')
        return sendCsv(reply, `workload-${report.weeks[0]}`, workloadCsv(report));
      return report;
    },
  });
}
