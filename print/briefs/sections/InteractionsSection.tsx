import { BRIEF_NOTE_CHARS } from '../../../shared/briefs/brief.ts';
import { excerpt, formatDay, None, type SectionProps } from './common.tsx';

export function InteractionsSection({ model, t }: SectionProps) {
  const { interactions } = model;
  const total = model.profile.interactionCount;
  if (interactions.length === 0) return <None t={t} />;
  const names = new Map(model.profile.contacts.map((c) => [c.id, c.name]));
  const lang = model.language;
  return (
    <>
      <table>
        <colgroup><col style={{ width: '14%' }} /><col style={{ width: '10%' }} /><col style={{ width: '15%' }} /><col style={{ width: '39%' }} /><col style={{ width: '22%' }} /></colgroup>
        <thead><tr><th>{t.field.when}</th><th>{t.field.type}</th><th>{t.field.attendees}</th><th>{t.field.notesOutcome}</th><th>{t.field.nextSteps}</th></tr></thead>
        <tbody>
          {interactions.map((i) => (
            <tr key={i.id}>
              <td>{formatDay(i.occurredAt, lang)}</td>
              <td>{t.enums.interactionType[i.type]}</td>
              <td>{[...i.attendeeContactIds.map((id) => names.get(id)).filter((n): n is string => !!n), ...i.attendeeLogins].join(lang === 'en' ? ', ' : '、')}</td>
              <td>{excerpt(i.notes, BRIEF_NOTE_CHARS)}{i.outcomes && <div className="muted">{excerpt(i.outcomes, BRIEF_NOTE_CHARS / 2)}</div>}</td>
              <td>{excerpt(i.nextSteps, BRIEF_NOTE_CHARS / 2)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > interactions.length && <div className="note">{t.shownOf(interactions.length, total)}</div>}
    </>
  );
}
