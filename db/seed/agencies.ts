// The agencies the Wuhan anti-fraud decision makes responsible, as concrete organisations.
//
// The array order IS the official display order (DESIGN §2: sorting by name differs between
// PGlite and PostgreSQL, and officials expect protocol order). Protocol order in a Chinese city:
// the party committee's bodies first, then the people's congress standing committee, the
// government and its departments, the supervisory commission, the court, the procuratorate;
// then the district governments and the functional zones; then units under vertical
// management, which are not city organs; last the joint-conference office, a coordinating body
// rather than an organ.
//
// Only agencies the decision names or implies are listed; admins add more through the app.

export type AgencyKind =
	| 'government'
	| 'department'
	| 'vertical'
	| 'supervisory_commission'
	| 'court'
	| 'procuratorate'
	| 'party_body'
	| 'congress'
	| 'other'

export type AgencySeed = {
	/** Stable ASCII slug: seeds and the subject mapping refer to agencies by it. */
	key: string
	name: string
	shortName: string
	kind: AgencyKind
	level: '市' | '区'
	district: string | null
}

function districtGovernment(slug: string, district: string): AgencySeed {
	return {
		key: `district-${slug}`,
		name: `武汉市${district}人民政府`,
		shortName: `${district}政府`,
		kind: 'government',
		level: '区',
		district,
	}
}

// Functional zones are run by management committees (管委会), agencies of the city government
// rather than elected governments, but they carry district duties and stand in "各区" rankings.
function zoneCommittee(slug: string, name: string, district: string): AgencySeed {
	return {
		key: `zone-${slug}`,
		name,
		shortName: `${district}管委会`,
		kind: 'government',
		level: '区',
		district,
	}
}

export const agencyRoster: Array<AgencySeed> = [
	// Party bodies, in the order of the municipal party committee's departments. The decision
	// names them by function: 宣传部门 (十七); 市社会治安综合治理统筹协调部门 (四) — the
	// comprehensive-management commission was folded into the political-legal commission in
	// 2018, which now runs 平安建设 assessment; 互联网行业主管部门 (十一, 十二, 十四) — internet
	// content regulation sits with the cyberspace office.
	{
		key: 'propaganda',
		name: '中共武汉市委宣传部',
		shortName: '市委宣传部',
		kind: 'party_body',
		level: '市',
		district: null,
	},
	{
		key: 'plac',
		name: '中共武汉市委政法委员会',
		shortName: '市委政法委',
		kind: 'party_body',
		level: '市',
		district: null,
	},
	{
		key: 'cac',
		name: '中共武汉市委网络安全和信息化委员会办公室',
		shortName: '市委网信办',
		kind: 'party_body',
		level: '市',
		district: null,
	},

	// The committee itself: the closing paragraph of (二十) makes it responsible for oversight.
	// It may lead a task but is never ranked or carded (DESIGN §3).
	{
		key: 'congress',
		name: '武汉市人民代表大会常务委员会',
		shortName: '市人大常委会',
		kind: 'congress',
		level: '市',
		district: null,
	},

	{
		key: 'gov',
		name: '武汉市人民政府',
		shortName: '市政府',
		kind: 'government',
		level: '市',
		district: null,
	},

	// City government departments, in the order the city government lists them.
	// 失信联合惩戒 (十五, 征信 paragraph) runs through the public credit system, which the
	// development and reform commission coordinates alongside the central bank's credit bureau.
	{
		key: 'ndrc',
		name: '武汉市发展和改革委员会',
		shortName: '市发展改革委',
		kind: 'department',
		level: '市',
		district: null,
	},
	// 教育主管部门 (十五).
	{
		key: 'edu',
		name: '武汉市教育局',
		shortName: '市教育局',
		kind: 'department',
		level: '市',
		district: null,
	},
	// The city's information and communications industry department: the city-side half of
	// 通信行业主管部门 (八, 十一, 十二); the regulator proper is the vertical 湖北省通信管理局.
	{
		key: 'eit',
		name: '武汉市经济和信息化局',
		shortName: '市经信局',
		kind: 'department',
		level: '市',
		district: null,
	},
	// 公安机关 (七–十, 十九); the joint-conference office is housed here.
	{
		key: 'psb',
		name: '武汉市公安局',
		shortName: '市公安局',
		kind: 'department',
		level: '市',
		district: null,
	},
	// Implied by the community (社区(村)) and social-organisation work of (一) and (十六).
	{
		key: 'civil-affairs',
		name: '武汉市民政局',
		shortName: '市民政局',
		kind: 'department',
		level: '市',
		district: null,
	},
	// 司法行政部门 (十五, 十八): community correction and the 八五 legal-education plan.
	{
		key: 'justice',
		name: '武汉市司法局',
		shortName: '市司法局',
		kind: 'department',
		level: '市',
		district: null,
	},
	// Implied by the 经费保障 of (三).
	{
		key: 'finance',
		name: '武汉市财政局',
		shortName: '市财政局',
		kind: 'department',
		level: '市',
		district: null,
	},
	// 市场监管部门 (十五).
	{
		key: 'amr',
		name: '武汉市市场监督管理局',
		shortName: '市市场监管局',
		kind: 'department',
		level: '市',
		district: null,
	},
	// The city-side half of 金融行业主管部门 (local lenders, guarantors, payment-adjacent firms).
	// Name unsure: it was 武汉市地方金融工作局 until the 2023–2024 financial-regulation reform
	// renamed local financial bureaus 地方金融管理局; this is the most plausible current name.
	{
		key: 'local-finance',
		name: '武汉市地方金融管理局',
		shortName: '市地方金融管理局',
		kind: 'department',
		level: '市',
		district: null,
	},

	// 全市各级监察机关 (六); reports to the committee (监督法 special work reports).
	{
		key: 'supervision',
		name: '武汉市监察委员会',
		shortName: '市监委',
		kind: 'supervisory_commission',
		level: '市',
		district: null,
	},
	// 人民法院 and 人民检察院 (十).
	{
		key: 'court',
		name: '武汉市中级人民法院',
		shortName: '市中院',
		kind: 'court',
		level: '市',
		district: null,
	},
	{
		key: 'procuratorate',
		name: '武汉市人民检察院',
		shortName: '市检察院',
		kind: 'procuratorate',
		level: '市',
		district: null,
	},

	// The 13 districts, in the official order. 汉南区 is administered together with the Wuhan
	// economic and technological development zone (武汉经开区（汉南区）) and 东西湖区 with the
	// airport zone (临空港经开区); both district governments still exist in law and answer to
	// their own people's congresses, so they stay here, and the airport zone has no entry.
	districtGovernment('jiangan', '江岸区'),
	districtGovernment('jianghan', '江汉区'),
	districtGovernment('qiaokou', '硚口区'),
	districtGovernment('hanyang', '汉阳区'),
	districtGovernment('wuchang', '武昌区'),
	districtGovernment('qingshan', '青山区'),
	districtGovernment('hongshan', '洪山区'),
	districtGovernment('dongxihu', '东西湖区'),
	districtGovernment('hannan', '汉南区'),
	districtGovernment('caidian', '蔡甸区'),
	districtGovernment('jiangxia', '江夏区'),
	districtGovernment('huangpi', '黄陂区'),
	districtGovernment('xinzhou', '新洲区'),

	// Functional zones ("各区", clause 十六). 长江新区's committee name is the most plausible
	// current one; the zone's boundaries and status were adjusted after 2017.
	zoneCommittee('donghu-gaoxin', '武汉东湖新技术开发区管理委员会', '东湖高新区'),
	zoneCommittee('jingkai', '武汉经济技术开发区管理委员会', '武汉经开区'),
	zoneCommittee('donghu-fengjing', '武汉东湖生态旅游风景区管理委员会', '东湖风景区'),
	zoneCommittee('changjiang-xinqu', '武汉长江新区管理委员会', '长江新区'),

	// Units under vertical management: named by the decision as 行业主管部门 or 征信部门 but not
	// city organs, so never targets of an interpellation (监督法 Art. 51). The provincial ones
	// supervise Wuhan directly (there is no Wuhan-level office of the central bank or of the
	// financial regulator since the 2023 reform); level 市 records the scope they act at here.
	// 征信部门 (十五) and 金融行业主管部门: the central bank's provincial branch, which replaced
	// the 中国人民银行武汉分行 in 2023.
	{
		key: 'pbc-hubei',
		name: '中国人民银行湖北省分行',
		shortName: '人民银行湖北省分行',
		kind: 'vertical',
		level: '市',
		district: null,
	},
	// Banking and insurance regulator (formerly 湖北银保监局).
	{
		key: 'nfra-hubei',
		name: '国家金融监督管理总局湖北监管局',
		shortName: '湖北金融监管局',
		kind: 'vertical',
		level: '市',
		district: null,
	},
	// Securities regulator: fake investment platforms are a main fraud type.
	{
		key: 'csrc-hubei',
		name: '中国证券监督管理委员会湖北监管局',
		shortName: '湖北证监局',
		kind: 'vertical',
		level: '市',
		district: null,
	},
	// 通信行业主管部门: phone-card real-name registration, blocking numbers and sites.
	{
		key: 'ca-hubei',
		name: '湖北省通信管理局',
		shortName: '省通信管理局',
		kind: 'vertical',
		level: '市',
		district: null,
	},
	// 邮政管理部门 (十五).
	{
		key: 'post',
		name: '武汉市邮政管理局',
		shortName: '市邮政管理局',
		kind: 'vertical',
		level: '市',
		district: null,
	},

	// The coordinating body: 市打击治理电信网络新型违法犯罪工作联席会议办公室 (五, 十五); default
	// lead for duties whose subject is everyone or the work itself (DESIGN §2).
	{
		key: 'jco',
		name: '武汉市打击治理电信网络新型违法犯罪工作联席会议办公室',
		shortName: '市联席办',
		kind: 'other',
		level: '市',
		district: null,
	},
]
