import nodemailer from 'nodemailer';
import type { Executor } from '../db';
import { newId, nowIso } from '../lib/ids';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  workspaceId?: string | null;
}

export interface Mailer {
  /** True when mail really leaves (SMTP_URL set); false when it lands in the dev outbox. */
  readonly delivers: boolean;
  send(db: Executor, mail: Mail): Promise<void>;
}

/**
 * With SMTP_URL, mail goes out through nodemailer. Without it, mail is kept in the outbox table
 * and shown on the dev outbox page, so invitations work on a laptop with no mail server.
 */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) {
    return {
      delivers: false,
      async send(db, mail) {
        await db
          .insertInto('outbox')
          .values({
            id: newId(),
            workspace_id: mail.workspaceId ?? null,
            to_address: mail.to,
            subject: mail.subject,
            text_body: mail.text,
            created_at: nowIso(),
          })
          .execute();
      },
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    delivers: true,
    async send(_db, mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text });
    },
  };
}
