import type { Role } from '../../contracts/roles';
import { emptyOneSheeter } from '../../domain/one-sheeter';
import type { AppContext } from '../context';
import { overrideFit } from '../features/clients/fit-override';
import { saveOneSheeter } from '../features/clients/one-sheeter-service';
import { createClient } from '../features/clients/service';
import { DEMO_CLIENTS } from './clients-data';

/**
 * Demo clients through the same services the API uses (so fit, versions and the audit trail
 * are real): created by the strategist, overrides by the coordinator.
 */
export async function seedClients(
  ctx: AppContext,
  demo: { workspaceId: string; users: Record<Role, string> },
): Promise<{ clientIds: string[] }> {
  const db = ctx.database.db;
  const strategist = {
    workspaceId: demo.workspaceId,
    userId: demo.users.strategist,
    role: 'strategist' as const,
  };
  const coordinator = {
    workspaceId: demo.workspaceId,
    userId: demo.users.coordinator,
    role: 'coordinator' as const,
  };
  const clientIds: string[] = [];
  for (const c of DEMO_CLIENTS) {
    const client = await createClient(db, strategist, {
      name: c.name,
      companyCategory: c.category,
      departmentTier: c.tier,
      typicalRevisionRounds: c.rounds,
      collateralReady: c.collateralReady,
      strategistUserId: demo.users.strategist,
      contacts: c.contacts,
      notes: c.notes,
    });
    clientIds.push(client.id);
    if (c.override) await overrideFit(db, coordinator, client.id, c.override);
    let baseVersion = 0;
    for (const content of c.oneSheeter) {
      const saved = await saveOneSheeter(db, strategist, client.id, {
        baseVersion,
        content: { ...emptyOneSheeter(), ...content },
      });
      baseVersion = saved.version;
    }
  }
  return { clientIds };
}
