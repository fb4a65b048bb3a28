// Agencies (DESIGN §2). Client-safe lists that db/schema.ts and the forms import.

// In the official order officials expect (the agencies list groups by it).
export const agencyKinds = [
	'government',
	'department',
	// Units under vertical management (financial regulators, the central bank's branch, the
	// telecom and postal administrations): named by the decision, but not city departments.
	'vertical',
	'supervisory_commission',
	'court',
	'procuratorate',
	'party_body',
	'congress',
	'other',
] as const
export type AgencyKind = (typeof agencyKinds)[number]

export const agencyLevels = ['市', '区'] as const
export type AgencyLevel = (typeof agencyLevels)[number]

// The state organs the standing committee supervises directly (Supervision Law Art. 2, 11): the
// government, the supervisory commission, the court and the procuratorate.
export const stateOrganKinds = ['government', 'supervisory_commission', 'court', 'procuratorate'] as const satisfies ReadonlyArray<AgencyKind>
export type StateOrganKind = (typeof stateOrganKinds)[number]

export function isStateOrganKind(kind: string): kind is StateOrganKind {
	return (stateOrganKinds as ReadonlyArray<string>).includes(kind)
}
