import { ENUM_LABELS, type EnumLabels } from '../i18n/enumLabels.ts';

/**
 * The ways people write an enum value in a spreadsheet, in either language: the code (power), the glossary's
 * labels (电力, Power) and the usual variants (北京市, 石油天然气, FC). Compared folded: NFKC, lower case,
 * without spaces and the punctuation people put between words.
 */
const VARIANTS: { [Group in keyof EnumLabels]?: Partial<Record<keyof EnumLabels[Group], readonly string[]>> } = {
  status: {
    prospect: ['潜在', '意向客户', '意向', '目标客户'], active: ['活跃客户', '正常', '存量客户'], dormant: ['休眠客户', '沉睡', 'inactive'],
    lost: ['流失客户', '已流失', 'churned'],
  },
  sizeBand: {
    large: ['大', '大型企业', 'L'], medium: ['中', '中型企业', 'M'], small: ['小', '小型企业', 'S'], micro: ['微', '微型企业', '小微'],
  },
  industry: {
    power: ['电力行业', '发电', 'electricity', 'utilities'], renewables: ['可再生能源', '清洁能源', 'renewable', 'renewable energy', 'clean energy'],
    transport: ['交通运输', '交通基础设施', 'transportation', 'infrastructure transport'], water: ['水利', '水务环保', 'water utilities'],
    social_infrastructure: ['社会事业', '公共设施', 'social'], oil_gas: ['石油天然气', '石油', '天然气', 'oil and gas', 'oil gas'],
    telecom: ['电信', '通讯', 'telecommunications', 'telecoms'], manufacturing: ['制造', '工业'], real_estate: ['地产', 'property'],
    mining: ['采矿', '矿产', '采矿业'], other: ['其它'],
  },
  sector: {
    power: ['电力行业', '发电'], renewables: ['可再生能源', '清洁能源', 'renewable', 'renewable energy'], transport: ['交通运输', 'transportation'],
    water: ['水利'], social_infrastructure: ['社会事业', 'social'], oil_gas: ['石油天然气', 'oil and gas'], telecom: ['电信', 'telecommunications'],
    other: ['其它'],
  },
  stage: {
    origination: ['发起', '立项'], mandate: ['委任', '获得授权'], due_diligence: ['尽调', 'DD'], credit_approval: ['授信', '审批'],
    documentation: ['文件签署', '签约', 'docs'], financial_close: ['融资关闭', '关闭', 'FC', 'close'], drawdown_construction: ['提款', '建设期', '建设', 'drawdown', 'construction'],
    operation_repayment: ['运营', '还款期', '运营期', 'operation', 'repayment'], closed: ['结清'], declined: ['拒绝'], lost: ['丢失'],
  },
  interactionType: { meeting: ['面谈', '开会'], call: ['电话会议', 'phone', 'phone call'], visit: ['走访', '实地拜访'], email: ['电子邮件', 'e-mail', 'mail'] },
  channel: { meeting: ['面谈'], survey: ['调查', '调查问卷'], call: ['phone'], visit: ['走访'], email: ['电子邮件', 'e-mail'] },
  taskStatus: { open: ['未开始', '待办'], in_progress: ['处理中'], done: ['完成'], cancelled: ['取消'] },
  region: {
    NM: ['内蒙'], GX: ['广西壮族'], XZ: ['西藏'], NX: ['宁夏回族'], XJ: ['新疆维吾尔'], HK: ['香港特区', 'hongkong'], MO: ['澳门特区', 'macau'],
    OVERSEAS: ['海外', '国外', '境外', 'abroad', 'international'], SN: ['陕'], SX: ['晋'],
  },
};

/** Administrative suffixes people add to a province or city: 北京市, 广东省, 新疆维吾尔自治区, 香港特别行政区. */
const REGION_SUFFIX = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$/;

export const foldWord = (text: string): string => text.normalize('NFKC').toLowerCase().replace(/[\s/_\-&·、.'()（）]/g, '');

const tables = new Map<keyof EnumLabels, Map<string, string>>();

function table(group: keyof EnumLabels): Map<string, string> {
  let map = tables.get(group);
  if (!map) {
    map = new Map();
    const codes = Object.keys(ENUM_LABELS.en[group]);
    for (const code of codes) {
      const labels = [code, ENUM_LABELS.en[group][code as never], ENUM_LABELS['zh-CN'][group][code as never], ...((VARIANTS[group] as Record<string, readonly string[]> | undefined)?.[code] ?? [])];
      for (const label of labels) if (!map.has(foldWord(label))) map.set(foldWord(label), code);
    }
    // The ISO 3166-2 form (CN-BJ) of a region code.
    if (group === 'region') for (const code of codes) map.set(foldWord(`CN-${code}`), code);
    tables.set(group, map);
  }
  return map;
}

/** The enum code a person meant by `text`, or null when it names none of the group's values. */
export function enumValue(group: keyof EnumLabels, text: string): string | null {
  const map = table(group);
  const folded = foldWord(text);
  if (!folded) return null;
  const found = map.get(folded);
  if (found) return found;
  if (group === 'region') {
    const bare = text.normalize('NFKC').trim().replace(REGION_SUFFIX, '');
    return map.get(foldWord(bare)) ?? null;
  }
  return null;
}
