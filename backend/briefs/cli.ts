import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BRIEF_SECTIONS, BriefLanguage, BriefSection, type BriefRequest } from '../../shared/briefs/brief.ts';
import { Id, Login } from '../../shared/domain/index.ts';
import type { Backend } from '../backend.ts';
import { UsageError, type Command } from '../cli/command.ts';

const USAGE = `crm brief --db FILE (--client ID | --name TEXT) --out FILE.pdf [--lang zh-CN|en] [--sections ${BRIEF_SECTIONS.join(',')}] [--actor LOGIN]`;

const NAME_CANDIDATES = 20;

/** The client a --name names: the one whose Chinese or English name it is, else the only client it finds. */
async function clientByName(backend: Backend, name: string): Promise<string> {
  const { hits } = await backend.api['search.query']({ query: name.slice(0, 100), types: ['client'], limit: NAME_CANDIDATES });
  const clients = await Promise.all(hits.map((hit) => backend.api['clients.get']({ id: hit.id })));
  const folded = name.trim().toLowerCase();
  const exact = clients.filter((c) => c.legalName.toLowerCase() === folded || c.englishName.toLowerCase() === folded);
  const [only] = exact.length === 1 ? exact : clients.length === 1 ? clients : [];
  if (only) return only.id;
  if (clients.length === 0) throw new UsageError(`no client is called "${name}"`);
  const list = clients.slice(0, 10).map((c) => `  ${c.id}  ${c.legalName}`).join('\n');
  const count = clients.length === NAME_CANDIDATES ? `${NAME_CANDIDATES} or more` : String(clients.length);
  throw new UsageError(`"${name}" matches ${count} clients; pass --client ID or a full name:\n${list}`);
}

function parseSections(value: string | undefined): BriefSection[] {
  if (value === undefined) return [...BRIEF_SECTIONS];
  const sections = value.split(',').map((s) => s.trim()).filter(Boolean);
  const unknown = sections.filter((s) => !BriefSection.safeParse(s).success);
  if (unknown.length || sections.length === 0) throw new UsageError(`--sections takes a comma-separated list of ${BRIEF_SECTIONS.join(', ')}`);
  return sections as BriefSection[];
}

/** `crm brief`: the client brief as an A4 PDF, printed by a local Chromium from the same template the desktop app prints. */
export const briefCommand: Command = {
  summary: 'write a client brief (A4 PDF, zh-CN or en) printed offline by a local Chromium',
  usage: USAGE,
  async run(args) {
    const { values } = parseArgs({
      args,
      options: {
        db: { type: 'string' }, client: { type: 'string' }, name: { type: 'string' }, out: { type: 'string' },
        lang: { type: 'string' }, sections: { type: 'string' }, actor: { type: 'string' },
      },
    });
    if (!values.db) throw new UsageError('--db FILE is required');
    if (!values.out) throw new UsageError('--out FILE.pdf is required');
    if ((values.client === undefined) === (values.name === undefined)) throw new UsageError('pass either --client ID or --name TEXT');
    if (values.client !== undefined && !Id.safeParse(values.client).success) throw new UsageError('--client must be a client id (UUID)');
    const language = BriefLanguage.safeParse(values.lang ?? 'zh-CN');
    if (!language.success) throw new UsageError('--lang must be zh-CN or en');
    const actor = values.actor === undefined ? 'cli' : Login.safeParse(values.actor).data;
    if (!actor) throw new UsageError('--actor must be a login (lower-case letters, digits, . _ -)');
    const sections = parseSections(values.sections);
    const out = path.resolve(values.out);
    if (!fs.existsSync(path.dirname(out))) throw new UsageError(`the folder of --out does not exist: ${path.dirname(out)}`);

    // Heavy modules (the Chromium driver) load only when a brief is really printed.
    const [{ createEnvKeyStore }, { openBackend }, { findChromium }, { BriefPrinter }] = await Promise.all([
      import('../keys/envKeyStore.ts'), import('../backend.ts'), import('./chromium.ts'), import('./printer.ts'),
    ]);
    const keyHex = await createEnvKeyStore().loadKey();
    const executablePath = findChromium();
    const backend = openBackend({ file: values.db, keyHex, create: false });
    try {
      const started = performance.now();
      const clientId = values.client ?? (await clientByName(backend, values.name as string));
      const request: BriefRequest = { clientId, language: language.data, sections };
      const brief = await backend.api['briefs.render'](request);
      const printer = await BriefPrinter.launch(executablePath);
      let pdf: Buffer;
      try {
        pdf = await printer.print(brief.html, brief.chrome);
      } finally {
        await printer.close();
      }
      fs.writeFileSync(out, pdf);
      await backend.api['briefs.recordExport']({ ...request, actor });
      process.stdout.write(`${JSON.stringify({ file: out, bytes: pdf.length, alerts: brief.alerts, ms: Math.round(performance.now() - started) })}\n`);
      return 0;
    } finally {
      backend.close();
    }
  },
};
