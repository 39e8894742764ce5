/**
 * What JSX must never do with hostile or mistaken input (issue 13 item 9, issue 12 item 7):
 * inherited props never become attributes, and a global written as a tag (the Fetch API's
 * `Response` when the import is forgotten) is refused with a message that says what to import.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Gather, Play, Response, Say, render, validate } from 'twiml-jsx';
import { createElement } from 'twiml-jsx';

describe('props inherited from a polluted Object.prototype', () => {
  const polluted: string[] = [];
  const pollute = (name: string, value: unknown) => {
    (Object.prototype as Record<string, unknown>)[name] = value;
    polluted.push(name);
  };
  afterEach(() => {
    for (const name of polluted.splice(0)) delete (Object.prototype as Record<string, unknown>)[name];
  });

  it("are not rendered: a polluted action never reaches <Gather> (the issue's input)", () => {
    pollute('action', 'https://attacker.example/steal');
    const xml = render(
      <Response>
        <Gather>
          <Say>Press 1</Say>
        </Gather>
      </Response>,
    );
    expect(xml).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Gather><Say>Press 1</Say></Gather></Response>');
    expect(xml).not.toContain('attacker');
  });

  it.each([
    ['voice', 'Polly.Evil'],
    ['url', 'https://attacker.example/'],
    ['statusCallback', 'https://attacker.example/'],
    ['method', 'GET'],
    ['children', 'injected text'],
    ['key', 'k'],
    ['loop', 0],
    ['numDigits', 1],
  ])('%s is not read from the prototype', (name, value) => {
    pollute(name, value);
    const tree = (
      <Response>
        <Say>Hi</Say>
        <Play>https://example.com/a.mp3</Play>
      </Response>
    );
    expect(render(tree)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hi</Say><Play>https://example.com/a.mp3</Play></Response>',
    );
    expect(tree.attributes).toEqual({});
  });

  it('own props are read as before, spread ones included', () => {
    pollute('action', 'https://attacker.example/steal');
    const props = { action: '/menu', numDigits: 1 };
    expect(
      render(
        <Response>
          <Gather {...props} />
        </Response>,
      ),
    ).toContain('<Gather action="/menu" numDigits="1"/>');
  });
});

describe('a global written as a TwiML tag', () => {
  it("the Fetch API's Response (forgotten import) is refused, naming the import (the issue's input)", () => {
    expect(() => createElement(globalThis.Response, null, createElement(Say, null, 'Hi'))).toThrow(
      "twiml-jsx: <Response> is the global Response of JavaScript, not TwiML's <Response>: import { Response } from 'twiml-jsx' (or TwiMLResponse, which leaves the global alone)",
    );
  });

  it.each([
    ['Headers', "import { Headers } from 'twiml-jsx'"],
    ['Number', "import { Number } from 'twiml-jsx' (or DialNumber)"],
  ])('%s', (name, advice) => {
    const global = (globalThis as Record<string, unknown>)[name];
    expect(() => createElement(global, null)).toThrow(`<${name}> is the global ${name} of JavaScript`);
    expect(() => createElement(global, null)).toThrow(advice);
  });

  it('the imported components are not mistaken for the globals', () => {
    expect(
      validate(
        <Response>
          <Say>Hi</Say>
        </Response>,
      ),
    ).toEqual([]);
  });
});
