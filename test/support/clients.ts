import { DEMO_CLIENTS } from '../../src/server/demo/clients-data';
import type { TestApp } from './harness';

/** A one-sheeter with every required section written (hashtags and competitors left empty). */
export const fullSheet = {
  brandVoice: 'Bold and direct',
  audience: 'Runners 20-40',
  productsServices: 'Shoes',
  goals: 'Sales',
  dosAndDonts: 'No medical claims',
  visualIdentityLinks: ['https://example.com/brand'],
  hashtagsAndHandles: '',
  competitors: '',
  contentPillars: ['Training', 'Community'],
  communityManagement: {
    customerServiceInquiries: 'Orders to support',
    positiveComments: 'Thank them',
    negativeComments: 'Move to DM',
    escalationContact: 'Jonathan',
  },
};

/** The id of a demo client by name (seedDemo returns them in DEMO_CLIENTS order). */
export function demoClientId(t: TestApp, name: string): string {
  const i = DEMO_CLIENTS.findIndex((c) => c.name === name);
  if (i < 0) throw new Error(`no demo client ${name}`);
  return t.demo.clientIds[i];
}

/** A second agency with its own admin, signed in there. */
export async function createSecondWorkspace(t: TestApp, dialect: string) {
  const { createAccount, createWorkspace } = await import(
    '../../src/server/features/workspaces/service'
  );
  const email = `olga.${dialect}@other-clients.test`;
  const { userId } = await createAccount(t.ctx, {
    name: 'Olga Other',
    email,
    password: 'other-password',
  });
  const workspaceId = await createWorkspace(t.database.db, {
    name: 'Other Agency',
    timeZone: 'UTC',
    currency: 'USD',
    adminUserId: userId,
  });
  return t.signIn(email, 'other-password', workspaceId);
}
