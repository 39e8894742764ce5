/**
 * A corpus of real documents written from the examples on Twilio's TwiML doc pages (each
 * file names its page). Every one must validate with zero errors; the warnings they get are
 * listed here, each for a reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { render, validate } from 'twiml-jsx';
import { parse } from 'twiml-jsx/xml';

const folder = fileURLToPath(new URL('./corpus/', import.meta.url));
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.xml'))
  .sort();

/** Warnings the docs' own examples get, and why they are right. */
const EXPECTED_WARNINGS: Record<string, string[]> = {
  // <Sms> is deprecated; its page still shows examples.
  'sms-action-method.xml': ['deprecated-element'],
  'sms-simple.xml': ['deprecated-element'],
  'sms-status-callback.xml': ['deprecated-element'],
  'sms-to-from.xml': ['deprecated-element'],
  // The Dial page says the <Say> after a <Dial action> never runs; its example keeps it anyway.
  'dial-action-method-callstatus.xml': ['unreachable'],
};

describe('the TwiML docs corpus', () => {
  it('has documents', () => {
    expect(files.length).toBeGreaterThan(150);
  });

  it.each(files)('%s validates with zero errors', (file) => {
    const source = readFileSync(folder + file, 'utf8');
    expect(source, 'each file names its doc page').toMatch(/<!-- https:\/\/www\.twilio\.com\/docs\//);
    const problems = validate(parse(source));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.map((p) => p.code)).toEqual(EXPECTED_WARNINGS[file] ?? []);
    // And it survives a trip through render() and parse() unchanged.
    const rendered = render(parse(source), { validate: false });
    expect(render(parse(rendered), { validate: false })).toBe(rendered);
  });
});
