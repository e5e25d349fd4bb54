import { None, type SectionProps } from './common.tsx';

export function ContactsSection({ model, t }: SectionProps) {
  const { contacts } = model.profile;
  if (contacts.length === 0) return <None t={t} />;
  return (
    <table>
      <colgroup><col style={{ width: '14%' }} /><col style={{ width: '16%' }} /><col style={{ width: '14%' }} /><col style={{ width: '15%' }} /><col style={{ width: '27%' }} /><col style={{ width: '14%' }} /></colgroup>
      <thead><tr><th>{t.field.contact}</th><th>{t.field.title}</th><th>{t.field.department}</th><th>{t.field.phone}</th><th>{t.field.email}</th><th>{t.field.wechat}</th></tr></thead>
      <tbody>
        {contacts.map((c) => (
          <tr key={c.id}>
            <td>{c.name}{c.isDecisionMaker && <div className="flag near">{t.field.decisionMaker}</div>}</td>
            <td>{c.title}</td><td>{c.department}</td><td>{c.phone}</td><td>{c.email}</td><td>{c.wechatId}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
