import { describe, expect, it } from 'vitest';
import { readCsrfCookie } from './csrf';

describe('csrf cookie', () => {
  it('reads the plain and the __Host- prefixed cookie', () => {
    expect(readCsrfCookie('a=1; tessera_csrf=abc%3D; b=2')).toBe('abc=');
    expect(readCsrfCookie('__Host-tessera_csrf=xyz')).toBe('xyz');
    expect(readCsrfCookie('other=1')).toBeNull();
    expect(readCsrfCookie('')).toBeNull();
  });
});
