// Durable jobs on the same PostgreSQL with pg-boss (SKIP LOCKED, so any number of instances can
// work the queues). Jobs sent inside a database transaction are only visible once it commits, so a
// rolled-back change never sends its email.
import { CompiledQuery, type Transaction } from 'kysely';
import PgBoss from 'pg-boss';
import type { Database } from '../db/types.ts';

export const queues = {
  sendEmail: 'email.send',
  maintenance: 'maintenance.daily',
  lineManagerSweep: 'line-manager.sweep',
  invitationSweep: 'invitation.sweep',
  relationshipSweep: 'relationship.sweep',
} as const;

export type QueueName = (typeof queues)[keyof typeof queues];

export interface JobQueue {
  boss: PgBoss;
  send(name: QueueName, data: object, options?: { trx?: Transaction<Database>; startAfter?: Date; singletonKey?: string }): Promise<string | null>;
  stop(): Promise<void>;
}

function transactionAdapter(trx: Transaction<Database>): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const result = await trx.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] as never[] };
    },
  };
}

export async function startJobQueue(url: string, options: { supervise: boolean }): Promise<JobQueue> {
  const boss = new PgBoss({
    connectionString: url,
    schema: 'pgboss',
    max: 4,
    supervise: options.supervise,
    schedule: options.supervise,
  });
  boss.on('error', () => undefined);
  await boss.start();
  await boss.createQueue(queues.sendEmail, { name: queues.sendEmail, retryLimit: 8, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 });
  await boss.createQueue(queues.maintenance, { name: queues.maintenance, policy: 'singleton' });
  // 'stately': at most one sweep queued and one running, so a slow sweep never overlaps the next.
  await boss.createQueue(queues.lineManagerSweep, { name: queues.lineManagerSweep, policy: 'stately', expireInSeconds: 600 });
  await boss.createQueue(queues.invitationSweep, { name: queues.invitationSweep, policy: 'stately', expireInSeconds: 600 });
  await boss.createQueue(queues.relationshipSweep, { name: queues.relationshipSweep, policy: 'stately', expireInSeconds: 600 });
  return {
    boss,
    send: (name, data, sendOptions = {}) =>
      boss.send(name, data, {
        ...(sendOptions.trx ? { db: transactionAdapter(sendOptions.trx) } : {}),
        ...(sendOptions.startAfter ? { startAfter: sendOptions.startAfter } : {}),
        ...(sendOptions.singletonKey ? { singletonKey: sendOptions.singletonKey } : {}),
      }),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 20_000 }),
  };
}
