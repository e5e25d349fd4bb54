import type { Snippet } from '../../shared/api/contract.ts';

/** Snippet text with its matched ranges marked. */
export function Highlighted({ snippet }: { snippet: Snippet }) {
  const parts: { text: string; hit: boolean }[] = [];
  let at = 0;
  for (const [start, end] of [...snippet.highlights].sort((a, b) => a[0] - b[0])) {
    if (start < at || end <= start) continue;
    if (start > at) parts.push({ text: snippet.text.slice(at, start), hit: false });
    parts.push({ text: snippet.text.slice(start, end), hit: true });
    at = end;
  }
  if (at < snippet.text.length) parts.push({ text: snippet.text.slice(at), hit: false });
  return <>{parts.map((part, i) => (part.hit ? <mark key={i} className="crm-hit">{part.text}</mark> : <span key={i}>{part.text}</span>))}</>;
}
