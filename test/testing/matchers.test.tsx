/** Snapshot serializer and matchers for Vitest (and Jest: same API). */
import { describe, expect, it } from 'vitest';
import { Gather, Hangup, Pause, Response, Say } from 'twiml-jsx';
import { twimlMatchers, twimlSerializer, type TwiMLMatchers } from 'twiml-jsx/testing';

declare module 'vitest' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Assertion<T = any> extends TwiMLMatchers<T> {}
}

expect.extend(twimlMatchers);
expect.addSnapshotSerializer(twimlSerializer);

const menu = (
  <Response>
    <Gather numDigits={1} action="/menu">
      <Say voice="Polly.Joanna">Press 1</Say>
    </Gather>
    <Hangup />
  </Response>
);

describe('twimlSerializer', () => {
  it('prints elements as indented XML', () => {
    expect(menu).toMatchInlineSnapshot(`
      <Response>
        <Gather numDigits="1" action="/menu">
          <Say voice="Polly.Joanna">Press 1</Say>
        </Gather>
        <Hangup/>
      </Response>
    `);
  });

  it('prints TwiML strings the same way, and leaves other strings alone', () => {
    expect('<?xml version="1.0" encoding="UTF-8"?><Response><Pause length="2"/></Response>').toMatchInlineSnapshot(`
      <Response>
        <Pause length="2"/>
      </Response>
    `);
    expect(twimlSerializer.test('hello')).toBe(false);
    expect(twimlSerializer.test('<Response')).toBe(false);
    expect(twimlSerializer.serialize('<Response><Say>broken')).toBe('<Response><Say>broken');
  });
});

describe('toRenderTwiML', () => {
  it('ignores formatting, attribute order, comments and the declaration', () => {
    expect(menu).toRenderTwiML(`
      <Response>
        <!-- the main menu -->
        <Gather action="/menu" numDigits="1">
          <Say voice="Polly.Joanna">
            Press 1
          </Say>
        </Gather>
        <Hangup />
      </Response>`);
    expect('<?xml version="1.0"?><Response><Hangup/></Response>').toRenderTwiML(
      <Response>
        <Hangup />
      </Response>,
    );
  });

  it('fails with a readable diff of the canonical documents', () => {
    let message = '';
    try {
      expect(menu).toRenderTwiML(
        '<Response><Gather numDigits="2" action="/menu"><Say voice="Polly.Joanna">Press 1</Say></Gather><Hangup/></Response>',
      );
    } catch (error) {
      // Vitest colours the diff; compare the text.
      message = (error as Error).message.replace(/\u001b\[\d+m/g, '');
    }
    expect(message).toContain('expected the same TwiML document (ignoring formatting and attribute order)');
    expect(message).toMatch(/- +<Gather action="\/menu" numDigits="2">/);
    expect(message).toMatch(/\+ +<Gather action="\/menu" numDigits="1">/);
  });

  it('tells when a side is not TwiML', () => {
    expect(() => expect(menu).toRenderTwiML('<Response>')).toThrow(
      /the expected value is not well-formed XML \(line 1, column 10/,
    );
    expect(() => expect(42).toRenderTwiML(menu)).toThrow(
      /the received value is not an element or TwiML text \(got number\)/,
    );
  });

  it('works with .not', () => {
    expect(menu).not.toRenderTwiML('<Response><Hangup/></Response>');
    expect(() => expect(menu).not.toRenderTwiML(menu)).toThrow(/expected a different document/);
  });
});

describe('toBeValidTwiML', () => {
  it('passes valid documents (warnings allowed) and lists the problems of invalid ones', () => {
    expect(menu).toBeValidTwiML();
    expect('<Response><Hangup/><Say>never</Say></Response>').toBeValidTwiML();
    expect(() =>
      expect(
        <Response>
          <Pause length={0} />
        </Response>,
      ).toBeValidTwiML(),
    ).toThrow(/expected valid TwiML, but found:\nerror out-of-range at Response > Pause/);
    expect(() => expect('<Response><Say>').toBeValidTwiML()).toThrow(/it is not well-formed XML: line 1/);
    expect(<Say>outside</Say>).not.toBeValidTwiML();
  });
});
