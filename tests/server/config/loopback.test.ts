import { describe, expect, it } from 'vitest';
import { isLoopbackHost } from '../../../server/config/loopback.ts';

describe('isLoopbackHost', () => {
  it.each([
    'localhost',
    'LocalHost',
    ' localhost ',
    '127.0.0.1',
    '127.0.0.2',
    '127.255.255.254',
    '::1',
    '[::1]',
    '0:0:0:0:0:0:0:1',
    '::ffff:127.0.0.1',
  ])('is true when the host is %s', (host) => {
    expect(isLoopbackHost(host)).toBe(true);
  });

  it.each([
    '0.0.0.0',
    '::',
    '',
    '192.168.1.10',
    '10.0.0.1',
    '128.0.0.1',
    '::ffff:10.0.0.1',
    'fe80::1',
    'example.com',
    '127.0.0.1.example.com',
    'localhost.example.com',
    '127.1',
  ])('is false when the host is %s', (host) => {
    expect(isLoopbackHost(host)).toBe(false);
  });
});
