import type { FieldWrite } from '../../shared/sync/index.ts';
import { toSeq } from '../store/schema.ts';
import { decodeWrites, encodeWrites } from './records.ts';
import type { SeqAllocator, Trx } from './sequence.ts';

export class UnknownClientError extends Error {
  override readonly name = 'UnknownClientError';
  constructor(readonly clientId: string) {
    super(`No client with id ${clientId}.`);
  }
}

export interface ClientOwner {
  login: string;
  team: string | null;
}

/**
 * Moves a client to another owner (or team) in the server's order: an eviction tells the devices that lose it
 * to remove the client and its children, and every record of the client gets a fresh seq so that devices
 * which gain it receive it at their next pull. Returns the previous owner, or null when nothing changed.
 */
export async function reassignClient(trx: Trx, seqs: SeqAllocator, clientId: string, to: ClientOwner, actor: string): Promise<ClientOwner | null> {
  const scope = await trx.selectFrom('client_scope').selectAll().where('client_id', '=', clientId).executeTakeFirst();
  if (!scope) throw new UnknownClientError(clientId);
  if (scope.owner_login === to.login && scope.team === to.team) return null;
  await trx
    .insertInto('evictions')
    .values({
      seq: seqs.next(), entity: 'clients', record_id: clientId, client_id: clientId, from_owner: scope.owner_login, from_team: scope.team,
      reassigned_at: new Date().toISOString(),
    })
    .execute();
  await trx.updateTable('client_scope').set({ owner_login: to.login, team: to.team }).where('client_id', '=', clientId).execute();
  const rows = await trx.selectFrom('records').select(['entity', 'id', 'seq', 'data', 'writes']).where('client_id', '=', clientId).orderBy('seq').execute();
  for (const row of rows) {
    const seq = seqs.next();
    if (row.entity === 'clients' && row.id === clientId) {
      const data = { ...(JSON.parse(row.data) as Record<string, unknown>), ownerLogin: to.login };
      const write: FieldWrite = { seq, device: 'server', login: actor };
      const writes = { ...decodeWrites(row.writes), ownerLogin: write };
      await trx.updateTable('records').set({ seq, data: JSON.stringify(data), writes: JSON.stringify(encodeWrites(writes)), scope_owner: to.login, scope_team: to.team })
        .where('entity', '=', row.entity).where('id', '=', row.id).execute();
    } else {
      await trx.updateTable('records').set({ seq, scope_owner: to.login, scope_team: to.team })
        .where('entity', '=', row.entity).where('id', '=', row.id).where('seq', '=', toSeq(row.seq)).execute();
    }
  }
  return { login: scope.owner_login, team: scope.team };
}

/** A user's own records that hang off no client follow the user's team: evict them from the old team, re-send to the new. */
export async function rescopeOwnedRecords(trx: Trx, seqs: SeqAllocator, login: string, fromTeam: string | null, toTeam: string | null): Promise<void> {
  const rows = await trx.selectFrom('records').select(['entity', 'id']).where('client_id', 'is', null).where('owner_login', '=', login).execute();
  for (const row of rows) {
    await trx
      .insertInto('evictions')
      .values({ seq: seqs.next(), entity: row.entity, record_id: row.id, client_id: null, from_owner: login, from_team: fromTeam })
      .execute();
    await trx.updateTable('records').set({ seq: seqs.next(), scope_team: toTeam }).where('entity', '=', row.entity).where('id', '=', row.id).execute();
  }
}
