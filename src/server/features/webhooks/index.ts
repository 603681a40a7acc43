/** What other features may use of webhooks: queue an event in their own transaction. */
export { DELIVER_WEBHOOKS_JOB, deliverWebhooks, emitWebhookEvent } from './deliver';
