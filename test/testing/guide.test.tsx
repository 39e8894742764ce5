/**
 * The code samples of docs/testing.md, run. Every ```ts/```tsx block of the guide (except those marked
 * `<!-- not run: … -->`) appears here verbatim, up to indentation, blank lines and comments, and what it
 * imports is imported here; every output block (`<!-- output: id -->`) is compared with what the code
 * produces. The same holds for the sample of the README's "Testing your flows" section. So neither can
 * drift from the API: change a sample in one place and the other fails until they agree.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { Dial, Gather, Response, Say, type TwiMLElement } from 'twiml-jsx';
import {
  canonical,
  canonicalXml,
  formatTranscript,
  type Outcomes,
  type SimulationEvent,
  simulateCall,
  simulateMessage,
  SimulationError,
  twimlMatchers,
  type TwiMLMatchers,
  twimlSerializer,
} from 'twiml-jsx/testing';
import { createExpressApp, createHonoApp } from '../../examples/apps.js';
import Menu, { MenuChoice } from '../../examples/ivr.js';

expect.extend(twimlMatchers);
expect.addSnapshotSerializer(twimlSerializer);

declare module 'vitest' {
  interface Matchers<T = any> extends TwiMLMatchers<T> {}
}

const authToken = 'test-auth-token';
const app = createHonoApp({ authToken });

/** The guide, and what its blocks say. */
const guide = readFileSync(new URL('../../docs/testing.md', import.meta.url), 'utf8');

/** The output block the guide marks with `<!-- output: id -->`. */
function output(id: string): string {
  const match = new RegExp(`<!-- output: ${id} -->\\n+\`\`\`text\\n([\\s\\S]*?)\\n\`\`\``).exec(guide);
  if (!match) throw new Error(`docs/testing.md has no output block "${id}"`);
  return match[1];
}

/** The message of the assertion `run` fails with, without colours. */
function failure(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message.replace(/\u001b\[\d+m/g, '');
  }
  throw new Error('the assertion passed');
}

describe('checking one document', () => {
  it('sends sales callers to both sales phones', () => {
    expect(<MenuChoice digits="1" />).toRenderTwiML(`
      <Response>
        <Say voice="Polly.Joanna-Neural">Connecting you to sales.</Say>
        <Dial timeout="25" action="/menu/after-call">
          <Number>+15555550111</Number>
          <Number>+15555550112</Number>
        </Dial>
      </Response>
    `);
    expect(<MenuChoice digits="1" />).toBeValidTwiML();
  });

  it('toRenderTwiML fails with a diff of the canonical documents', () => {
    const message = failure(() =>
      expect(<MenuChoice digits="1" />).toRenderTwiML(`
        <Response>
          <Say voice="Polly.Joanna-Neural">Connecting you to sales.</Say>
          <Dial timeout="25" action="/menu/after-call">
            <Number>+15555550111</Number>
          </Dial>
        </Response>
      `),
    );
    expect(message).toBe(output('render-diff'));
  });

  it('toBeValidTwiML lists the problems', () => {
    const menu = (
      <Response>
        <Gather numDigits={1} action="/menu/choice">
          <Say>For sales, press 1.</Say>
          <Dial>+15555550111</Dial>
        </Gather>
      </Response>
    );
    expect(menu).not.toBeValidTwiML();
    expect(failure(() => expect(menu).toBeValidTwiML())).toBe(output('invalid'));
  });
});

describe('snapshots', () => {
  it('gives up after the third try', () => {
    expect(<Menu retries={2} />).toMatchInlineSnapshot(`
      <Response>
        <Gather input="dtmf speech" numDigits="1" action="/menu/choice" timeout="5" hints="sales, support">
          <Say voice="Polly.Joanna-Neural">For sales, press 1 or say sales. For support, press 2 or say support.</Say>
          <Pause length="1"/>
        </Gather>
        <Say voice="Polly.Joanna-Neural">Let me get you to someone.</Say>
        <Dial timeout="20">
          <Number>+15555550100</Number>
        </Dial>
      </Response>
    `);
  });
});

describe('simulateCall', () => {
  it('press 1: sales picks up', async () => {
    const call = await simulateCall(app.fetch, { url: '/voice', authToken });
    expect(call.waiting).toMatchObject({ verb: 'Gather', input: ['dtmf', 'speech'], numDigits: 1 });
    expect(call.requests[0]).toMatchObject({ status: 200, body: expect.toRenderTwiML(<Menu />) });
    await call.press('1');
    expect(call.status).toBe('completed');
    expect(call.warnings).toEqual([]);
    expect(String(call)).toMatchInlineSnapshot(`
      "Say [Polly.Joanna-Neural]: Thanks for calling Owl & Co.
      Say [Polly.Joanna-Neural]: For sales, press 1 or say sales. For support, press 2 or say support.
      Pause: 1s
      Gather: waiting for dtmf or speech
      Caller presses 1
      Say [Polly.Joanna-Neural]: Connecting you to sales.
      Dial: +15555550111, +15555550112 → completed (30s)
      Say [Polly.Joanna-Neural]: Thanks for calling Owl & Co. Goodbye.
      Hangup"
    `);
  });

  it('say "support": the caller waits in the queue', async () => {
    const call = await simulateCall(app.fetch, { authToken });
    await call.speak('support please');
    expect(call.requests[1].params).toMatchObject({ SpeechResult: 'support please', Confidence: '0.9' });
    expect(call.requests.map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'POST /voice',
      'POST /menu/choice',
      'POST /hold-music',
    ]);
    expect(call.said.slice(-2)).toEqual([
      'Thanks for holding. An agent will be with you shortly.',
      'Sorry we could not help you today. Goodbye.',
    ]);
  });

  it('an unknown key plays the menu again', async () => {
    const call = await simulateCall(app.fetch, { authToken });
    await call.press('9');
    expect(call.said.slice(-3)).toEqual([
      "Sorry, I didn't get that.",
      'Thanks for calling Owl & Co.',
      'For sales, press 1 or say sales. For support, press 2 or say support.',
    ]);
    expect(call.waiting?.action).toBe('https://example.com/menu/choice');
  });

  it('three silent menus: the operator', async () => {
    const call = await simulateCall(app.fetch, { authToken });
    await call.silence();
    await call.silence();
    await call.silence();
    expect(call.requests.map((r) => new URL(r.url).search)).toEqual(['', '?retries=1', '?retries=2']);
    expect(call.transcript.at(-1)).toEqual({ verb: 'Dial', to: ['+15555550100'], status: 'completed', duration: 30 });
    expect(formatTranscript(call.transcript.slice(-4))).toMatchInlineSnapshot(`
      "Gather: waiting for dtmf or speech
      Caller is silent
      Say [Polly.Joanna-Neural]: Let me get you to someone.
      Dial: +15555550100 → completed (30s)"
    `);
  });

  it('the caller hangs up during the menu', async () => {
    const call = await simulateCall(app.fetch, { authToken });
    call.hangUp();
    expect(call).toMatchObject({ ended: true, status: 'completed', waiting: undefined });
    expect(call.transcript.at(-1)).toEqual({ verb: 'Caller', hungUp: true });
    await expect(call.press('1')).rejects.toThrow('the call has ended (completed); the caller cannot press keys');
  });

  it('drives a running server', async () => {
    const server = createExpressApp({ authToken }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    try {
      const call = await simulateCall(`http://127.0.0.1:${port}`, { authToken });
      await call.press('2');
      expect(call.said.at(-1)).toBe('Sorry we could not help you today. Goodbye.');
    } finally {
      server.close();
    }
  });
});

describe('watching a simulation', () => {
  it('watches the call as it runs', async () => {
    const events: SimulationEvent[] = [];
    const call = await simulateCall(app.fetch, { authToken, onEvent: (event) => events.push(event) });
    expect(events.map((e) => e.type)).toEqual([
      'request',
      'status',
      'transcript',
      'transcript',
      'transcript',
      'transcript',
      'waiting',
    ]);
    await call.press('1');
    expect(call.requests.map((r) => [r.label, r.cause])).toEqual([
      ['webhook', undefined],
      ['action', 'Digits=1'],
      ['action', 'DialCallStatus=completed'],
    ]);
  });
});

describe('outcomes', () => {
  it('sales is busy: the caller leaves a voicemail', async () => {
    const call = await simulateCall(app.fetch, { authToken, outcomes: { dial: 'busy', record: { duration: 12 } } });
    await call.press('1');
    expect(String(call)).toMatchInlineSnapshot(`
      "Say [Polly.Joanna-Neural]: Thanks for calling Owl & Co.
      Say [Polly.Joanna-Neural]: For sales, press 1 or say sales. For support, press 2 or say support.
      Pause: 1s
      Gather: waiting for dtmf or speech
      Caller presses 1
      Say [Polly.Joanna-Neural]: Connecting you to sales.
      Dial: +15555550111, +15555550112 → busy
      Say [Polly.Joanna-Neural]: Sales is not available right now.
      Redirect: POST /voicemail
      Say [Polly.Matthew]: You have reached Owl & Co. Leave a message after the beep, then press the pound key.
      Play: beep
      Record: 12s, ended by #
      Say [Polly.Matthew]: Thanks, we got your message.
      Hangup"
    `);
    expect(call.requests.at(-1)!.params).toMatchObject({ RecordingDuration: '12', Digits: '#' });
  });

  it('forwarding: the softphone answers', async () => {
    const outcomes: Outcomes = {
      dial: ({ to }) => (to.includes('client:front-desk') ? { status: 'completed', duration: 95 } : 'no-answer'),
    };
    const call = await simulateCall(app.fetch, { url: '/forward', authToken, outcomes });
    expect(String(call)).toMatchInlineSnapshot(`
      "Dial: +15555550120, +15555550121, client:front-desk → completed (95s)
      Hangup"
    `);
    expect(call.requests[1].params).toMatchObject({ DialCallStatus: 'completed', DialCallDuration: '95' });
    expect(call.requests[1].params.RecordingUrl).toMatch(/\/Recordings\/RE[0-9a-f]{32}$/);
  });
});

describe('simulateMessage', () => {
  it('MENU: the menu comes back as a picture', async () => {
    const { replies } = await simulateMessage(app.fetch, { url: '/sms', body: 'menu', authToken });
    expect(replies).toEqual([
      {
        body: "Today's menu is attached. Reply HOURS for opening times.",
        media: ['https://example.com/menu.jpg'],
        to: '+15555550100',
        from: '+15555550199',
      },
    ]);
  });

  it('STOP: no reply', async () => {
    const { replies, requests } = await simulateMessage(app.fetch, { body: 'STOP', authToken });
    expect(replies).toEqual([]);
    expect(requests[0].body).toRenderTwiML('<Response/>');
  });
});

describe('comparing documents', () => {
  it('answers what the old app answered', () => {
    const recorded = `<?xml version="1.0" encoding="UTF-8"?>
<!-- answered by the old PHP app -->
<Response>
  <Say voice="Polly.Joanna-Neural">
    Sorry, I didn't get that.
  </Say>
  <Redirect>/voice</Redirect>
</Response>`;
    assert.equal(canonicalXml(recorded), canonicalXml(<MenuChoice digits="9" />));
    assert.deepEqual(canonical(recorded), canonical(<MenuChoice digits="9" />));
    expect(canonicalXml(recorded)).toMatchInlineSnapshot(`
      <Response>
        <Say voice="Polly.Joanna-Neural">Sorry, I didn't get that.</Say>
        <Redirect>/voice</Redirect>
      </Response>
    `);
  });

  it('canonical() is the same form as a tree, attributes sorted', () => {
    const tree = canonical(<Menu />);
    expect(tree).toRenderTwiML(canonicalXml(<Menu />));
    const gather = tree.children[0] as TwiMLElement;
    expect(Object.keys(gather.attributes)).toEqual(['action', 'hints', 'input', 'numDigits', 'timeout']);
  });
});

describe('failures', () => {
  it('a request the app refuses', async () => {
    const error = await simulateCall(app.fetch).catch((e: unknown) => e);
    assert(error instanceof SimulationError);
    expect(error.message).toMatchInlineSnapshot(`
      "POST https://example.com/voice answered 400:
      Bad Request: no X-Twilio-Signature header"
    `);
    expect(error.requests.map((r) => r.status)).toEqual([400]);
  });

  it('a document Twilio would refuse', async () => {
    const legacy = () =>
      new globalThis.Response('<Response><Gather><Dial>+15555550111</Dial></Gather></Response>', {
        headers: { 'Content-Type': 'text/xml' },
      });
    const error = await simulateCall(legacy).catch((e: unknown) => e);
    assert(error instanceof SimulationError);
    expect(error.message).toMatchInlineSnapshot(`
      "POST https://example.com/voice answered invalid TwiML:
      error invalid-child at Response > Gather > Dial (line 1, column 19): <Dial> cannot be inside <Gather>; allowed: Say, Play, Pause
      <Response><Gather><Dial>+15555550111</Dial></Gather></Response>"
    `);
  });
});

describe('README', () => {
  it('press 1 when sales is busy: voicemail', async () => {
    const app = createHonoApp({ authToken: 'test-token' });
    const call = await simulateCall(app.fetch, { authToken: 'test-token', outcomes: { dial: 'busy' } });
    expect(call.requests[0].body).toRenderTwiML(<Menu />);
    await call.press('1');
    expect(call.transcript).toContainEqual({ verb: 'Dial', to: ['+15555550111', '+15555550112'], status: 'busy' });
    expect(call.said.at(-1)).toBe('Thanks, we got your message.');
    expect(call.status).toBe('completed');
  });
});

describe('the guide', () => {
  const self = readFileSync(new URL(import.meta.url), 'utf8');
  /** The sample of the README's "Testing your flows" section, once it has one. */
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const readmeSample = /## Testing your flows\n[^#]*?```tsx\n([\s\S]*?)\n```/.exec(readme)?.[1];
  const blocks = [...guide.matchAll(/(?:<!-- (not run|output): ?([^>]*?) -->\n+)?```(\w+)\n([\s\S]*?)\n```/g)].map(
    ([, mark, id, lang, code]) => ({ mark, id, lang, code }),
  );
  /** `import x, { y, type z } from 'module';` (over several lines too) or `import 'module';`. */
  const IMPORT = /^import (?:([^;']*?) from )?'([^']+)';$/gm;
  const imports = (code: string) =>
    [...code.matchAll(IMPORT)].map(([, names = '', from]) => ({
      from,
      names: names.split(/[\s,{}]+/).filter((n) => n !== '' && n !== 'type'),
    }));
  /** Non-blank lines without imports, comments and indentation: the guide's blocks sit at the top level. */
  const lines = (code: string) =>
    code
      .replace(IMPORT, '')
      .split('\n')
      .map((l) => l.replace(/(^|\s)\/\/ .*$/, '').trim())
      .filter((l) => l !== '')
      .join('\n');
  const imported = imports(self);

  it('has samples, outputs and unrun configuration blocks', () => {
    expect(blocks.filter((b) => b.lang === 'tsx').length).toBeGreaterThan(10);
    expect(blocks.filter((b) => b.mark === 'output').length).toBe(2);
    expect(blocks.filter((b) => b.mark === 'not run').map((b) => b.id)).toEqual([
      'configuration',
      'older Vitest',
      'Jest',
    ]);
  });

  it('registers the matchers in the Jest block without a cast (test/testing/matchers.test.tsx checks the types)', () => {
    const jest = blocks.find((b) => b.id === 'Jest')!.code;
    expect(jest.split('\n').filter((line) => line.includes('expect.extend('))).toEqual([
      'expect.extend(twimlMatchers);',
    ]);
  });

  /** Each paragraph of the sample's code is in this file, and so is what it imports. */
  function expectHere(code: string) {
    for (const paragraph of code
      .split(/\n\s*\n/)
      .map(lines)
      .filter((p) => p !== '')) {
      expect(lines(self), 'the sample is not (or no longer) in this file').toContain(paragraph);
    }
    for (const { from, names } of imports(code)) {
      const here = imported.filter((i) => i.from === from.replace(/^\.\.\/examples\//, '../../examples/'));
      expect(here, `this file imports from '${from}'`).not.toEqual([]);
      expect(here.flatMap((i) => i.names)).toEqual(expect.arrayContaining(names));
    }
  }

  it.each(blocks.filter((b) => b.mark === undefined).map((b) => [b.code.split('\n')[0], b] as const))(
    'runs the sample starting %j',
    (_, { lang, code }) => {
      expect(['ts', 'tsx']).toContain(lang);
      expectHere(code);
    },
  );

  it("runs the README's sample", () => {
    expect(readmeSample, 'README.md has a tsx sample under "## Testing your flows"').toBeDefined();
    expectHere(readmeSample!);
  });

  it.each(blocks.filter((b) => b.mark === 'output').map((b) => [b.id]))('checks the output %s', (id) => {
    expect(self).toContain(`output('${id}')`);
  });
});
