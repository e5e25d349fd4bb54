import type { BriefLanguage } from '../../shared/briefs/brief.ts';

/** Strings of the "Export brief" action; the section names are the brief's own (shared/briefs/sectionTitles.ts). */
const zhCN = {
  button: '导出客户简报', shortcut: 'Ctrl+P（Mac 为 ⌘+P）', title: '导出客户简报（PDF）', sections: '包含以下部分',
  all: '全选', pickOne: '请至少选择一个部分', export: '导出并保存…', language: '简报语言与界面语言一致：中文',
  saved: '客户简报已保存到 {{file}}', failed: '客户简报导出失败：{{message}}',
  unavailable: '此窗口无法保存 PDF。请在桌面应用中导出，或使用命令 crm brief。', offlineNote: '全程离线生成，不经过网络；导出将记入本机审计日志。',
};
const en: typeof zhCN = {
  button: 'Export brief', shortcut: 'Ctrl+P (⌘+P on a Mac)', title: 'Export client brief (PDF)', sections: 'Include these sections',
  all: 'All sections', pickOne: 'Pick at least one section', export: 'Export and save…', language: 'The brief is in the interface language: English',
  saved: 'Client brief saved to {{file}}', failed: 'Could not export the client brief: {{message}}',
  unavailable: 'This window cannot save PDFs. Export from the desktop app, or use the crm brief command.',
  offlineNote: 'Made entirely offline, nothing goes over the network; the export is recorded in the local audit log.',
};
export type ExportStrings = typeof zhCN;
export const exportStrings = (language: BriefLanguage): ExportStrings => (language === 'en' ? en : zhCN);
