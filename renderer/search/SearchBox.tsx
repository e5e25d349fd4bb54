import { SearchOutlined } from '@ant-design/icons';
import { Input } from 'antd';
import type { InputRef } from 'antd';
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SearchHit } from '../../shared/api/contract.ts';
import { navigate } from '../shell/router.ts';
import { searchStore, useSearch } from '../shell/stores.ts';
import { Highlighted } from './Highlighted.tsx';
import type { SearchHitType } from './searchStore.ts';

type Entry = { kind: 'hit'; hit: SearchHit } | { kind: 'more'; type: SearchHitType };
const typeOf = (entry: Entry): SearchHitType => (entry.kind === 'hit' ? entry.hit.type : entry.type);

/** The tab of the client profile where a hit lives, and the record to show there. */
const destination = (hit: SearchHit) =>
  hit.type === 'client' ? { name: 'client' as const, id: hit.clientId } : { name: 'client' as const, id: hit.clientId, tab: hit.type === 'contact' ? 'contacts' : 'interactions', item: hit.id };

/** True when a key typed into this element is text, so that "/" must not steal it. */
const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select, [role=combobox]') !== null);

/**
 * Instant search over clients, contacts and meeting notes, grouped by kind with "more" per group; a hit opens the
 * client's profile on the tab (and at the record) where it was found. `/` or Ctrl+K (⌘K) focuses it.
 */
export function SearchBox() {
  const { t } = useTranslation();
  const query = useSearch((s) => s.query);
  const groups = useSearch((s) => s.groups);
  const status = useSearch((s) => s.status);
  // What the box shows; while an input method composes (r, ro, rong'zi…) it runs ahead of the searched query.
  const [text, setText] = useState(query);
  const composing = useRef(false);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const boxRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<InputRef>(null);

  const entries = useMemo<Entry[]>(
    () => groups.flatMap((g) => [...g.hits.map((hit) => ({ kind: 'hit' as const, hit })), ...(g.more ? [{ kind: 'more' as const, type: g.type }] : [])]),
    [groups],
  );
  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    const close = (event: MouseEvent) => {
      if (!boxRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const focusShortcut = (event: globalThis.KeyboardEvent) => {
      const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
      const modK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
      if (!slash && !modK) return;
      event.preventDefault();
      inputRef.current?.focus({ cursor: 'all' });
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', focusShortcut);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', focusShortcut);
    };
  }, []);

  const runSearch = (value: string) => void searchStore.getState().search(value);

  const choose = (entry: Entry | undefined) => {
    if (!entry) return;
    if (entry.kind === 'more') {
      void searchStore.getState().showMore(entry.type);
      return;
    }
    setOpen(false);
    navigate(destination(entry.hit));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'ArrowDown') setActive((i) => Math.min(entries.length - 1, i + 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (event.key === 'Enter') choose(entries[active]);
    else if (event.key === 'Escape') setOpen(false);
    else return;
    event.preventDefault();
  };

  const showPanel = open && query.trim().length > 0 && status !== 'idle';
  const optionId = (index: number) => `${listId}-${index}`;
  const option = (entry: Entry, index: number) => (
    <div key={entry.kind === 'hit' ? `${entry.hit.type}-${entry.hit.id}` : `more-${entry.type}`} id={optionId(index)} role="option"
      aria-selected={index === active} className={entry.kind === 'hit' ? 'crm-search-option' : 'crm-search-option crm-search-more'}
      data-testid={entry.kind === 'hit' ? 'search-hit' : 'search-more'} onMouseDown={(e) => e.preventDefault()} onClick={() => choose(entry)}>
      {entry.kind === 'hit' ? (
        <>
          <div><strong>{entry.hit.title}</strong></div>
          <div className="crm-muted"><Highlighted snippet={entry.hit.snippet} /></div>
        </>
      ) : t(`search.moreOf.${entry.type}`)}
    </div>
  );
  return (
    <div className="crm-search" ref={boxRef}>
      <Input
        ref={inputRef}
        role="combobox"
        aria-label={t('search.label')}
        aria-keyshortcuts="/ Control+K Meta+K"
        aria-expanded={showPanel}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showPanel && entries[active] ? optionId(active) : undefined}
        placeholder={t('search.placeholder')}
        title={t('search.shortcut')}
        prefix={<SearchOutlined aria-hidden />}
        suffix={!text && <kbd className="crm-kbd-hint" aria-hidden>/</kbd>}
        allowClear
        value={text}
        data-testid="search-input"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
          if (!composing.current) runSearch(e.target.value);
        }}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(e) => {
          composing.current = false;
          runSearch(e.currentTarget.value);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={onKeyDown}
      />
      {showPanel && (
        <div className="crm-search-results" id={listId} role="listbox" aria-label={t('search.label')} aria-busy={status === 'searching'}
          data-testid="search-results" data-status={status} data-query={query}>
          {status === 'error' && <div role="option" aria-selected={false} className="crm-search-status">{t('search.error')}</div>}
          {status === 'done' && entries.length === 0 && (
            <div role="option" aria-selected={false} className="crm-search-status">{t('search.noHits', { query: query.trim() })}</div>
          )}
          {groups.filter((g) => g.hits.length > 0).map((group) => (
            <div key={group.type} role="group" aria-labelledby={`${listId}-${group.type}`} data-testid={`search-group-${group.type}`}>
              <div id={`${listId}-${group.type}`} className="crm-search-group" role="presentation">
                {t(`search.group.${group.type}`)}
                <span className="crm-search-count">{t(group.more ? 'search.countMore' : 'search.count', { count: group.hits.length })}</span>
              </div>
              {entries.map((entry, index) => (typeOf(entry) === group.type ? option(entry, index) : null))}
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
