import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors';
import type { Auth } from './better-auth';

/**
 * Every better-auth endpoint takes a flat JSON object. Anything else (an array, a bare value, a
 * structure nested too deeply to serialise again) is refused here with a 400, never a 500.
 */
export function authBody(body: unknown): string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new AppError('VALIDATION', 'Send a JSON object');
  }
  try {
    return JSON.stringify(body);
  } catch {
    throw new AppError('VALIDATION', 'The request body is nested too deeply');
  }
}

/**
 * The session token lives in the HttpOnly cookie only: better-auth also puts it in the JSON of
 * sign-in, sign-up and get-session, where a script on the page could read it. It is removed.
 */
export function withoutSessionToken(text: string): string {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return text;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return text;
  const record = body as { token?: unknown; session?: { token?: unknown } | null };
  if (typeof record.token === 'string') delete record.token;
  if (record.session && typeof record.session.token === 'string') delete record.session.token;
  return JSON.stringify(record);
}

/**
 * Bridges better-auth's fetch-style handler into Fastify. The client address better-auth uses for
 * its rate limits is set here from Fastify's own `request.ip`, never from a header a client sends.
 */
export function registerAuthRoutes(app: FastifyInstance, auth: Auth, publicUrl: string): void {
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    const headers = new Headers();
    for (const [key, value] of Object.entries(request.headers)) {
      if (value === undefined || key === 'x-handoff-client-ip') continue;
      headers.set(key, Array.isArray(value) ? value.join(', ') : String(value));
    }
    headers.set('x-handoff-client-ip', request.ip || '127.0.0.1');
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body != null;
    const response = await auth.handler(
      new Request(new URL(request.url, publicUrl), {
        method: request.method,
        headers,
        body: hasBody ? authBody(request.body) : undefined,
      }),
    );
    reply.status(response.status);
    for (const [key, value] of response.headers) {
      // Fastify sets the length of the body it sends (which may be redacted below).
      if (key === 'set-cookie' || key === 'content-length') continue;
      reply.header(key, value);
    }
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) reply.header('set-cookie', cookies);
    const text = response.body ? await response.text() : null;
    const json = /json/.test(response.headers.get('content-type') ?? '');
    return reply.send(text && json ? withoutSessionToken(text) : text);
  };
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    config: { access: 'public' },
    schema: { hide: true },
    handler,
  });
}
