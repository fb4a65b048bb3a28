import { sql, type Column, type SQL } from 'drizzle-orm'
import { inspectionGroup } from '#db/schema'
import { outer } from '../sql.server'

// Whether the user belongs to the group of the inspection named by the outer query's column
// (inspections.id, visits.inspection_id, findings.inspection_id): the SQL of the read scope
// 'group' (app/domain/inspections.ts), written once for inspections, visits and findings.
export function inGroupOf(inspectionId: Column, userId: number): SQL {
	return sql`exists (select 1 from ${inspectionGroup} where ${inspectionGroup.inspectionId} = ${outer(inspectionId)} and ${inspectionGroup.userId} = ${userId})`
}
