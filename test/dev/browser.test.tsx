/**
 * The dev phone in a real browser: the built `twiml-jsx dev` command serves the page, Chromium
 * (driven by playwright-core) uses it as a person would, by the accessible names of its parts.
 * The page's clock is fake (Playwright's clock), so no countdown (a `<Pause>`, a `<Gather>`'s
 * timeout) runs unless a test runs it; so the tests wait with Playwright's locators and the page's
 * own events, never with `waitForFunction` (which polls on the page's animation frames, frozen
 * with its clock). The screenshot in the README is taken here.
 *
 * Without Chromium these tests skip, saying how to get it; with CI=true that is a failure.
 */
import { once } from 'node:events';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import express from 'express';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Media, Message, Response } from 'twiml-jsx';
import { expressTwiML, expressWebhook } from 'twiml-jsx/http';
import { createExpressApp } from '../../examples/apps.js';
import { CHROMIUM_ARGS, CHROMIUM_HINT, cliPath, findChromium, root, type RunningDev, startDevCli } from './support.js';

const chromiumPath = findChromium();
const ci = process.env.CI === 'true';
const TIMEOUT = 90_000;

if (chromiumPath === undefined) {
  if (ci) {
    it('runs in Chromium', () => {
      throw new Error(`CI=true: ${CHROMIUM_HINT}`);
    });
  } else {
    console.warn(`Skipping: ${CHROMIUM_HINT}`);
    it.skip(CHROMIUM_HINT, () => {});
  }
}

/** A 2×2 PNG, served as the picture an SMS reply carries. */
const PICTURE = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGN4pGujn/+WQT//7SNdGwAnkgWtLhu2aAAAAABJRU5ErkJggg==',
  'base64',
);

/** Records what the page plays: DTMF oscillators' frequencies, and what speech synthesis says. */
const RECORDER = `
  window.__tones = [];
  const start = OscillatorNode.prototype.start;
  OscillatorNode.prototype.start = function (...args) {
    window.__tones.push(this.frequency.value);
    return start.apply(this, args);
  };
  window.__spoken = [];
  speechSynthesis.speak = (utterance) => {
    window.__spoken.push({ text: utterance.text, lang: utterance.lang });
    Promise.resolve().then(() => utterance.onend && utterance.onend(new Event('end')));
  };
`;

describe.skipIf(chromiumPath === undefined)('the dev phone in Chromium', () => {
  let context: BrowserContext;
  let profile: string;
  const running: RunningDev[] = [];

  beforeAll(async () => {
    if (!existsSync(cliPath)) {
      throw new Error('dist/cli/index.js is missing: run `npm run build` first (`npm test` does)');
    }
    mkdirSync(join(root, '.tmp'), { recursive: true });
    profile = mkdtempSync(join(root, '.tmp', 'chromium-profile-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromiumPath,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
      timezoneId: 'UTC',
    });
  }, TIMEOUT);

  afterAll(async () => {
    for (const dev of running) expect(await dev.stop()).toBe(0);
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  async function dev(args: string[], env?: NodeJS.ProcessEnv): Promise<RunningDev> {
    const started = await startDevCli(args, env);
    running.push(started);
    return started;
  }

  /** A page on `url`, its clock fake (countdowns wait for the test) and its sounds recorded. */
  async function open(url: string): Promise<Page> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.clock.install({ time: new Date('2026-05-04T09:30:00Z') });
    await page.addInitScript(RECORDER);
    await page.goto(url);
    await page.getByRole('button', { name: 'Call' }).waitFor();
    (page as Page & { errors: string[] }).errors = errors;
    return page;
  }

  const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
  const transcript = (page: Page) => page.getByRole('log', { name: 'Transcript' });
  /** Waits until the transcript shows `text`. */
  const heard = (page: Page, text: string) => transcript(page).getByText(text, { exact: true }).waitFor();
  const status = (page: Page) => page.getByRole('status').innerText();
  /**
   * Waits until a <Gather> listens (its keys are enabled): every entry before it has arrived, so
   * running the page's clock now plays all of them.
   */
  const listening = (page: Page) => page.locator('.keypad button:enabled').first().waitFor();

  it(
    'calls the example IVR: the greeting, press 1, the next document and its request, the graph',
    async () => {
      const { url } = await dev(['examples/dev-app.tsx']);
      const page = await open(url);
      expect(await page.getByRole('textbox', { name: 'From' }).inputValue()).toBe('+15555550100');
      expect(await page.getByRole('textbox', { name: 'To' }).inputValue()).toBe('+15555550199');
      await page.getByRole('checkbox', { name: /Sound/ }).check();

      await page.getByRole('button', { name: 'Call' }).click();
      await heard(page, 'Thanks for calling Owl & Co.');
      await listening(page);
      expect(await status(page)).toBe('In progress — answered');
      // Say is spoken, in the Say's language (en-US by default): effects run with the page's clock.
      await page.clock.runFor(200);
      expect(await page.evaluate(() => (window as unknown as { __spoken: unknown[] }).__spoken)).toEqual([
        { text: 'Thanks for calling Owl & Co.', lang: 'en-US' },
        { text: 'For sales, press 1 or say sales. For support, press 2 or say support.', lang: 'en-US' },
      ]);
      // The Pause counts down.
      expect(await transcript(page).locator('[data-verb="Pause"] .countdown').innerText()).toBe('1 s');

      const one = page.getByRole('button', { name: '1', exact: true });
      await one.click(); // waits until the key is enabled: while the <Gather> listens
      await heard(page, 'Connecting you to sales.');
      // The key's DTMF tone: 697 Hz and 1209 Hz.
      expect(await page.evaluate(() => (window as unknown as { __tones: number[] }).__tones)).toEqual([697, 1209]);
      await transcript(page).getByText('presses 1').waitFor();

      // The request and its document.
      const requests = region(page, 'Requests');
      const choice = requests.locator('li.request[data-node="POST /menu/choice"]');
      await choice.waitFor();
      expect(await choice.locator('summary').first().innerText()).toMatch(
        /^POST \/menu\/choice 200 text\/xml \d+ ms Digits=1$/,
      );
      expect(await choice.locator('pre.twiml').innerText()).toBe(
        [
          '<Response>',
          '  <Say voice="Polly.Joanna-Neural">Connecting you to sales.</Say>',
          '  <Dial action="/menu/after-call" timeout="25">',
          '    <Number>+15555550111</Number>',
          '    <Number>+15555550112</Number>',
          '  </Dial>',
          '</Response>',
          '',
        ].join('\n'),
      );
      await choice.getByText(/^Parameters/).click();
      expect(await choice.getByRole('row', { name: /^Digits/ }).innerText()).toBe('Digits\t1');

      // The graph: two documents and an edge labelled with the digit; the current step marked.
      const graph = region(page, 'Flow graph');
      expect(
        await graph.locator('g.node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-node'))),
      ).toEqual(['POST /voice', 'POST /menu/choice']);
      expect(await graph.locator('g.edge text').allTextContents()).toEqual(['Digits=1']);
      expect(await graph.locator('g.node.current').getAttribute('data-node')).toBe('POST /menu/choice');
      expect(await graph.getByRole('list', { name: 'Transitions' }).innerText()).toBe(
        'POST /voice → POST /menu/choice: Digits=1',
      );

      // The Dial waits for the page: its outcome buttons.
      await page.getByRole('button', { name: 'Busy' }).waitFor();
      const buttons = transcript(page).getByRole('group', { name: 'How the dial ends' }).getByRole('button');
      expect(await buttons.allInnerTexts()).toEqual(['Answer', 'Busy', 'No answer', 'Fail']);

      // A text message, for the screenshot too.
      await page.getByRole('textbox', { name: 'Message' }).fill('hours');
      await page.getByRole('button', { name: 'Send' }).click();
      await region(page, 'Messages').getByText("We're open 9am–5pm, Monday to Friday.").waitFor();
      await choice.locator('summary').first().click(); // the document that dials, open
      await page.clock.runFor(200);
      await screenshot(page);

      // Sales is busy: voicemail; the caller speaks and presses #.
      await page.getByRole('button', { name: 'Busy' }).click();
      await page.getByRole('button', { name: 'Speak and press #' }).click();
      await heard(page, 'Thanks, we got your message.');
      await page.getByText('Completed').waitFor();
      expect(await status(page)).toBe('Completed — <Hangup>');
      expect(await graph.locator('g.edge text').allTextContents()).toEqual([
        'Digits=1',
        'DialCallStatus=busy',
        'redirect',
        'RecordingDuration=1',
      ]);
      expect(await page.getByRole('button', { name: 'Hang up' }).isDisabled()).toBe(true);
      expect((page as Page & { errors: string[] }).errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'the Gather times out when its countdown ends; Hang up ends the call',
    async () => {
      const { url } = await dev(['examples/dev-app.tsx']);
      const page = await open(url);
      await page.getByRole('button', { name: 'Call' }).click();
      await listening(page);
      // The Pause (1 s), then the Gather's 5 s: the caller was silent, the menu plays again.
      await page.clock.runFor(7_000);
      await transcript(page).getByText('is silent (timeout)').waitFor();
      await transcript(page).locator('[data-verb="Redirect"]').getByText('POST /voice?retries=1').waitFor();
      expect(await region(page, 'Flow graph').locator('g.edge text').allTextContents()).toEqual(['redirect']);
      await page.getByRole('button', { name: 'Hang up' }).click();
      await transcript(page).getByText('hangs up').waitFor();
      expect(await status(page)).toBe('Completed — the caller hung up');
    },
    TIMEOUT,
  );

  it(
    'a flow that answers invalid TwiML: its problems by code and path, the element marked',
    async () => {
      const { url } = await dev(['test/dev/fixtures/invalid-app.ts']);
      const page = await open(url);
      await page.getByRole('button', { name: 'Call' }).click();
      await page.getByText(/^Failed/).waitFor();
      expect(await status(page)).toBe('Failed — POST https://example.com/voice answered invalid TwiML');
      const request = region(page, 'Requests').locator('li.request').first();
      expect(await request.getByRole('list', { name: 'Problems' }).innerText()).toBe(
        'error invalid-child at Response > Gather > Dial (line 5, column 5): <Dial> cannot be inside <Gather>; allowed: Say, Play, Pause',
      );
      expect(await request.locator('pre.twiml mark').allInnerTexts()).toEqual(['    <Dial>+15555550111</Dial>\n']);
      expect(await request.locator('p.error').innerText()).toBe(
        'POST https://example.com/voice answered invalid TwiML:',
      );
      expect(await region(page, 'Flow graph').locator('g.node.failed').getAttribute('data-node')).toBe('POST /voice');
    },
    TIMEOUT,
  );

  it(
    'an SMS round trip: the message, the reply, and the request',
    async () => {
      const { url } = await dev(['examples/dev-app.tsx']);
      const page = await open(url);
      const messages = region(page, 'Messages');
      await page.getByRole('textbox', { name: 'Message' }).fill('hello there');
      await page.getByRole('button', { name: 'Send' }).click();
      await messages.locator('.bubble.reply').waitFor();
      expect(await messages.locator('.bubble .text').allTextContents()).toEqual([
        'You: hello there',
        'Reply: Thanks +15555550100! We got "hello there" and will reply soon. Text HOURS or MENU anytime.',
      ]);
      expect(await messages.locator('.bubble.reply .meta').innerText()).toBe('to +15555550100');
      expect(await page.getByRole('textbox', { name: 'Message' }).inputValue()).toBe('');
      const request = region(page, 'Requests').locator('li.request[data-node="POST /sms"]');
      await request.getByText(/^Parameters/).click();
      expect(await request.getByRole('row', { name: /^Body/ }).innerText()).toBe('Body\thello there');
    },
    TIMEOUT,
  );

  // A new user's trial: at 1280×720 the Message box and Send spilled below the Messages card, and
  // the message sent was out of view.
  it.each([
    [1280, 720],
    [1024, 640],
    [1366, 768],
    [1920, 1080],
  ])(
    'at %i×%i every control of the phone and the chat is inside its card, and the last message in view',
    async (width, height) => {
      const { url } = await dev(['examples/dev-app.tsx']);
      const page = await open(url);
      await page.setViewportSize({ width, height });
      const messages = region(page, 'Messages');
      await page.getByRole('textbox', { name: 'Message' }).fill('hello there');
      await page.getByRole('button', { name: 'Send' }).click();
      await messages.locator('.bubble.reply').waitFor();

      const inside = async (card: ReturnType<Page['locator']>, control: ReturnType<Page['locator']>) => {
        await control.scrollIntoViewIfNeeded();
        const [outer, inner] = [await card.boundingBox(), await control.boundingBox()];
        if (!outer || !inner) throw new Error('a control or its card is not rendered');
        return (
          inner.x >= outer.x &&
          inner.y >= outer.y &&
          inner.x + inner.width <= outer.x + outer.width + 0.5 &&
          inner.y + inner.height <= outer.y + outer.height + 0.5
        );
      };
      const phone = page.locator('.phone');
      const outside: string[] = [];
      let checked = 0;
      for (const [card, name] of [
        [phone, 'phone'],
        [messages, 'Messages'],
      ] as const)
        for (const control of await card.locator('button, input, textarea').all()) {
          checked++;
          if (!(await inside(card, control)))
            outside.push(`${name}: ${(await control.getAttribute('aria-label')) ?? (await control.innerText())}`);
        }
      expect(checked).toBeGreaterThan(15); // From, To, Call, Hang up, the 12 keys, Speech, Message, Send…
      expect(outside).toEqual([]);

      // The chat shows its last bubble without scrolling by hand.
      const chat = messages.locator('.chat');
      const last = messages.locator('.bubble').last();
      const [box, bubble] = [await chat.boundingBox(), await last.boundingBox()];
      expect(bubble!.y + bubble!.height).toBeLessThanOrEqual(box!.y + box!.height + 0.5);
      expect(bubble!.y).toBeGreaterThanOrEqual(box!.y - 0.5);
      expect((page as Page & { errors: string[] }).errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    '--url: a running Express server, signed requests, a queue with hold music, a picture reply',
    async () => {
      const authToken = 'url-mode-token';
      const app = createExpressApp({ authToken });
      const server: Server = app.listen(0, '127.0.0.1');
      await once(server, 'listening');
      const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      app.get('/cat.png', (_req, res) => {
        res.type('png').send(PICTURE);
      });
      app.post(
        '/sms-picture',
        expressWebhook({ authToken }),
        expressTwiML(() => (
          <Response>
            <Message>
              Here is the cat.
              <Media>{`${origin}/cat.png`}</Media>
            </Message>
          </Response>
        )),
      );
      try {
        const { url, output } = await dev(['--url', origin, '--sms', '/sms-picture'], { TWILIO_AUTH_TOKEN: authToken });
        expect(output()).toContain(`(voice: POST /voice, sms: POST /sms-picture)`);
        expect(output()).toContain(`calling ${origin}; requests signed`);
        const page = await open(url);
        await page.getByRole('button', { name: 'Call' }).click();
        await heard(page, 'Thanks for calling Owl & Co.');
        await page.getByRole('textbox', { name: 'Speech' }).fill('support');
        await page.getByRole('button', { name: 'Speak' }).click();
        await heard(page, 'Sorry we could not help you today. Goodbye.');
        expect(await transcript(page).locator('[data-verb="Enqueue"]').innerText()).toBe('Enqueue\nsupport\nbridged');
        expect(await transcript(page).locator('audio').getAttribute('src')).toBe('https://example.com/hold-music.mp3');
        const graph = region(page, 'Flow graph');
        expect(await graph.getByRole('list', { name: 'Transitions' }).innerText()).toBe(
          ['POST /voice → POST /menu/choice: speech "support"', 'POST /menu/choice → POST /hold-music: waitUrl'].join(
            '\n',
          ),
        );
        expect(
          await region(page, 'Requests').locator('li.request').first().locator('summary').first().innerText(),
        ).toMatch(new RegExp(`^POST /voice 200 text/xml \\d+ ms webhook$`));

        // Requests are signed with the token; the page never sees it.
        const state = await page.evaluate(async () => (await fetch('/api/state')).text());
        expect(state).toContain('"signed":true');
        expect(state + (await page.content())).not.toContain(authToken);

        await page.getByRole('textbox', { name: 'Message' }).fill('picture please');
        await page.getByRole('button', { name: 'Send' }).click();
        const picture = region(page, 'Messages').getByRole('img', { name: `media: ${origin}/cat.png` });
        await picture.waitFor();
        // The picture loads (its load event, or already complete), and is a picture.
        const width = await picture.evaluate(
          (img: HTMLImageElement) =>
            new Promise<number>((resolve, reject) => {
              if (img.complete && img.naturalWidth > 0) return resolve(img.naturalWidth);
              img.addEventListener('load', () => resolve(img.naturalWidth), { once: true });
              img.addEventListener('error', () => reject(new Error(`${img.src} did not load`)), { once: true });
            }),
        );
        expect(width).toBe(2);
      } finally {
        server.closeAllConnections();
        server.close();
      }
    },
    TIMEOUT,
  );

  it(
    'a file change reloads the module; a broken edit shows its error and the previous module answers',
    async () => {
      const folder = mkdtempSync(join(root, '.tmp', 'dev-reload-'));
      const file = join(folder, 'app.tsx');
      const version = (text: string) =>
        `import { Response, Say } from 'twiml-jsx';\nimport { twiml } from 'twiml-jsx/http';\n\n` +
        `export default { fetch: () => twiml(<Response><Say>${text}</Say></Response>) };\n`;
      writeFileSync(file, version('Version one'));
      try {
        const { url } = await dev([file]);
        const page = await open(url);
        const header = page.getByRole('banner');
        await header.getByText('version 1').waitFor();
        await page.getByRole('button', { name: 'Call' }).click();
        await heard(page, 'Version one');

        writeFileSync(file, version('Version two'));
        await header.getByText('version 2').waitFor();
        await page.getByRole('button', { name: 'Call' }).click();
        await heard(page, 'Version two');

        writeFileSync(file, 'export default { fetch: () => twiml(<Response> };\n');
        const alert = header.getByRole('alert');
        await alert.waitFor();
        expect(await alert.innerText()).toMatch(
          /did not load \(the previous version still answers\):\n.*app\.tsx:1:\d+: /,
        );
        await page.getByRole('button', { name: 'Call' }).click();
        await transcript(page).getByText('Version two').first().waitFor();

        writeFileSync(file, version('Version three'));
        await header.getByText('version 3').waitFor();
        await page.getByRole('button', { name: 'Call' }).click();
        await heard(page, 'Version three');
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    TIMEOUT,
  );
});

/**
 * The README's screenshot, taken from the real page. It is written to docs/dev-phone.png when that
 * is missing or UPDATE_SCREENSHOTS=1 (request times and the like differ from run to run), and
 * to .tmp/dev-phone.png otherwise, for a look.
 */
async function screenshot(page: Page): Promise<void> {
  const taken = join(root, '.tmp', 'dev-phone.png');
  await page.screenshot({ path: taken });
  const docs = join(root, 'docs', 'dev-phone.png');
  if (process.env.UPDATE_SCREENSHOTS === '1' || !existsSync(docs)) copyFileSync(taken, docs);
}
