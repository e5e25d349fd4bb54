import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { en } from './en.ts';
import { zhCN } from './zhCN.ts';
import { meetingStrings } from '../meeting/strings.ts';
import { kpiStrings } from '../kpi/strings.ts';
import { targetStrings } from '../targets/strings.ts';
import { scorecardStrings } from '../scorecards/strings.ts';
import { pdcaStrings } from '../pdca/strings.ts';
import { syncStrings } from '../sync/strings.ts';
import { securityStrings } from '../security/strings.ts';
import { segmentStrings } from '../segments/strings.ts';
import { coverageStrings } from '../coverage/strings.ts';
import { riskStrings } from '../risks/strings.ts';
import { bankSettingStrings } from '../settings/strings.ts';
import { identityStrings } from '../identity/strings.ts';
import { homeStrings } from '../home/strings.ts';
import { taskPageStrings } from '../tasks/strings.ts';
import { isLanguage, type Language } from '../../shared/format/index.ts';
import { ENTITIES } from '../../shared/entities/registry.ts';
import { importStrings } from '../import/strings.ts';
import { duplicateStrings } from '../duplicates/strings.ts';
import { qualityStrings } from '../quality/strings.ts';
import { profileStrings } from '../profile/strings.ts';
import { adminStrings } from '../admin/strings.ts';

export { LANGUAGES, isLanguage, type Language } from '../../shared/format/index.ts';

/** Each entity's noun in a language, from the registry. */
const entityNouns = (language: Language) =>
  Object.fromEntries(Object.values(ENTITIES).map((entity) => [entity.name, language === 'en' ? entity.noun : entity.nounZh]));

/** i18next for the workspace; zh-CN is the default (product.md). */
export function initI18n(language: Language): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources: {
      'zh-CN': { translation: { ...zhCN, ...meetingStrings['zh-CN'], ...kpiStrings['zh-CN'], ...targetStrings['zh-CN'], ...scorecardStrings['zh-CN'], ...pdcaStrings['zh-CN'], ...syncStrings['zh-CN'], ...securityStrings['zh-CN'], ...segmentStrings['zh-CN'], ...coverageStrings['zh-CN'], ...riskStrings['zh-CN'], ...bankSettingStrings['zh-CN'], ...identityStrings['zh-CN'], ...homeStrings['zh-CN'], ...taskPageStrings['zh-CN'], ...importStrings['zh-CN'], ...duplicateStrings['zh-CN'], ...qualityStrings['zh-CN'], ...profileStrings['zh-CN'], ...adminStrings['zh-CN'], entityNoun: entityNouns('zh-CN') } },
      en: { translation: { ...en, ...meetingStrings.en, ...kpiStrings.en, ...targetStrings.en, ...scorecardStrings.en, ...pdcaStrings.en, ...syncStrings.en, ...securityStrings.en, ...segmentStrings.en, ...coverageStrings.en, ...riskStrings.en, ...bankSettingStrings.en, ...identityStrings.en, ...homeStrings.en, ...taskPageStrings.en, ...importStrings.en, ...duplicateStrings.en, ...qualityStrings.en, ...profileStrings.en, ...adminStrings.en, entityNoun: entityNouns('en') } },
    },
    lng: language,
    fallbackLng: 'zh-CN',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // Date pickers' month and day names and first day of the week come from dayjs; antd's ConfigProvider gives the rest.
  const follow = (lng: string) => {
    document.documentElement.lang = lng;
    dayjs.locale(lng === 'en' ? 'en' : 'zh-cn');
  };
  follow(language);
  i18next.on('languageChanged', follow);
  return i18next;
}

/** The language the screen is drawn in right now (the one `t` uses), for formats from shared/format. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}
