import { getInputProps, getSelectProps, type FieldMetadata } from '@conform-to/react'
import { Field } from '~/components/forms'
import { useT } from '~/i18n/i18n'
import { agencyKinds, agencyLevels } from '~/domain/agencies'

type AgencyFieldset = {
	name: FieldMetadata<string>
	shortName: FieldMetadata<string>
	kind: FieldMetadata<(typeof agencyKinds)[number]>
	level: FieldMetadata<(typeof agencyLevels)[number]>
	district: FieldMetadata<string | undefined>
	displayOrder: FieldMetadata<number | undefined>
}

// The fields of agencyShape (./schema), shared by the create form (./route.tsx) and the edit
// page (admin.agencies.$agencyId). A new agency has no kind or level yet: an empty first option
// makes the admin choose one rather than take the first in the list unawares.
export function AgencyFields({ fields }: { fields: AgencyFieldset }) {
	const t = useT()
	return (
		<div className="grid-2">
			<Field label={t.adminAgencies.name} field={fields.name}>
				<input {...getInputProps(fields.name, { type: 'text' })} />
			</Field>
			<Field label={t.adminAgencies.shortName} field={fields.shortName}>
				<input {...getInputProps(fields.shortName, { type: 'text' })} />
			</Field>
			<Field label={t.adminAgencies.kind} field={fields.kind}>
				<select {...getSelectProps(fields.kind)}>
					{/* A required choice: its first option is the empty one (HTML), also when editing. */}
					<option value="">{t.common.choose}</option>
					{agencyKinds.map((kind) => (
						<option key={kind} value={kind}>
							{t.agencyKinds[kind]}
						</option>
					))}
				</select>
			</Field>
			<Field label={t.adminAgencies.level} field={fields.level}>
				<select {...getSelectProps(fields.level)}>
					<option value="">{t.common.choose}</option>
					{agencyLevels.map((level) => (
						<option key={level} value={level}>
							{t.adminAgencies.levels[level]}
						</option>
					))}
				</select>
			</Field>
			<Field label={t.adminAgencies.district} field={fields.district} hint={t.adminAgencies.districtHint}>
				<input {...getInputProps(fields.district, { type: 'text' })} />
			</Field>
			<Field label={t.adminAgencies.displayOrder} field={fields.displayOrder} hint={t.adminAgencies.displayOrderHint}>
				<input {...getInputProps(fields.displayOrder, { type: 'number' })} inputMode="numeric" />
			</Field>
		</div>
	)
}
