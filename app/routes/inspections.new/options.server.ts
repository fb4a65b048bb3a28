import type { InspectionFormOptions } from '~/models/inspections.server'
import type { InspectionOptions } from './schema'

// What the inspection form may choose, as the ids its schema checks against.
export function inspectionOptionIds(options: InspectionFormOptions): InspectionOptions {
	return {
		organIds: options.organs.map((o) => o.id),
		clauseIds: options.clauses.map((c) => c.id),
		memberIds: options.members.map((m) => m.id),
		deputyIds: options.deputies.map((d) => d.id),
		planItemIds: options.planItems.map((p) => p.id),
	}
}
