import type { Role } from '../../contracts/roles';
import type { AppContext } from '../context';
import { addMember, createAccount, createWorkspace } from '../features/workspaces/service';
import { seedClients } from './clients';
import { seedCommunity } from './community';
import { seedContractors } from './contractors';
import { seedMoney } from './money';
import { seedRequests } from './requests';
import { seedWorkflow } from './workflow';

export const DEMO_PASSWORD = 'handoff-demo';
export const DEMO_WORKSPACE = 'Northwind Social';

export const DEMO_PEOPLE: { role: Role; name: string; email: string }[] = [
  { role: 'admin', name: 'Kassandra Ferrante', email: 'admin@demo.handoff.test' },
  { role: 'coordinator', name: 'Ellie Sebastian', email: 'coordinator@demo.handoff.test' },
  { role: 'strategist', name: 'Jonathan Reisch', email: 'strategist@demo.handoff.test' },
  { role: 'qa', name: 'Priya Nair', email: 'qa@demo.handoff.test' },
  { role: 'finance', name: 'Marcus Webb', email: 'finance@demo.handoff.test' },
  { role: 'contractor', name: 'Lina Okafor', email: 'contractor@demo.handoff.test' },
];

export interface DemoResult {
  workspaceId: string;
  users: Record<Role, string>;
  clientIds: string[];
  contractorIds: string[];
  deliverableTypeIds: Record<string, string>;
}

/** Seeds the demo workspace: one person per role, sharing the password above. */
export async function seedDemo(ctx: AppContext): Promise<DemoResult> {
  const users = {} as Record<Role, string>;
  for (const p of DEMO_PEOPLE) {
    const { userId } = await createAccount(ctx, {
      name: p.name,
      email: p.email,
      password: DEMO_PASSWORD,
    });
    users[p.role] = userId;
  }
  const db = ctx.database.db;
  const workspaceId = await createWorkspace(db, {
    name: DEMO_WORKSPACE,
    timeZone: 'America/New_York',
    currency: 'USD',
    adminUserId: users.admin,
  });
  for (const p of DEMO_PEOPLE) {
    if (p.role === 'admin') continue;
    await addMember(
      db,
      { workspaceId, userId: users.admin },
      { userId: users[p.role], role: p.role },
    );
  }
  const { clientIds } = await seedClients(ctx, { workspaceId, users });
  const { contractorIds, deliverableTypeIds } = await seedContractors(ctx, { workspaceId, users });
  const demo = { workspaceId, users, clientIds, contractorIds, deliverableTypeIds };
  await seedRequests(ctx, demo);
  await seedWorkflow(ctx, demo);
  await seedCommunity(ctx, demo);
  await seedMoney(ctx, demo);
  return demo;
}

export function demoCredentialsText(publicUrl: string): string {
  const rows = DEMO_PEOPLE.map((p) => `  ${p.role.padEnd(12)} ${p.email}`).join('\n');
  return `Demo workspace "${DEMO_WORKSPACE}" at ${publicUrl}\nPassword for everyone: ${DEMO_PASSWORD}\n${rows}`;
}
