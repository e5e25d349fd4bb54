import type { BriefLanguage, BriefSection } from './brief.ts';

/** The heading of each brief section: printed in the brief (print/briefs) and offered by name in "Export brief" (renderer/briefs). */
export const BRIEF_SECTION_TITLES: Record<BriefLanguage, Record<BriefSection, string>> = {
  'zh-CN': {
    profile: '客户概况与服务策略', risks: '风险预警', contacts: '主要联系人', projects: '融资项目',
    interactions: '近期沟通记录', tasks: '待办事项', feedback: '客户反馈趋势',
  },
  en: {
    profile: 'Client profile and service policy', risks: 'Active risk alerts', contacts: 'Key contacts', projects: 'Financing projects',
    interactions: 'Recent interactions', tasks: 'Open tasks', feedback: 'Feedback trend',
  },
};
