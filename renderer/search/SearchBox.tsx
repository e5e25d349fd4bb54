import { SearchOutlined } from '@ant-design/icons';
import { Input, Tag } from 'antd';
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../shared/api/contract.ts';
import { navigate } from '../shell/router.ts';
import { searchStore, useSearch } from '../shell/stores.ts';
import { Highlighted } from './Highlighted.tsx';

/** Instant search over clients, contacts and interactions; results open the client's profile. */
export function SearchBox() {
  const { t } = useTranslation();
  const query = useSearch((s) => s.query);
  const hits = useSearch((s) => s.hits);
  const status = useSearch((s) => s.status);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const boxRef = useRef<HTMLDivElement>(null);

  useEffect(() => setActive(0), [hits]);
  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (!boxRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, []);

  const choose = (hit: SearchHit | undefined) => {
    if (!hit) return;
    setOpen(false);
    navigate({ name: 'client', id: hit.clientId, ...(hit.type === 'client' ? {} : { tab: hit.type === 'contact' ? 'contacts' : 'interactions' }) });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(hits.length - 1, i + 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (event.key === 'Enter') choose(hits[active]);
    else if (event.key === 'Escape') setOpen(false);
    else return;
    event.preventDefault();
  };

  const showPanel = open && query.trim().length > 0 && status !== 'idle';
  return (
    <div className="crm-search" ref={boxRef}>
      <Input
        role="combobox"
        aria-label={t('search.label')}
        aria-expanded={showPanel}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showPanel && hits[active] ? `${listId}-${active}` : undefined}
        placeholder={t('search.placeholder')}
        prefix={<SearchOutlined aria-hidden />}
        allowClear
        value={query}
        data-testid="search-input"
        onChange={(e) => {
          setOpen(true);
          void searchStore.getState().search(e.target.value);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      {showPanel && (
        <ul className="crm-search-results" id={listId} role="listbox" aria-label={t('search.label')} aria-busy={status === 'searching'} data-testid="search-results" data-status={status} data-query={query}>
          {status === 'error' && <li role="option" aria-selected={false} className="crm-search-status">{t('search.error')}</li>}
          {status === 'done' && hits.length === 0 && (
            <li role="option" aria-selected={false} className="crm-search-status">{t('search.noHits', { query: query.trim() })}</li>
          )}
          {hits.map((hit, index) => (
            <li
              key={`${hit.type}-${hit.id}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              data-testid="search-hit"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(hit)}
            >
              <div><Tag>{t(`search.type.${hit.type}`)}</Tag><strong>{hit.title}</strong></div>
              <div className="crm-muted"><Highlighted snippet={hit.snippet} /></div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
