import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Alert, Button, Empty } from 'antd';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientListRow } from '../../shared/api/contract.ts';
import { errorText } from '../forms/errorText.ts';
import { isLanguage } from '../i18n/index.ts';
import { navigate } from '../shell/router.ts';
import { clientListStore, useClientList, useColumnSettings } from '../shell/stores.ts';
import { CLIENT_COLUMN_DEFS, type ClientColumnDef } from './clientColumns.tsx';
import { rowAt } from './clientListStore.ts';

const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 44;

/**
 * The clients grid: only the rows in view (plus a few) are in the DOM, and rows arrive from `clients.list`
 * a page at a time as the user scrolls, so 100,000 clients scroll as smoothly as 100.
 */
export function ClientTable() {
  const { t, i18n } = useTranslation();
  const language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  const total = useClientList((s) => s.total);
  const pages = useClientList((s) => s.pages);
  const sort = useClientList((s) => s.sort);
  const filter = useClientList((s) => s.filter);
  const error = useClientList((s) => s.error);
  const generation = useClientList((s) => s.generation);
  const queryVersion = useClientList((s) => s.queryVersion);
  const visible = useColumnSettings((s) => s.visible);
  const columns = visible.map((key) => CLIENT_COLUMN_DEFS[key]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    scrollMargin: HEADER_HEIGHT,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    clientListStore.getState().ensureRange(first, Math.max(last, first + 30));
  }, [first, last, generation]);

  useEffect(() => {
    setActive(0);
    scrollRef.current?.scrollTo({ top: 0 });
  }, [queryVersion]);

  const open = (row: ClientListRow | undefined) => {
    if (row) navigate({ name: 'client', id: row.id });
  };

  const move = (index: number) => {
    const next = Math.max(0, Math.min((total ?? 1) - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Keys pressed on a column's sort button are the button's own (Enter and Space sort).
    if (event.target !== event.currentTarget) return;
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      ArrowDown: () => move(active + 1),
      ArrowUp: () => move(active - 1),
      PageDown: () => move(active + page),
      PageUp: () => move(active - page),
      Home: () => move(0),
      End: () => move((total ?? 1) - 1),
      Enter: () => open(rowAt(clientListStore.getState(), active)),
    };
    const action = keys[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  };

  const toggleSort = (column: ClientColumnDef) => {
    if (!column.sortField) return;
    const direction = sort.field === column.sortField && sort.direction === 'asc' ? 'desc' : 'asc';
    clientListStore.getState().setSort({ field: column.sortField, direction });
  };

  if (error && total === null)
    return (
      <Alert
        type="error"
        showIcon
        title={t('clients.loadError')}
        description={errorText(error, t)}
        action={<Button onClick={() => clientListStore.getState().reload()}>{t('common.retry')}</Button>}
      />
    );

  const cellStyle = (column: ClientColumnDef) => (column.width ? { width: column.width, flex: 'none' } : { flex: 1, minWidth: 220 });

  return (
    <div
      ref={scrollRef}
      className="crm-grid crm-grid-body"
      role="grid"
      tabIndex={0}
      aria-label={t('clients.tableLabel')}
      aria-rowcount={(total ?? 0) + 1}
      aria-colcount={columns.length}
      aria-busy={total === null}
      aria-activedescendant={rowAt({ pages }, active) ? `client-row-${active}` : undefined}
      onKeyDown={onKeyDown}
      data-testid="client-grid"
    >
      <div role="rowgroup" className="crm-grid-head-group">
        <div className="crm-grid-head" role="row" aria-rowindex={1}>
          {columns.map((column) => {
            const sorted = column.sortField && sort.field === column.sortField;
            const label = t(`clients.field.${column.key}`);
            return (
              <div
                key={column.key}
                role="columnheader"
                className="crm-cell"
                style={cellStyle(column)}
                aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
              >
                {column.sortField ? (
                  <button type="button" className="crm-sort" onClick={() => toggleSort(column)} title={t('clients.sortBy', { column: label })}>
                    {label}
                    {sorted && (sort.direction === 'asc' ? <ArrowUpOutlined aria-hidden /> : <ArrowDownOutlined aria-hidden />)}
                  </button>
                ) : (
                  label
                )}
              </div>
            );
          })}
        </div>
      </div>
      {total === 0 ? (
        <div role="rowgroup">
          <div role="row">
            <div role="gridcell" style={{ padding: 48, flex: 1 }}>
              {Object.keys(filter).length > 0 ? (
                <Empty description={t('clients.noMatches')}>
                  <Button onClick={() => clientListStore.getState().setFilter({})}>{t('clients.clearFilters')}</Button>
                </Empty>
              ) : (
                <Empty description={<><strong>{t('clients.emptyTitle')}</strong><br />{t('clients.emptyHint')}</>} />
              )}
            </div>
          </div>
        </div>
      ) : (
        <div role="rowgroup" style={{ height: total === null ? ROW_HEIGHT * 12 : virtualizer.getTotalSize(), position: 'relative' }}>
          {(total === null ? placeholderItems() : items).map((item) => {
            const row = rowAt({ pages }, item.index);
            return (
              <div
                key={item.index}
                id={`client-row-${item.index}`}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={item.index === active}
                className="crm-grid-row"
                data-testid={row ? 'client-row' : 'client-row-loading'}
                style={{ height: ROW_HEIGHT, transform: `translateY(${item.start - HEADER_HEIGHT}px)` }}
                onClick={() => setActive(item.index)}
                onDoubleClick={() => open(row)}
              >
                {columns.map((column) => (
                  <div key={column.key} role="gridcell" className="crm-cell" style={cellStyle(column)}>
                    {row ? column.render(row, t, language) : <span className="crm-placeholder" aria-hidden />}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
}

const placeholderItems = () => Array.from({ length: 12 }, (_, index) => ({ index, start: HEADER_HEIGHT + index * ROW_HEIGHT }));
