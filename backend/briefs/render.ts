import type { Api } from '../../shared/api/contract.ts';
import { briefFileName, buildBrief, type BriefModel, type BriefRequest } from '../../shared/briefs/brief.ts';
import type { PageChrome } from '../../shared/briefs/pageChrome.ts';
import { briefChrome, briefHtml } from '../../renderer/briefs/briefHtml.ts';

/** A brief ready for any host to print: the self-contained document, its header and footer, a file name. */
export interface PreparedBrief {
  model: BriefModel;
  html: string;
  chrome: PageChrome;
  fileName: string;
}

/** Reads the client 360 and renders the brief template; the Electron shell and the CLI both print what this returns. */
export async function prepareBrief(
  profile: (id: string) => ReturnType<Api['clients.profile']>,
  request: BriefRequest,
  now: Date = new Date(),
): Promise<PreparedBrief> {
  const model = buildBrief(await profile(request.clientId), { language: request.language, sections: request.sections, generatedAt: now });
  const { legalName } = model.profile.client;
  return {
    model,
    html: briefHtml(model),
    chrome: briefChrome(model),
    fileName: briefFileName(legalName, model.today),
  };
}
