import type { ReactNode } from 'react';
import type { BriefModel, BriefSection } from '../../shared/briefs/brief.ts';
import { formatDate } from '../../shared/format/index.ts';
import { briefText } from './briefText.ts';
import { ProfileSection } from './sections/ProfileSection.tsx';
import { RisksSection } from './sections/RisksSection.tsx';
import { ContactsSection } from './sections/ContactsSection.tsx';
import { ProjectsSection } from './sections/ProjectsSection.tsx';
import { InteractionsSection } from './sections/InteractionsSection.tsx';
import { TasksSection } from './sections/TasksSection.tsx';
import { FeedbackSection } from './sections/FeedbackSection.tsx';

/** The printable client brief (product.md "PDF client brief"): one template for every host that prints it. */
export function BriefDocument({ model }: { model: BriefModel }) {
  const t = briefText(model.language);
  const { client } = model.profile;
  // Each section gets its heading to place: most print it first, the feedback section keeps it in one block with its chart.
  const sections: Record<BriefSection, (heading: ReactNode) => ReactNode> = {
    profile: (heading) => <>{heading}<ProfileSection model={model} t={t} /></>,
    risks: (heading) => <>{heading}<RisksSection model={model} t={t} /></>,
    contacts: (heading) => <>{heading}<ContactsSection model={model} t={t} /></>,
    projects: (heading) => <>{heading}<ProjectsSection model={model} t={t} /></>,
    interactions: (heading) => <>{heading}<InteractionsSection model={model} t={t} /></>,
    tasks: (heading) => <>{heading}<TasksSection model={model} t={t} /></>,
    feedback: (heading) => <FeedbackSection model={model} t={t} heading={heading} />,
  };
  return (
    <main>
      <header className="brief-title">
        <span className="kind">{t.title}</span>
        <h1>{client.legalName}</h1>
        <div className="sub">
          {client.englishName && <>{client.englishName} · </>}
          <span className="mono">{client.creditCode}</span> · {t.generated} {formatDate(model.today, model.language)}
        </div>
      </header>
      {model.sections.map((s) => (
        <section key={s} id={`brief-${s}`}>
          {sections[s](<h2>{t.section[s]}</h2>)}
        </section>
      ))}
    </main>
  );
}
