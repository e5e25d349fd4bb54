import { describe, expect, it } from 'vitest';
import { isAppUrl, isWebLink } from '../../../electron/appUrl.ts';
import { validateCall } from '../../../electron/callValidation.ts';
import { ApiError } from '../../../shared/api/errors.ts';

describe('which pages belong to the app', () => {
  it('accepts only app://crm, with any path or fragment', () => {
    expect(isAppUrl('app://crm/index.html#/clients/1')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('https://crm/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('lets only http(s) links out to the system browser', () => {
    expect(isWebLink('https://www.gsxt.gov.cn/')).toBe(true);
    expect(isWebLink('javascript:alert(1)')).toBe(false);
    expect(isWebLink('file:///C:/Windows/system32/calc.exe')).toBe(false);
    expect(isWebLink('smb://server/share')).toBe(false);
  });
});

describe('IPC calls are checked against the contract before they reach the backend', () => {
  const rejection = (method: unknown, input: unknown): ApiError => {
    try {
      validateCall(method, input);
    } catch (error) {
      if (error instanceof ApiError) return error;
    }
    throw new Error('expected the call to be refused');
  };

  it('refuses a method the contract does not name, including prototype names', () => {
    expect(rejection('store.exec', {}).code).toBe('unknown_method');
    expect(rejection('__proto__', {}).code).toBe('unknown_method');
    expect(rejection(42, {}).code).toBe('unknown_method');
  });

  it('refuses input the method\'s schema rejects, naming the field', () => {
    const error = rejection('clients.get', { id: 'not-a-uuid' });
    expect(error.code).toBe('invalid_input');
    expect(error.issues).toEqual([{ path: 'id', message: 'must be a UUID' }]);
  });

  it('passes a well-formed call through', () => {
    expect(validateCall('clients.list', { limit: 10 })).toBe('clients.list');
  });
});
