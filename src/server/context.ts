import type { Auth } from './auth/better-auth';
import type { AppConfig } from './config';
import type { Database } from './db';
import type { Mailer } from './notify/mail';

/** What every feature's routes get: one object built once at start. */
export interface AppContext {
  config: AppConfig;
  database: Database;
  auth: Auth;
  mailer: Mailer;
}
