import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBackendWorker } from '../../backend/host/workerHost.ts';
import { ApiError } from '../../shared/api/errors.ts';
import type { RenderedBrief } from '../../shared/briefs/brief.ts';
import { clientInput } from '../support/clients.ts';
import { randomKey, tempDir } from '../support/tempStore.ts';

describe('backend worker thread', () => {
  it('serves calls off the main thread and rehydrates errors as ApiError', async () => {
    const file = path.join(tempDir(), 'w.db');
    const keyHex = randomKey();
    const worker = await startBackendWorker({ file, keyHex });
    const client = (await worker.call('clients.create', clientInput(1))) as { id: string };
    expect(((await worker.call('clients.get', { id: client.id })) as { legalName: string }).legalName).toBe('测试能源1有限公司');
    const error = await worker.call('clients.create', { legalName: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).issues.some((i) => i.path === 'legalName')).toBe(true);
    await worker.close();
    await expect(startBackendWorker({ file, keyHex: randomKey() })).rejects.toMatchObject({ name: 'WrongKeyError' });
  });

  it('renders a client brief in the worker, so a host only prints the document it returns', async () => {
    const worker = await startBackendWorker({ file: path.join(tempDir(), 'w.db'), keyHex: randomKey() });
    try {
      const client = (await worker.call('clients.create', clientInput(2))) as { id: string };
      const brief = (await worker.call('briefs.render', { clientId: client.id, language: 'en', sections: ['profile'] })) as RenderedBrief;
      expect(brief.html).toMatch(/^<!doctype html>/);
      expect(brief.html).toContain('测试能源2有限公司');
      expect(brief.html).not.toContain('<script');
      expect(brief.chrome.headerTemplate).toContain('Confidential');
      expect(brief.chrome.footerTemplate).toContain('class="totalPages"');
      expect(brief.fileName).toMatch(/\.pdf$/);
    } finally {
      await worker.close();
    }
  });
});
