import type { Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api/contract.ts';

/**
 * Calls the real backend from inside the workspace page, the way the renderer does (Electron's bridge or the web host's
 * HTTP with the tab's token), to set up records a test then looks at through the UI.
 */
export async function callBackend<M extends MethodName>(page: Page, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await page.evaluate(
    async ([name, body]) => {
      const bridge = (window as unknown as { crm?: Record<string, (input: unknown) => Promise<unknown>> }).crm;
      if (bridge?.[name]) return bridge[name](body);
      const response = await fetch(`/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-crm-token': sessionStorage.getItem('crm.webHostToken') ?? '' },
        body: JSON.stringify({ input: body }),
      });
      return response.json();
    },
    [method, input] as const,
  );
  const settled = result as { ok: true; value: MethodOutput<M> } | { ok: false; error: { message: string } };
  if (!settled.ok) throw new Error(`${method} failed: ${settled.error.message}`);
  return settled.value;
}

/** The id of the client whose profile is on screen. */
export function shownClientId(page: Page): string {
  const id = /#\/clients\/([0-9a-f-]{36})/.exec(page.url())?.[1];
  if (!id) throw new Error(`no client id in ${page.url()}`);
  return id;
}
