import { expect, test } from 'vitest'
import { auditDiff, auditHref, formatShanghaiTime } from './present'

test('times are shown in Asia/Shanghai as YYYY-MM-DD HH:mm:ss', () => {
	expect(formatShanghaiTime(new Date('2024-03-01T16:05:09Z'))).toBe('2024-03-02 00:05:09')
	expect(formatShanghaiTime(new Date('2024-12-31T15:59:59Z'))).toBe('2024-12-31 23:59:59')
})

test('the diff shows only the keys that changed', () => {
	expect(auditDiff({ name: '甲', shortName: '甲局', active: true }, { name: '甲', shortName: '乙局', active: false })).toEqual([
		{ key: 'shortName', before: '甲局', after: '乙局', hidden: false },
		{ key: 'active', before: 'true', after: 'false', hidden: false },
	])
	expect(auditDiff({ agencies: ['公安局'] }, { agencies: ['公安局'] })).toEqual([])
})

test('a created record shows every key as new, a removed one every key as gone', () => {
	expect(auditDiff(null, { username: 'zhangsan', agencyId: null })).toEqual([
		{ key: 'username', before: null, after: 'zhangsan', hidden: false },
		{ key: 'agencyId', before: null, after: 'null', hidden: false },
	])
	expect(auditDiff({ agencies: ['公安局', '教育局'] }, null)).toEqual([
		{ key: 'agencies', before: '["公安局","教育局"]', after: null, hidden: false },
	])
	expect(auditDiff(null, null)).toEqual([])
})

test('password and hash values are never shown, even if audited by mistake', () => {
	const [row] = auditDiff({ passwordHash: '$argon2id$old' }, { passwordHash: '$argon2id$new' })
	expect(row).toEqual({ key: 'passwordHash', before: null, after: null, hidden: true })
	expect(auditDiff(null, { password: 'x', mustChangePassword: true })).toEqual([
		{ key: 'password', before: null, after: null, hidden: true },
		{ key: 'mustChangePassword', before: null, after: 'true', hidden: false },
	])
})

test('values that are not objects are compared whole', () => {
	expect(auditDiff(3, 4)).toEqual([{ key: '', before: '3', after: '4', hidden: false }])
})

test('page links keep the filters', () => {
	expect(auditHref({ actor: 'system', action: 'login.failed', from: '2024-03-01', entityId: undefined }, 3)).toBe(
		'/audit?actor=system&action=login.failed&from=2024-03-01&page=3',
	)
	expect(auditHref({}, 1)).toBe('/audit')
})
