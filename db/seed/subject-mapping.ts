import { agencyRoster } from './agencies'

// Subject phrase → agencies (by roster key). The decision names its subjects generically
// ("公安机关", "金融、通信等行业主管部门"); this table turns them into concrete agencies for the
// draft 责任分解表, which the secretariat then corrects. Phrases are kept whole as the text
// writes them before 应当 (and after 会同 / 与…协作), because task extraction looks them up
// verbatim first (app/domain/subjects.ts). The order of keys is the order agencies are listed
// on a task, so the agency that carries the duty comes first.

const districtKeys = agencyRoster
	.filter((agency) => agency.key.startsWith('district-'))
	.map((agency) => agency.key)

const zoneKeys = agencyRoster
	.filter((agency) => agency.key.startsWith('zone-'))
	.map((agency) => agency.key)

// The central bank's credit bureau, the banking regulator, the securities regulator, and the
// city's local financial bureau for the lenders it licenses.
const financialRegulators = ['pbc-hubei', 'nfra-hubei', 'csrc-hubei', 'local-finance']

// The telecom regulator proper, and the city's information and communications department.
const telecomRegulators = ['ca-hubei', 'eit']

// Internet content and platform accounts (十四) are the cyberspace office's; ICP licensing sits
// with the telecom regulator, which every clause naming 互联网 also reaches through 通信.
const internetRegulators = ['cac']

const industryRegulators = [...financialRegulators, ...telecomRegulators, ...internetRegulators]

export const subjectMapping: Array<{ subject: string; agencies: Array<string> }> = [
	// ── Phrases of the Wuhan decision, in the order they first appear ──

	// (一) and (二): everyone, or the work itself. Nobody in particular answers for them, so the
	// coordinating body leads by default (DESIGN §2).
	{ subject: '全市各级国家机关、人民团体、企业事业单位、社会组织', agencies: ['jco'] },
	{ subject: '全面开展打击治理电信网络诈骗违法犯罪工作', agencies: ['jco'] },

	// (三), (二十). 区人民政府 are the 13 elected district governments, each answerable to its
	// own people's congress — the same 市、区 pairing as the 市、区人大常委会 that oversee them in
	// (二十). The zones' management committees are agencies of the city government, not
	// 人民政府, and are reached through 市人民政府 here and through "各区" in (十六); the
	// secretariat adds them to a task where the zone runs its own anti-fraud centre.
	{ subject: '市、区人民政府', agencies: ['gov', ...districtKeys] },

	// (四): since 2018 the political-legal commission carries comprehensive-management duties
	// and runs the 平安建设 assessment.
	{ subject: '市社会治安综合治理统筹协调部门', agencies: ['plac'] },

	// (五)
	{ subject: '市打击治理电信网络新型违法犯罪工作联席会议办公室', agencies: ['jco'] },

	// (六)
	{ subject: '全市各级监察机关', agencies: ['supervision'] },

	// (七), (八), (九), (十九)
	{ subject: '公安机关', agencies: ['psb'] },

	// (八), after 会同
	{
		subject: '金融、通信等行业主管部门',
		agencies: [...financialRegulators, ...telecomRegulators],
	},

	// (十): three joint leads, in the text's order.
	{ subject: '公安机关、人民检察院、人民法院', agencies: ['psb', 'procuratorate', 'court'] },

	// (十一), (十二)
	{ subject: '金融、通信、互联网等行业主管部门', agencies: industryRegulators },

	// (十二), second sentence: "对于……的企业，行业主管部门应当" refers back to the three industries
	// of the sentence before.
	{ subject: '行业主管部门', agencies: industryRegulators },

	// (十三): bank accounts and phone-card registration — the account rules are the central
	// bank's, bank supervision the financial regulator's, phone cards the telecom regulator's.
	// Neither the securities regulator, the local financial bureau nor the city's information
	// department supervises account opening, so this is narrower than its components' union.
	{ subject: '金融、通信行业主管部门', agencies: ['pbc-hubei', 'nfra-hubei', 'ca-hubei'] },

	// (十四)
	{ subject: '互联网行业主管部门', agencies: internetRegulators },

	// (十五), general paragraph: all member units — the coordinating body answers for them.
	{
		subject: '全市各相关职能部门、打击治理电信网络新型违法犯罪工作联席会议各成员单位',
		agencies: ['jco'],
	},
	{ subject: '教育主管部门', agencies: ['edu'] },
	// 征信 proper is the central bank's credit-reference administration; the 失信联合惩戒 lists
	// are kept in the public credit system the development and reform commission coordinates.
	{ subject: '征信部门', agencies: ['pbc-hubei', 'ndrc'] },
	{ subject: '市场监管部门', agencies: ['amr'] },
	{ subject: '邮政管理部门', agencies: ['post'] },
	{ subject: '司法行政部门', agencies: ['justice'] },

	// (十六): territorial duty, so every district including the functional zones.
	{ subject: '各区', agencies: [...districtKeys, ...zoneKeys] },

	// (十七)
	{ subject: '宣传部门', agencies: ['propaganda'] },

	// (十九), after 会同: unspecified departments — the coordinating body gathers them.
	{ subject: '相关部门', agencies: ['jco'] },

	// (二十), closing paragraph: only the city committee uses this app; district committees
	// oversee their own governments outside it.
	{ subject: '市、区人大常委会', agencies: ['congress'] },

	// ── Generic terms, for other instruments and for the resolver's component step ──
	// (the resolver strips 全市/本市/各级/市、区 and splits enumerations, so these bare forms
	// are what those steps land on)
	{ subject: '人民政府', agencies: ['gov', ...districtKeys] },
	{ subject: '市人民政府', agencies: ['gov'] },
	{ subject: '区人民政府', agencies: districtKeys },
	{ subject: '各区人民政府', agencies: districtKeys },
	{ subject: '人大常委会', agencies: ['congress'] },
	{ subject: '市人大常委会', agencies: ['congress'] },
	{ subject: '监察机关', agencies: ['supervision'] },
	{ subject: '监察委员会', agencies: ['supervision'] },
	{ subject: '人民法院', agencies: ['court'] },
	{ subject: '人民检察院', agencies: ['procuratorate'] },
	{ subject: '公安部门', agencies: ['psb'] },
	{ subject: '社会治安综合治理统筹协调部门', agencies: ['plac'] },
	{ subject: '政法委员会', agencies: ['plac'] },
	{ subject: '打击治理电信网络新型违法犯罪工作联席会议办公室', agencies: ['jco'] },
	{ subject: '联席会议办公室', agencies: ['jco'] },
	{ subject: '金融行业主管部门', agencies: financialRegulators },
	{ subject: '金融管理部门', agencies: financialRegulators },
	{ subject: '金融监督管理部门', agencies: ['nfra-hubei', 'local-finance'] },
	{ subject: '中国人民银行', agencies: ['pbc-hubei'] },
	{ subject: '银行业监督管理机构', agencies: ['nfra-hubei'] },
	{ subject: '证券监督管理机构', agencies: ['csrc-hubei'] },
	{ subject: '地方金融管理部门', agencies: ['local-finance'] },
	{ subject: '通信行业主管部门', agencies: telecomRegulators },
	{ subject: '电信主管部门', agencies: ['ca-hubei'] },
	{ subject: '工业和信息化部门', agencies: ['eit'] },
	{ subject: '经济和信息化部门', agencies: ['eit'] },
	{ subject: '网信部门', agencies: ['cac'] },
	{ subject: '教育部门', agencies: ['edu'] },
	{ subject: '教育行政部门', agencies: ['edu'] },
	{ subject: '市场监督管理部门', agencies: ['amr'] },
	{ subject: '民政部门', agencies: ['civil-affairs'] },
	{ subject: '财政部门', agencies: ['finance'] },
	{ subject: '发展改革部门', agencies: ['ndrc'] },
	{ subject: '司法行政机关', agencies: ['justice'] },
	{ subject: '邮政管理机构', agencies: ['post'] },
]
