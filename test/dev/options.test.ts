/** `twiml-jsx dev`'s command line: defaults, each option, and clear errors for mistakes. */
import { describe, expect, it } from 'vitest';
import { DevUsageError, parseDevArgs } from '../../src/dev/options.js';

describe('twiml-jsx dev options', () => {
  it('a module, with the defaults', () => {
    expect(parseDevArgs(['src/app.tsx'])).toEqual({
      module: 'src/app.tsx',
      exportName: 'default',
      voice: '/voice',
      sms: '/sms',
      from: '+15555550100',
      to: '+15555550199',
      port: 4000,
      help: false,
    });
  });

  it('every option, as --name value and --name=value', () => {
    expect(
      parseDevArgs(
        [
          '--url=http://127.0.0.1:5000/',
          '--voice',
          '/twilio/voice',
          '--sms=https://example.com/sms',
          '--from',
          '+15550001111',
          '--to=+15550002222',
          '--auth-token',
          'secret',
          '--port=0',
          '--timeout',
          '2.5',
        ],
        {},
      ),
    ).toEqual({
      url: 'http://127.0.0.1:5000',
      exportName: 'default',
      voice: '/twilio/voice',
      sms: 'https://example.com/sms',
      from: '+15550001111',
      to: '+15550002222',
      authToken: 'secret',
      port: 0,
      timeoutMs: 2500,
      help: false,
    });
  });

  it('the auth token defaults to TWILIO_AUTH_TOKEN; --auth-token wins', () => {
    expect(parseDevArgs(['a.tsx'], { TWILIO_AUTH_TOKEN: 'from-env' }).authToken).toBe('from-env');
    expect(parseDevArgs(['a.tsx', '--auth-token', 'flag'], { TWILIO_AUTH_TOKEN: 'from-env' }).authToken).toBe('flag');
    expect(parseDevArgs(['a.tsx'], { TWILIO_AUTH_TOKEN: '' }).authToken).toBeUndefined();
  });

  it('--export names the export to serve', () => {
    expect(parseDevArgs(['a.tsx', '--export', 'app']).exportName).toBe('app');
  });

  it('--help needs nothing else', () => {
    expect(parseDevArgs(['--help']).help).toBe(true);
    expect(parseDevArgs(['-h']).help).toBe(true);
  });

  it.each([
    [[], 'dev needs a module (e.g. src/app.tsx) or --url http://127.0.0.1:5000'],
    [['a.tsx', 'b.tsx'], 'one module at a time; got a.tsx, b.tsx'],
    [['a.tsx', '--url', 'http://x'], 'give a module or --url, not both'],
    [['--url', 'nope'], '--url is not a URL: "nope"'],
    [['--url', 'ftp://host'], '--url must be an http(s) URL; got "ftp://host"'],
    [['--url', 'http://x', '--export', 'app'], '--export is for a module, not --url'],
    [['a.tsx', '--port', '70000'], '--port takes a port number from 0 to 65535; got "70000"'],
    [['a.tsx', '--port', 'http'], '--port takes a port number from 0 to 65535; got "http"'],
    [['a.tsx', '--timeout', '0'], '--timeout takes a number of seconds above 0; got "0"'],
    [['a.tsx', '--voice', 'voice'], '--voice takes a path starting with / or an http(s) URL; got "voice"'],
    [['a.tsx', '--from', ' '], '--from is empty'],
    [['a.tsx', '--auth-token='], '--auth-token is empty'],
    [['a.tsx', '--port'], '--port needs a value'],
    [['a.tsx', '--port', '--voice', '/v'], '--port needs a value'],
    [['a.tsx', '--host', '0.0.0.0'], 'unknown option --host'],
  ])('%j: %s', (args, message) => {
    expect(() => parseDevArgs(args)).toThrow(new DevUsageError(message));
  });
});

describe('docs/dev.md', () => {
  it('lists the options --help lists, with the same defaults', async () => {
    const { readFileSync } = await import('node:fs');
    const { DEV_USAGE } = await import('../../src/dev/options.js');
    const docs = readFileSync(new URL('../../docs/dev.md', import.meta.url), 'utf8');
    const documented = [...docs.matchAll(/^\| `(--[a-z-]+) <[a-z]+>` +\| ([^|]*?) *\|/gm)].map(([, option, value]) => [
      option,
      value.replace(/`/g, ''),
    ]);
    const helped = [...DEV_USAGE.matchAll(/^ {2}(--[a-z-]+) <[a-z]+>/gm)].map(([, option]) => option);
    expect(documented.map(([option]) => option)).toEqual(helped);
    const defaults = parseDevArgs(['a.tsx']);
    expect(Object.fromEntries(documented)).toMatchObject({
      '--export': defaults.exportName,
      '--voice': defaults.voice,
      '--sms': defaults.sms,
      '--from': defaults.from,
      '--to': defaults.to,
      '--port': String(defaults.port),
    });
  });
});
