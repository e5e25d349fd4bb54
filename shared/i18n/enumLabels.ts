import type { Language } from '../format/language.ts';

/**
 * The glossary's name of every enum value (product.md), in each language: one source for the screens
 * (renderer/i18n) and the printed brief (print/briefs), so a term reads the same on both.
 */
const zhCN = {
  status: { prospect: '潜在客户', active: '活跃', dormant: '休眠', lost: '流失' },
  sizeBand: { large: '大型', medium: '中型', small: '小型', micro: '微型' },
  industry: {
    power: '电力', renewables: '新能源', transport: '交通', water: '水务', social_infrastructure: '社会基础设施',
    oil_gas: '油气', telecom: '通信', manufacturing: '制造业', real_estate: '房地产', mining: '矿业', other: '其他',
  },
  sector: {
    power: '电力', renewables: '新能源', transport: '交通', water: '水务', social_infrastructure: '社会基础设施',
    oil_gas: '油气', telecom: '通信', other: '其他',
  },
  stage: {
    origination: '项目发起', mandate: '获得委任', due_diligence: '尽职调查', credit_approval: '授信审批',
    documentation: '法律文件签署', financial_close: '融资关闭', drawdown_construction: '提款 / 建设期',
    operation_repayment: '运营 / 还款期', closed: '已结清', declined: '已拒绝', lost: '已丢失',
  },
  interactionType: { meeting: '会议', call: '电话', visit: '拜访', email: '邮件' },
  channel: { meeting: '会议', survey: '问卷', call: '电话', visit: '拜访', email: '邮件' },
  taskStatus: { open: '待处理', in_progress: '进行中', done: '已完成', cancelled: '已取消' },
  tier: { platinum: '白金', gold: '黄金', silver: '白银', standard: '标准' },
  region: {
    BJ: '北京', TJ: '天津', HE: '河北', SX: '山西', NM: '内蒙古', LN: '辽宁', JL: '吉林', HL: '黑龙江', SH: '上海',
    JS: '江苏', ZJ: '浙江', AH: '安徽', FJ: '福建', JX: '江西', SD: '山东', HA: '河南', HB: '湖北', HN: '湖南', GD: '广东',
    GX: '广西', HI: '海南', CQ: '重庆', SC: '四川', GZ: '贵州', YN: '云南', XZ: '西藏', SN: '陕西', GS: '甘肃', QH: '青海',
    NX: '宁夏', XJ: '新疆', HK: '香港', MO: '澳门', OVERSEAS: '境外',
  },
};

export type EnumLabels = { [Group in keyof typeof zhCN]: Record<keyof (typeof zhCN)[Group], string> };

const en: EnumLabels = {
  status: { prospect: 'Prospect', active: 'Active', dormant: 'Dormant', lost: 'Lost' },
  sizeBand: { large: 'Large', medium: 'Medium', small: 'Small', micro: 'Micro' },
  industry: {
    power: 'Power', renewables: 'Renewables', transport: 'Transport', water: 'Water', social_infrastructure: 'Social infrastructure',
    oil_gas: 'Oil & gas', telecom: 'Telecom', manufacturing: 'Manufacturing', real_estate: 'Real estate', mining: 'Mining', other: 'Other',
  },
  sector: {
    power: 'Power', renewables: 'Renewables', transport: 'Transport', water: 'Water', social_infrastructure: 'Social infrastructure',
    oil_gas: 'Oil & gas', telecom: 'Telecom', other: 'Other',
  },
  stage: {
    origination: 'Origination', mandate: 'Mandate', due_diligence: 'Due diligence', credit_approval: 'Credit approval',
    documentation: 'Documentation', financial_close: 'Financial close', drawdown_construction: 'Drawdown / construction',
    operation_repayment: 'Operation / repayment', closed: 'Closed', declined: 'Declined', lost: 'Lost',
  },
  interactionType: { meeting: 'Meeting', call: 'Call', visit: 'Visit', email: 'E-mail' },
  channel: { meeting: 'Meeting', survey: 'Survey', call: 'Call', visit: 'Visit', email: 'E-mail' },
  taskStatus: { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' },
  tier: { platinum: 'Platinum', gold: 'Gold', silver: 'Silver', standard: 'Standard' },
  region: {
    BJ: 'Beijing', TJ: 'Tianjin', HE: 'Hebei', SX: 'Shanxi', NM: 'Inner Mongolia', LN: 'Liaoning', JL: 'Jilin', HL: 'Heilongjiang',
    SH: 'Shanghai', JS: 'Jiangsu', ZJ: 'Zhejiang', AH: 'Anhui', FJ: 'Fujian', JX: 'Jiangxi', SD: 'Shandong', HA: 'Henan', HB: 'Hubei',
    HN: 'Hunan', GD: 'Guangdong', GX: 'Guangxi', HI: 'Hainan', CQ: 'Chongqing', SC: 'Sichuan', GZ: 'Guizhou', YN: 'Yunnan',
    XZ: 'Tibet', SN: 'Shaanxi', GS: 'Gansu', QH: 'Qinghai', NX: 'Ningxia', XJ: 'Xinjiang', HK: 'Hong Kong', MO: 'Macao',
    OVERSEAS: 'Overseas',
  },
};

export const ENUM_LABELS: Record<Language, EnumLabels> = { 'zh-CN': zhCN, en };
