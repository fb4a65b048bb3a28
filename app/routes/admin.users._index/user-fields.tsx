import { getInputProps, getSelectProps, type FieldMetadata } from '@conform-to/react'
import type { ReactNode } from 'react'
import type { Role } from '~/domain/roles'
import { Field } from '~/components/forms'
import { useT } from '~/i18n/i18n'
import { roles } from '~/domain/roles'

type ProfileFieldset = {
	realName: FieldMetadata<string>
	position: FieldMetadata<string | undefined>
	phone: FieldMetadata<string | undefined>
	role: FieldMetadata<Role>
	agencyId: FieldMetadata<number | undefined>
}

// The fields of userProfileShape (./schema), shared by the create form (./route.tsx) and the
// edit page (admin.users.$userId), inside the caller's grid. A new account has no role yet: an
// empty first option makes the admin choose one, and the browser offers no remembered name.
export function UserProfileFields({
	fields,
	agencies,
	isNew,
	roleHint,
}: {
	fields: ProfileFieldset
	agencies: Array<{ id: number; name: string }>
	isNew: boolean
	roleHint?: ReactNode
}) {
	const t = useT()
	return (
		<>
			<Field label={t.adminUsers.realName} field={fields.realName}>
				<input {...getInputProps(fields.realName, { type: 'text' })} autoComplete={isNew ? 'off' : undefined} />
			</Field>
			<Field label={t.adminUsers.position} field={fields.position}>
				<input {...getInputProps(fields.position, { type: 'text' })} />
			</Field>
			<Field label={t.adminUsers.phone} field={fields.phone}>
				<input {...getInputProps(fields.phone, { type: 'tel' })} />
			</Field>
			<Field label={t.adminUsers.role} field={fields.role} hint={roleHint}>
				<select {...getSelectProps(fields.role)}>
					{/* A required choice: its first option is the empty one (HTML), also when editing. */}
					<option value="">{t.common.choose}</option>
					{roles.map((role) => (
						<option key={role} value={role}>
							{t.roles[role]}
						</option>
					))}
				</select>
			</Field>
			<Field label={t.adminUsers.agency} field={fields.agencyId} hint={t.adminUsers.agencyHint}>
				<select {...getSelectProps(fields.agencyId)}>
					<option value="">{t.adminUsers.noAgency}</option>
					{agencies.map((agency) => (
						<option key={agency.id} value={agency.id}>
							{agency.name}
						</option>
					))}
				</select>
			</Field>
		</>
	)
}

// Left empty, the server generates the password and shows it once: the create form and the
// reset form on the edit page (admin.users.$userId) both take one this way.
export function TemporaryPasswordField({ field }: { field: FieldMetadata<string | undefined> }) {
	const t = useT()
	return (
		<Field label={t.adminUsers.tempPassword} field={field} hint={t.adminUsers.tempPasswordHint}>
			<input {...getInputProps(field, { type: 'text' })} autoComplete="off" spellCheck={false} />
		</Field>
	)
}
