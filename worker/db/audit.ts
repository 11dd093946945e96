import { and, desc, eq, lt, or } from 'drizzle-orm'
import { auditLog } from '../../schema/tables'
import type { Db } from './client'

export type AuditRow = typeof auditLog.$inferSelect

export async function insertAudit(db: Db, row: typeof auditLog.$inferInsert): Promise<void> {
  await db.insert(auditLog).values(row)
}

/** A page of the organisation's audit log, newest first. */
export async function listAudit(db: Db, orgId: string, limit: number, after?: { createdAt: string; id: string }): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(
      and(
        eq(auditLog.orgId, orgId),
        after ? or(lt(auditLog.createdAt, after.createdAt), and(eq(auditLog.createdAt, after.createdAt), lt(auditLog.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(limit + 1)
    .all()
}
