/** The print template (renderer/briefs) still imports these from here; every screen imports shared/format directly. */
export { formatDate, formatMoney } from '../../shared/format/index.ts';
