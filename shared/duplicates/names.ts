import { ENUM_LABELS } from '../i18n/enumLabels.ts';

/**
 * A company name taken apart the way a Chinese reader does: [place][trade name 字号][line of business][legal form],
 * 上海 · 天天 · 交通投资 · 集团有限公司; English names likewise (Shanghai · Tiantian · Transport · Group Co., Ltd.).
 */
export interface NameParts {
  /** The name without spaces, punctuation, case, width and legal form: 上海天天交通投资. */
  full: string;
  /** The trade name (字号): what is left without the place and the generic words of the trade, 天天; '' when nothing is. */
  trade: string;
  /** The province or city the name starts with (a region code, or the city), or null. */
  place: string | null;
  /** The generic words of the trade it carries (交通, 投资), which alone never make two names alike. */
  trades: string[];
}

/** Legal forms, longest first so 股份有限公司 goes before 有限公司. */
const FORMS_ZH = [
  '股份有限公司', '有限责任公司', '集团有限公司', '集团股份公司', '有限合伙企业', '合伙企业', '有限公司', '股份公司', '集团公司', '总公司',
  '有限合伙', '公司', '集团', '控股',
];
const FORMS_EN = new Set([
  'co', 'company', 'ltd', 'limited', 'llc', 'inc', 'incorporated', 'corp', 'corporation', 'group', 'holdings', 'holding', 'plc',
  'gmbh', 'ag', 'sa', 'bv', 'nv', 'pte', 'pty', 'lp', 'llp', 'the',
]);

/** Words of a line of business that many unrelated companies share; a trade name is what remains without them. */
const TRADES_ZH = [
  '基础设施', '新能源', '房地产', '高速公路', '城市建设', '装备制造', '水利水电', '天然气', '环境保护', '信息技术', '国际贸易',
  '科技', '技术', '投资', '建设', '交通', '能源', '电力', '实业', '发展', '工程', '贸易', '信息', '环保', '水务', '置业', '开发', '管理',
  '咨询', '服务', '产业', '资本', '金融', '国际', '网络', '通信', '智能', '电子', '机械', '制造', '材料', '化工', '医药', '生物', '物流',
  '运输', '港口', '航空', '铁路', '公路', '燃气', '热力', '光伏', '风电', '水电', '核电', '石油', '矿业', '钢铁', '油气', '城投', '城建',
  '环境', '农业', '文化', '传媒', '旅游', '商贸', '供应链', '新材料', '控股', '银行', '证券', '保险', '租赁', '担保', '基金', '电气', '建筑',
  '设备', '集团', '中心',
].sort((a, b) => b.length - a.length);
const TRADES_EN = new Set([
  'power', 'energy', 'new', 'investment', 'investments', 'construction', 'development', 'technology', 'technologies', 'tech', 'engineering',
  'infrastructure', 'transport', 'transportation', 'water', 'telecom', 'telecommunications', 'international', 'industrial', 'industries',
  'industry', 'capital', 'finance', 'financial', 'resources', 'mining', 'oil', 'gas', 'solar', 'wind', 'urban', 'expressway', 'equipment',
  'trading', 'services', 'service', 'management', 'logistics', 'port', 'ports', 'electric', 'utilities', 'bank', 'securities', 'insurance',
  'leasing', 'real', 'estate', 'property', 'environmental', 'environment', 'chemical', 'chemicals', 'materials', 'networks', 'network',
  'systems', 'and', 'of',
]);

/** Prefecture-level cities a name often starts with, beside the provinces of the region list. */
const CITIES_ZH = [
  '深圳', '广州', '杭州', '南京', '苏州', '成都', '武汉', '西安', '青岛', '大连', '宁波', '厦门', '无锡', '长沙', '郑州', '济南', '合肥', '福州',
  '昆明', '南宁', '贵阳', '石家庄', '太原', '沈阳', '长春', '哈尔滨', '南昌', '兰州', '西宁', '银川', '乌鲁木齐', '拉萨', '海口', '三亚',
  '呼和浩特', '珠海', '佛山', '东莞', '温州', '常州', '徐州', '烟台', '唐山', '洛阳', '绍兴', '嘉兴', '金华', '台州', '泉州', '南通', '扬州',
];
const CITIES_EN = ['shenzhen', 'guangzhou', 'hangzhou', 'nanjing', 'suzhou', 'chengdu', 'wuhan', "xi'an", 'xian', 'qingdao', 'dalian', 'ningbo', 'xiamen'];

const PLACE_SUFFIX = /^(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)/;
const PLACES_ZH: Array<[string, string]> = [
  ...Object.entries(ENUM_LABELS['zh-CN'].region).filter(([code]) => code !== 'OVERSEAS').map(([code, label]): [string, string] => [label, code]),
  ...CITIES_ZH.map((city): [string, string] => [city, city]),
  // 中国 at the start names the country, like a place: 中国建设投资 has no trade name of its own.
  ['中国', 'CN'] as [string, string],
].sort((a, b) => b[0].length - a[0].length);
const PLACES_EN: Array<[string[], string]> = [
  ...Object.entries(ENUM_LABELS.en.region).filter(([code]) => code !== 'OVERSEAS').map(([code, label]): [string[], string] => [label.toLowerCase().split(' '), code]),
  ...CITIES_EN.map((city): [string[], string] => [[city], city]),
  [['china'], 'CN'] as [string[], string],
].sort((a, b) => b[0].length - a[0].length);

const HAN = /\p{Script=Han}/u;

/** Takes a name apart (see NameParts); Chinese when it has any Han character, English otherwise. */
export function nameParts(name: string): NameParts {
  return HAN.test(name) ? chineseParts(name) : englishParts(name);
}

function chineseParts(name: string): NameParts {
  let text = name.normalize('NFKC').toLowerCase().replace(/[\s"'“”‘’·.,，、&\-—_/]/g, '');
  let place: string | null = null;
  // Bracketed words are a place (（北京）) or a legal form (（集团）, （有限合伙）): neither is the trade name.
  text = text.replace(/[(（[【]([^)）\]】]*)[)）\]】]/g, (_, inside: string) => {
    place ??= placeOf(inside, PLACES_ZH)?.place ?? null;
    return '';
  });
  for (let form = FORMS_ZH.find((f) => text.endsWith(f) && text.length > f.length); form; form = FORMS_ZH.find((f) => text.endsWith(f) && text.length > f.length))
    text = text.slice(0, -form.length);
  const full = text;
  let rest = text;
  for (let found = placeOf(rest, PLACES_ZH); found && found.rest.length >= 2; found = placeOf(rest, PLACES_ZH)) {
    place ??= found.place;
    rest = found.rest;
  }
  const trades: string[] = [];
  for (let word = TRADES_ZH.find((w) => rest.endsWith(w)); word; word = TRADES_ZH.find((w) => rest.endsWith(w))) {
    trades.unshift(word);
    rest = rest.slice(0, -word.length);
  }
  return { full, trade: rest, place, trades };
}

function placeOf(text: string, places: ReadonlyArray<[string, string]>): { place: string; rest: string } | null {
  for (const [label, place] of places) {
    if (!text.startsWith(label)) continue;
    const after = text.slice(label.length);
    return { place, rest: after.replace(PLACE_SUFFIX, '') };
  }
  return null;
}

function englishParts(name: string): NameParts {
  const words = name.normalize('NFKC').toLowerCase().replace(/&/g, ' and ').replace(/[^\p{L}\p{N}']+/gu, ' ').trim().split(' ').filter(Boolean);
  while (words.length > 1 && FORMS_EN.has(words[words.length - 1]!)) words.pop();
  if (words[0] === 'the') words.shift();
  const full = words.join('');
  let rest = words;
  let place: string | null = null;
  for (const [placeWords, code] of PLACES_EN) {
    if (rest.length > placeWords.length && placeWords.every((w, i) => rest[i] === w)) {
      place = code;
      rest = rest.slice(placeWords.length);
      break;
    }
  }
  const trades: string[] = [];
  while (rest.length > 0 && TRADES_EN.has(rest[rest.length - 1]!)) trades.unshift(rest.pop()!);
  return { full, trade: rest.join(''), place, trades: trades.filter((w) => w !== 'and' && w !== 'of') };
}
