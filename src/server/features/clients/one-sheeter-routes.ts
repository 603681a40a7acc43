import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  Brief,
  ClientIdParam,
  DiffQuery,
  OneSheeterDiff,
  OneSheeterVersionList,
  OneSheeterVersionView,
  OneSheeterView,
  SaveOneSheeterBody,
  VersionListQuery,
  VersionParams,
} from '../../../contracts/clients';
import { IdParam } from '../../../contracts/workspace';
import { actorOf } from '../../auth/access';
import type { AppContext } from '../../context';
import * as sheets from './one-sheeter-service';
import { BRIEF_READERS, CLIENT_EDITORS, CLIENT_READERS } from './policy';

const tags = ['one-sheeters'];

/** The Social Client One-Sheeter (R3/R4) for staff, and the contractor's brief (R5). */
export function registerOneSheeterRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const db = ctx.database.db;

  app.get('/api/clients/:id/one-sheeter', {
    config: { access: CLIENT_READERS },
    schema: {
      tags,
      summary: 'The current one-sheeter with its completeness (version 0: none yet)',
      params: IdParam,
      response: { 200: OneSheeterView },
    },
    handler: async (request) => sheets.getOneSheeter(db, actorOf(request), request.params.id),
  });

  app.put('/api/clients/:id/one-sheeter', {
    config: { access: CLIENT_EDITORS },
    schema: {
      tags,
      summary: 'Save a new version (R3); 409 when someone saved since baseVersion',
      params: IdParam,
      body: SaveOneSheeterBody,
      response: { 200: OneSheeterView },
    },
    handler: async (request) =>
      sheets.saveOneSheeter(db, actorOf(request), request.params.id, request.body),
  });

  app.get('/api/clients/:id/one-sheeter/versions', {
    config: { access: CLIENT_READERS },
    schema: {
      tags,
      summary: 'Version history, newest first (keyset: before)',
      params: IdParam,
      querystring: VersionListQuery,
      response: { 200: OneSheeterVersionList },
    },
    handler: async (request) =>
      sheets.listVersions(db, actorOf(request), request.params.id, request.query),
  });

  app.get('/api/clients/:id/one-sheeter/versions/:version', {
    config: { access: CLIENT_READERS },
    schema: {
      tags,
      summary: 'One version of the one-sheeter',
      params: VersionParams,
      response: { 200: OneSheeterVersionView },
    },
    handler: async (request) =>
      sheets.getVersion(db, actorOf(request), request.params.id, request.params.version),
  });

  app.get('/api/clients/:id/one-sheeter/diff', {
    config: { access: CLIENT_READERS },
    schema: {
      tags,
      summary: 'Section-by-section changes between two versions (from=0: from empty)',
      params: IdParam,
      querystring: DiffQuery,
      response: { 200: OneSheeterDiff },
    },
    handler: async (request) =>
      sheets.diffVersions(db, actorOf(request), request.params.id, request.query),
  });

  app.get('/api/briefs/:clientId', {
    config: { access: BRIEF_READERS },
    schema: {
      tags,
      summary:
        "R5: a client's brief as a contractor sees it (only paired contractors; staff preview)",
      params: ClientIdParam,
      response: { 200: Brief },
    },
    handler: async (request) => sheets.getBrief(db, actorOf(request), request.params.clientId),
  });
}
