import { useEffect, useRef } from 'react';

/**
 * Brings the record a search hit points at into view: once `find` returns it, it is scrolled to the middle and
 * focused, so that the eye and a screen reader both land on it. Runs again when `key` changes.
 */
export function useBringIntoView(key: unknown, find: () => HTMLElement | null | undefined): void {
  const latestFind = useRef(find);
  latestFind.current = find;
  useEffect(() => {
    const element = latestFind.current();
    if (!element) return;
    element.scrollIntoView({ block: 'center' });
    element.focus({ preventScroll: true });
  }, [key]);
}
