import type { Role } from '~/domain/roles'

export const demoPassword = 'oversight-demo'

type DemoAccount = { username: string; realName: string; position: string; role: Role; agencyKey?: string }

// Fictional people, marked 示例 so nobody mistakes them for real officials.
export const demoAccounts: Array<DemoAccount> = [
	{ username: 'admin', realName: '系统管理员（示例）', position: '办公厅信息中心', role: 'admin' },
	{ username: 'mishu', realName: '陈静（示例）', position: '法制工作委员会 秘书', role: 'secretariat' },
	...['李华', '王强', '张敏', '刘洋', '杨帆', '赵雪', '黄磊', '周婷', '吴刚'].map((name, index) => ({
		username: `weiyuan${index + 1}`,
		realName: `${name}（示例）`,
		position: '常委会委员',
		role: 'member' as const,
	})),
	...['孙丽', '马超', '胡晓'].map((name, index) => ({
		username: `daibiao${index + 1}`,
		realName: `${name}（示例）`,
		position: '市人大代表',
		role: 'deputy' as const,
	})),
	{ username: 'gongan', realName: '郑伟（示例）', position: '市公安局 法制支队 联络员', role: 'agency', agencyKey: 'psb' },
	{ username: 'jiaoyu', realName: '何芳（示例）', position: '市教育局 安全处 联络员', role: 'agency', agencyKey: 'edu' },
]
