import { expect, test } from 'vitest'
import { eq } from 'drizzle-orm'
import { getDb } from '#db/client.server'
import { users } from '#db/schema'
import { actorFor, userId } from '#test/helpers'
import { createUser, setDisabled, updateProfile } from './mutations.server'

const db = () => getDb()

async function account(username: string) {
	const [row] = await db().select().from(users).where(eq(users.id, await userId(username)))
	return row
}

test('account rules hold in the transaction: a username once, whatever its case; an administrator keeps their role and account', async () => {
	const admin = await actorFor('admin')
	const newUser = { username: 'WeiYuan1', password: 'Hankou-2025', realName: '重名', role: 'member' as const, mustChangePassword: true }
	await expect(createUser(db(), admin, newUser)).rejects.toMatchObject({ refusal: { kind: 'rule', code: 'adminUsers.usernameTaken', status: 400 } })
	await expect(createUser(db(), await actorFor('mishu'), { ...newUser, username: 'someone' })).rejects.toMatchObject({ refusal: { kind: 'forbidden' } })
	const self = await account('admin')
	const profile = { userId: self.id, version: self.version, realName: self.realName, position: '', phone: '', agencyId: null }
	await expect(updateProfile(db(), admin, { ...profile, role: 'member' })).rejects.toMatchObject({ refusal: { kind: 'rule', code: 'adminUsers.ownRole' } })
	await expect(setDisabled(db(), admin, { userId: self.id, version: self.version, disabled: true })).rejects.toMatchObject({
		refusal: { kind: 'rule', code: 'adminUsers.disableSelf' },
	})
	expect(await account('admin')).toEqual(self)
	// A liaison's agency goes with the role: a member belongs to none.
	const member = await account('weiyuan2')
	await updateProfile(db(), admin, { userId: member.id, version: member.version, realName: member.realName, position: '', phone: '', role: 'member', agencyId: 3 })
	expect((await account('weiyuan2')).agencyId).toBeNull()
})
