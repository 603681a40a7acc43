import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AddLineBody,
  CreateInvoiceBody,
  InvoiceActionBody,
  InvoiceDetail,
  InvoiceExportQuery,
  InvoiceList,
  InvoiceListQuery,
  LineParams,
  UnbilledWork,
  VersionQuery,
} from '../../../contracts/money';
import { IdParam, Ok } from '../../../contracts/workspace';
import { INVOICE_ACTIONS } from '../../../domain/invoice';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import { exportInvoicesCsv } from './csv';
import { addAdjustment, addWork, removeLine } from './lines';
import { renderInvoicePdf } from './pdf';
import {
  createInvoice,
  getInvoice,
  listInvoices,
  unbilledWork,
  workspaceTimeZone,
} from './service';
import { actOnInvoice, discardDraft, refreshDraft } from './transitions';

/** Who may open invoices at all; which of them may act is the state machine's call (R29). */
const READERS = ['admin', 'coordinator', 'finance', 'contractor'] as const;
const EXPORTERS = ['admin', 'finance'] as const;

const ACTION_SUMMARY: Record<(typeof INVOICE_ACTIONS)[number], string> = {
  submit: 'The contractor submits his draft (it gets its number now, without gaps)',
  approve: 'Finance or an admin approves a submitted invoice',
  reject: 'Finance or an admin rejects it with a reason; its work becomes billable again',
  pay: 'Finance or an admin marks an approved invoice paid, with the payment reference',
  reopen: 'The contractor reopens a rejected invoice as a draft (work lines rebuilt)',
};

/** Contractor invoices (R29): drafts from QA-passed work, lines, transitions, PDF and CSV. */
export function registerInvoiceRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;
  const tags = ['invoices'];

  app.get('/api/invoices', {
    config: { access: READERS },
    schema: {
      tags,
      summary: 'Invoices, newest first (a contractor: only his own), by status and contractor',
      querystring: InvoiceListQuery,
      response: { 200: InvoiceList },
    },
    handler: async (request) => listInvoices(db, actorOf(request), request.query),
  });

  app.post('/api/invoices', {
    config: { access: ['contractor'] },
    schema: {
      tags,
      summary: 'R29: a draft for a period, its lines generated from QA-passed work not yet billed',
      body: CreateInvoiceBody,
      response: { 201: InvoiceDetail },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const id = await createInvoice(db, actor, request.body);
      reply.status(201);
      return getInvoice(db, actor, id);
    },
  });

  app.get('/api/invoices/unbilled', {
    config: { access: ['contractor'] },
    schema: {
      tags,
      summary: 'My QA-passed work not on an invoice yet, with its dates (to pick a period)',
      response: { 200: UnbilledWork },
    },
    handler: async (request) => unbilledWork(db, actorOf(request)),
  });

  app.get('/api/invoices/export.csv', {
    config: { access: EXPORTERS },
    schema: {
      tags,
      summary: 'Approved and paid invoices approved in a date range, as CSV for accounting',
      querystring: InvoiceExportQuery,
    },
    handler: async (request, reply) => {
      const { from, to } = request.query;
      const csv = await exportInvoicesCsv(db, actorOf(request), { from, to });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="invoices-${from}-to-${to}.csv"`)
        .send(csv);
    },
  });

  app.get('/api/invoices/:id', {
    config: { access: READERS },
    schema: {
      tags,
      summary: 'An invoice with its lines, timeline and what the viewer may do',
      params: IdParam,
      response: { 200: InvoiceDetail },
    },
    handler: async (request) => getInvoice(db, actorOf(request), request.params.id),
  });

  app.get('/api/invoices/:id/pdf', {
    config: { access: READERS },
    schema: { tags, summary: 'The invoice as a PDF', params: IdParam },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const inv = await getInvoice(db, actor, request.params.id);
      const ws = await db
        .selectFrom('workspaces')
        .select('name')
        .where('id', '=', actor.workspaceId)
        .executeTakeFirst();
      const pdf = await renderInvoicePdf(inv, {
        agencyName: ws?.name ?? '',
        timeZone: await workspaceTimeZone(db, actor.workspaceId),
      });
      const file = `invoice-${inv.label}.pdf`.replace(/[^\w.-]/g, '_');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${file}"`)
        .send(pdf);
    },
  });

  app.delete('/api/invoices/:id', {
    config: { access: ['contractor'] },
    schema: {
      tags,
      summary: 'The contractor discards a draft never submitted; its work is free again',
      params: IdParam,
      querystring: VersionQuery,
      response: { 200: Ok },
    },
    handler: async (request) => {
      await discardDraft(db, actorOf(request), request.params.id, request.query.version);
      return { ok: true as const };
    },
  });

  app.post('/api/invoices/:id/lines', {
    config: { access: READERS },
    schema: {
      tags,
      summary:
        'Add a bonus or adjustment with a reason (finance, coordinator, admin) or, for the ' +
        'contractor, one piece of his QA-passed work (409 when it is already billed)',
      params: IdParam,
      body: AddLineBody,
      response: { 201: InvoiceDetail },
    },
    handler: async (request, reply) => {
      const actor = actorOf(request);
      const body = request.body;
      if ('kind' in body) await addAdjustment(db, actor, request.params.id, body);
      else await addWork(db, actor, request.params.id, body);
      reply.status(201);
      return getInvoice(db, actor, request.params.id);
    },
  });

  app.delete('/api/invoices/:id/lines/:lineId', {
    config: { access: READERS },
    schema: {
      tags,
      summary: 'Take a line off a draft (its work becomes billable again)',
      params: LineParams,
      querystring: VersionQuery,
      response: { 200: InvoiceDetail },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      await removeLine(db, actor, request.params, request.query.version);
      return getInvoice(db, actor, request.params.id);
    },
  });

  app.post('/api/invoices/:id/refresh', {
    config: { access: ['contractor'] },
    schema: {
      tags,
      summary: "Pull newly QA-passed work of the draft's period onto it",
      params: IdParam,
      body: z.object({ version: z.number().int() }),
      response: { 200: InvoiceDetail },
    },
    handler: async (request) => {
      const actor = actorOf(request);
      await refreshDraft(db, actor, request.params.id, request.body.version);
      return getInvoice(db, actor, request.params.id);
    },
  });

  for (const action of INVOICE_ACTIONS) {
    app.post(`/api/invoices/:id/${action}`, {
      config: { access: READERS },
      schema: {
        tags,
        summary: ACTION_SUMMARY[action],
        params: IdParam,
        body: InvoiceActionBody,
        response: { 200: InvoiceDetail },
      },
      handler: async (request) => {
        const actor = actorOf(request);
        await actOnInvoice(db, actor, request.params.id, action, request.body);
        return getInvoice(db, actor, request.params.id);
      },
    });
  }
}
