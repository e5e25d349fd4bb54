import type { RiskAlert, RiskRule, RiskSeverity } from './alert.ts';
import { formatDate, formatMoney, formatNumber, type Language } from '../format/index.ts';
import { ENUM_LABELS } from '../i18n/enumLabels.ts';

/**
 * Each alert in words (规则、数值、阈值、起始日期): the screens, the CLI's readers and the printed brief say the same
 * thing in the same terms (product.md's glossary).
 */
export const RISK_RULE_TITLES: Record<Language, Record<RiskRule, string>> = {
  'zh-CN': {
    rating_downgrade: '信用评级下调', low_satisfaction: '客户满意度偏低', contact_overdue: '联系逾期', dscr_breach: '偿债覆盖率低于财务契约',
    dscr_near: '偿债覆盖率接近财务契约', stalled_project: '项目阶段停滞', concentration: '客户集中度过高',
  },
  en: {
    rating_downgrade: 'Rating downgraded', low_satisfaction: 'Low satisfaction', contact_overdue: 'Contact overdue', dscr_breach: 'DSCR below covenant',
    dscr_near: 'DSCR near covenant', stalled_project: 'Project stalled', concentration: 'Concentration',
  },
};

export const RISK_SEVERITY_LABELS: Record<Language, Record<RiskSeverity, string>> = {
  'zh-CN': { high: '高', medium: '中', low: '低' },
  en: { high: 'High', medium: 'Medium', low: 'Low' },
};

const ratio = (x: number, language: Language) => `${formatNumber(x, language, 2)}x`;
const percent = (x: number, language: Language) => `${formatNumber(x * 100, language, 1)}%`;
const days = (x: number, language: Language) => (language === 'en' ? `${formatNumber(x, language, Number.isInteger(x) ? 0 : 1)} days` : `${formatNumber(x, language, Number.isInteger(x) ? 0 : 1)} 天`);

/** One sentence saying which rule fired, on which value, against which threshold, since when. */
export function explainAlert(alert: RiskAlert, language: Language): string {
  const d = (day: string | null) => formatDate(day, language);
  const zh = language === 'zh-CN';
  const stage = (s: keyof typeof ENUM_LABELS.en.stage) => ENUM_LABELS[language].stage[s];
  switch (alert.rule) {
    case 'rating_downgrade': {
      const { from, to, reviewedOn } = alert.detail;
      const review = reviewedOn ? (zh ? `（${d(reviewedOn)}评审）` : ` (reviewed ${d(reviewedOn)})`) : '';
      return zh
        ? `评级由上次评审的 ${from}${review} 降至 ${to}，下调 ${alert.value} 个子级（阈值：≥ ${alert.threshold} 个子级），自${d(alert.since)}起。`
        : `Rated ${to}, down ${alert.value} notches from ${from} at the last review${review} (threshold: ${alert.threshold} notches), since ${d(alert.since)}.`;
    }
    case 'low_satisfaction':
      if (alert.detail.measure === 'csat')
        return zh
          ? `${d(alert.detail.givenOn)}的最近一次客户满意度为 ${alert.value} 分（阈值：≤ ${alert.threshold} 分，近 ${alert.detail.windowDays} 天）。`
          : `Latest CSAT was ${alert.value} on ${d(alert.detail.givenOn)} (threshold: ${alert.threshold} or less within ${alert.detail.windowDays} days).`;
      return zh
        ? `${d(alert.detail.givenOn)}的推荐意愿评分为 ${alert.value} 分（0–${alert.threshold} 分为贬损者，近 ${alert.detail.windowDays} 天），自${d(alert.since)}起。`
        : `Likelihood to recommend was ${alert.value} on ${d(alert.detail.givenOn)} (0–${alert.threshold} is a detractor; within ${alert.detail.windowDays} days), since ${d(alert.since)}.`;
    case 'contact_overdue': {
      const { lastContactAt, countedFrom, cadenceDays, factor } = alert.detail;
      const limit = days(alert.threshold, language);
      if (lastContactAt === null)
        return zh
          ? `自${d(countedFrom)}起没有计入联系的沟通记录，已 ${days(alert.value, language)}，超过联系频率 ${cadenceDays} 天的 ${factor} 倍（${limit}），自${d(alert.since)}起逾期。`
          : `No counted contact since ${d(countedFrom)}: ${days(alert.value, language)}, more than ${factor} × the ${cadenceDays}-day cadence (${limit}); overdue since ${d(alert.since)}.`;
      return zh
        ? `距上次计入联系的沟通（${d(lastContactAt)}）已 ${days(alert.value, language)}，超过联系频率 ${cadenceDays} 天的 ${factor} 倍（${limit}），自${d(alert.since)}起逾期。`
        : `${days(alert.value, language)} since the last counted contact (${d(lastContactAt)}), more than ${factor} × the ${cadenceDays}-day cadence (${limit}); overdue since ${d(alert.since)}.`;
    }
    case 'dscr_breach':
      return zh
        ? `「${alert.detail.projectName}」最低偿债覆盖率 ${ratio(alert.value, language)}，低于财务契约 ${ratio(alert.threshold, language)}（差 ${ratio(-alert.headroom, language)}），${d(alert.since)}记录。`
        : `“${alert.detail.projectName}”: minimum DSCR ${ratio(alert.value, language)} is below the covenant ${ratio(alert.threshold, language)} by ${ratio(-alert.headroom, language)}, recorded ${d(alert.since)}.`;
    case 'dscr_near':
      return zh
        ? `「${alert.detail.projectName}」最低偿债覆盖率 ${ratio(alert.value, language)}，仅高于财务契约 ${ratio(alert.threshold, language)} ${ratio(alert.headroom, language)}（预警范围：${ratio(alert.detail.within, language)} 以内），${d(alert.since)}记录。`
        : `“${alert.detail.projectName}”: minimum DSCR ${ratio(alert.value, language)} is only ${ratio(alert.headroom, language)} above the covenant ${ratio(alert.threshold, language)} (warning within ${ratio(alert.detail.within, language)}), recorded ${d(alert.since)}.`;
    case 'stalled_project':
      return zh
        ? `「${alert.detail.projectName}」自${d(alert.detail.stageSince)}起停留在“${stage(alert.detail.stage)}”阶段已 ${days(alert.value, language)}（阈值：${days(alert.threshold, language)}），自${d(alert.since)}起停滞。`
        : `“${alert.detail.projectName}” has been in ${stage(alert.detail.stage)} since ${d(alert.detail.stageSince)}: ${days(alert.value, language)} (threshold: ${days(alert.threshold, language)}); stalled since ${d(alert.since)}.`;
    case 'concentration': {
      const { clientMinor, ownerMinor, currency, ownerLogin } = alert.detail;
      return zh
        ? `占客户经理 ${ownerLogin} 融资规模的 ${percent(alert.value, language)}（${formatMoney(clientMinor, currency, language)} / ${formatMoney(ownerMinor, currency, language)}），超过阈值 ${percent(alert.threshold, language)}，自${d(alert.since)}起。`
        : `${percent(alert.value, language)} of ${ownerLogin}'s financing volume (${formatMoney(clientMinor, currency, language)} of ${formatMoney(ownerMinor, currency, language)}), above the ${percent(alert.threshold, language)} threshold, since ${d(alert.since)}.`;
    }
  }
}
