import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler } from 'fastify-type-provider-zod';
import { type RegisteredRoute, registerAccessGuard } from './auth/access';
import { type Auth, createAuth } from './auth/better-auth';
import { registerAuthRoutes } from './auth/routes';
import type { AppConfig } from './config';
import type { AppContext } from './context';
import type { Database } from './db';
import { holdAnswersUntilCommitted } from './db/group-commit';
import { registerErrorHandler } from './error-handler';
import { registerAnnouncementRoutes } from './features/announcements/routes';
import { registerAvailabilityRoutes } from './features/availability/routes';
import { registerBudgetRoutes } from './features/budgets/routes';
import { registerClientRoutes } from './features/clients/routes';
import { registerContractorRoutes } from './features/contractors/routes';
import { registerDeliverableRoutes } from './features/deliverables/routes';
import { registerEscalationRoutes } from './features/escalations/routes';
import { registerFeedRoutes } from './features/feeds/routes';
import { registerInvoiceRoutes } from './features/invoices/routes';
import { registerNotificationRoutes } from './features/notifications/routes';
import { registerRateRoutes } from './features/rates/routes';
import { registerRecognitionRoutes } from './features/recognitions/routes';
import { registerReportRoutes } from './features/reports/routes';
import { registerRequestRoutes } from './features/requests/routes';
import { registerReviewRoutes } from './features/reviews/routes';
import { registerRevisionRoutes } from './features/revisions/routes';
import { registerBoardRoute } from './features/tasks/board-route';
import { registerTaskRoutes } from './features/tasks/routes';
import { registerTimeLogRoutes } from './features/time-logs/routes';
import { registerTokenRoutes } from './features/tokens/routes';
import { registerWebhookRoutes } from './features/webhooks/routes';
import { registerWeeklyUpdateRoutes } from './features/weekly-updates/routes';
import { registerWorkspaceRoutes } from './features/workspaces/routes';
import { registerInputGuard, safeValidatorCompiler } from './input-guard';
import { createLive, type Live } from './live';
import { rateLimitOptions } from './live/rate-limit-store';
import { registerLiveRoutes, registerScaleOutHooks } from './live/routes';
import { createMailer, type Mailer } from './notify/mail';
import { registerReadCache } from './read-cache';
import { registerSecurityHeaders } from './security-headers';

export interface BuiltApp {
  app: FastifyInstance;
  ctx: AppContext;
  /** Every /api route with the access it declares; the permission-matrix test walks it. */
  routes: RegisteredRoute[];
  /** Live updates (SSE): main.ts starts and stops its listener. */
  live: Live;
}

/**
 * The folder holding package.json. Found by walking up because this code runs both from
 * src/server (tsx, vitest) and from the bundle in dist/server (`npm start`).
 */
function projectRoot(from: string): string {
  for (let dir = from; dirname(dir) !== dir; dir = dirname(dir)) {
    if (existsSync(resolve(dir, 'package.json'))) return dir;
  }
  return resolve(from, '../..');
}

export const WEB_DIST = resolve(projectRoot(import.meta.dirname), 'dist/web');

/** Builds the Fastify app with every plugin and feature; does not listen. */
export async function buildApp(
  config: AppConfig,
  database: Database,
  overrides: { mailer?: Mailer; auth?: Auth; logger?: boolean } = {},
): Promise<BuiltApp> {
  const app = Fastify({
    logger:
      overrides.logger === false || config.logLevel === 'silent'
        ? false
        : { level: config.logLevel },
    trustProxy: config.trustProxy,
    bodyLimit: 1_048_576,
  });
  app.setValidatorCompiler(safeValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const ctx: AppContext = {
    config,
    database,
    auth: overrides.auth ?? createAuth(config, database),
    mailer: overrides.mailer ?? createMailer(config.smtpUrl, config.mailFrom),
  };

  // First: the mark must come before any hook reads the database, and its onSend before the
  // read cache's, so an answer whose shared commit failed is never kept.
  holdAnswersUntilCommitted(app, database.opened.groupCommit);
  registerSecurityHeaders(app);
  await app.register(rateLimit, rateLimitOptions(app, config));
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Handoff API',
        version: '1.0.0',
        description:
          'Contractor operations for social media agencies. Sign in with a session cookie; send `x-workspace-id` to choose the workspace. Errors are `{ error: { code, rule, message, fields } }`.',
      },
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            description:
              'An API token (`hf_…`, made under Settings → API tokens): acts as its owner, in its workspace, with their role. No cookie, so no Origin check.',
          },
        },
      },
      security: [{ bearerAuth: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api-docs', uiConfig: { docExpansion: 'list' } });

  registerErrorHandler(app);
  registerScaleOutHooks(app, config);
  const routes = registerAccessGuard(app, {
    auth: ctx.auth,
    database,
    trustedOrigins: [new URL(config.publicUrl).origin],
  });
  registerInputGuard(app);
  registerReadCache(app, config, database);

  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  );
  app.get('/api/health', { config: { access: 'public' }, schema: { hide: true } }, async () => ({
    ok: true,
  }));
  registerAuthRoutes(app, ctx.auth, config.publicUrl);
  registerWorkspaceRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerBudgetRoutes(app, ctx);
  registerTimeLogRoutes(app, ctx);
  registerInvoiceRoutes(app, ctx);
  registerEscalationRoutes(app, ctx);
  registerWeeklyUpdateRoutes(app, ctx);
  registerRecognitionRoutes(app, ctx);
  registerAnnouncementRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerFeedRoutes(app, ctx);
  registerTokenRoutes(app, ctx);
  registerWebhookRoutes(app, ctx);
  registerRequestRoutes(app, ctx);
  registerTaskRoutes(app, ctx);
  registerBoardRoute(app, ctx);
  registerDeliverableRoutes(app, ctx);
  registerRevisionRoutes(app, ctx);
  registerReviewRoutes(app, ctx);
  registerClientRoutes(app, ctx);
  registerContractorRoutes(app, ctx);
  registerRateRoutes(app, ctx);
  registerAvailabilityRoutes(app, ctx);
  const live = createLive(config, database);
  registerLiveRoutes(app, live);

  await registerSpa(app);
  return { app, ctx, routes, live };
}

/**
 * Serves the built SPA when present; unknown non-API GETs get index.html so deep links work, and
 * everything else gets the API's JSON 404.
 */
async function registerSpa(app: FastifyInstance): Promise<void> {
  const hasSpa = existsSync(resolve(WEB_DIST, 'index.html'));
  if (hasSpa) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0];
    if (hasSpa && request.method === 'GET' && !path.startsWith('/api/') && !path.includes('.')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply
      .status(404)
      .send({ error: { code: 'NOT_FOUND', message: `No route ${request.method} ${path}` } });
  });
}
