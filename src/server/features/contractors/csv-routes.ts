import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { CsvImportBody, CsvImportResult } from '../../../contracts/rates';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { exportContractorsCsv, importContractorsCsv } from './csv';
import { CONTRACTOR_MANAGERS } from './policy';

export function registerContractorCsvRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get('/api/contractors/export.csv', {
    config: { access: CONTRACTOR_MANAGERS },
    schema: { tags: ['contractors'], summary: 'R6 every contractor as CSV (skills by name)' },
    handler: async (request, reply) => {
      const csv = await exportContractorsCsv(db, { workspaceId: actorOf(request).workspaceId });
      reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="contractors.csv"');
      return csv;
    },
  });

  app.post('/api/contractors/import', {
    config: { access: CONTRACTOR_MANAGERS, rateLimit: { max: 20, timeWindow: '1 minute' } },
    schema: {
      tags: ['contractors'],
      summary: 'R6 import contractors from CSV by e-mail: all rows valid or nothing is written',
      body: CsvImportBody,
      response: { 200: CsvImportResult },
    },
    handler: async (request) => importContractorsCsv(db, actorOf(request), request.body),
  });
}
