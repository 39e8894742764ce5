/**
 * What the Requests panel shows of an exchange: the TwiML pretty-printed as render() prints it,
 * each line carrying the path problems use (so the elements they name can be highlighted), and
 * the beginning of anything that is not TwiML.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { render, validate } from 'twiml-jsx';
import { parse } from 'twiml-jsx/xml';
import { BODY_START, displayUrl, documentLines, markProblems, nodeOf, viewOf } from '../../src/dev/request-view.js';

const corpus = fileURLToPath(new URL('../corpus/', import.meta.url));
const documents = readdirSync(corpus)
  .filter((f) => f.endsWith('.xml'))
  .map((f) => [f, readFileSync(corpus + f, 'utf8')] as const);

/** Documents with problems at many depths and sibling positions. */
const invalid = [
  '<Response><Gather><Dial>+15555550111</Dial></Gather></Response>',
  '<Response><Say>one</Say><Say loop="-1">two</Say><Gather numDigits="0"><Say>x</Say><Play digits="12">y</Play></Gather></Response>',
  '<!-- a comment --><Response><Message>hi</Message><Say>mixed</Say></Response>',
  '<Response><Dial><Number>+1</Number><Number url="nope">+15555550111</Number></Dial><Hangup/><Say>after</Say></Response>',
  '<Response><Unknown a="1"><Say>inside</Say></Unknown></Response>',
  '<Response><Say voice="alice"><Prosody rate="fast">hi</Prosody> there</Say><Pause length="0"/></Response>',
];

const request = (body: string, contentType = 'text/xml') => ({
  method: 'POST' as const,
  url: 'https://example.com/voice',
  params: { Digits: '1' },
  status: 200,
  contentType,
  body,
});
const context = { id: 1, conversation: 'call:1', first: true, origin: 'https://example.com' };

describe('the TwiML as lines', () => {
  it.each(documents.map(([name, xml]) => [name, xml]))('%s reads as render() pretty-prints it', (_, xml) => {
    const tree = parse(xml);
    const text = documentLines(tree)
      .map((line) => '  '.repeat(line.depth) + line.text)
      .join('\n');
    expect(text).toBe(render(tree, { pretty: true, declaration: false, validate: false }).trim());
  });

  it.each([...documents.map(([, xml]) => xml), ...invalid])('every problem marks its line in %s', (xml) => {
    const tree = parse(xml);
    const problems = validate(tree);
    const lines = markProblems(documentLines(tree), problems);
    for (const problem of problems.filter((p) => p.path !== '')) {
      // Its element's line, or the line that element is written in.
      const line = lines.find((l) => problem.path === l.path || (problem.path.startsWith(`${l.path} > `) && l.marked));
      expect(line?.marked, problem.path).toBe(true);
    }
    expect(lines.filter((l) => l.marked).length).toBeLessThanOrEqual(2 * problems.length);
  });

  it('SSML inside a <Say> marks the <Say> line', () => {
    const lines = markProblems(documentLines(parse(invalid[5])), validate(parse(invalid[5])));
    expect(lines.filter((l) => l.marked).map((l) => l.text)).toEqual([
      '<Say voice="alice"><Prosody rate="fast">hi</Prosody> there</Say>',
      '<Pause length="0"/>',
    ]);
  });

  it('names lines by element path, siblings numbered', () => {
    const lines = documentLines(parse(invalid[1]));
    expect(lines.map((l) => [l.depth, l.path])).toEqual([
      [0, 'Response'],
      [1, 'Response > Say[1]'],
      [1, 'Response > Say[2]'],
      [1, 'Response > Gather'],
      [2, 'Response > Gather > Say'],
      [2, 'Response > Gather > Play'],
      [1, 'Response > Gather'],
      [0, 'Response'],
    ]);
  });
});

describe('a request as the page shows it', () => {
  it('invalid TwiML: its problems by code and path, and the lines they name', () => {
    const view = viewOf(request(invalid[0]), context);
    expect(view.problems.map((p) => [p.code, p.path])).toEqual([['invalid-child', 'Response > Gather > Dial']]);
    expect(view.document?.filter((l) => l.marked)).toEqual([
      { depth: 2, text: '<Dial>+15555550111</Dial>', path: 'Response > Gather > Dial', marked: true },
    ]);
    expect(view).toMatchObject({ display: '/voice', node: 'POST /voice', first: true, conversation: 'call:1' });
  });

  it('the problems the simulator reports win over its own check', () => {
    const problem = { severity: 'warning' as const, code: 'unreachable', message: 'm', path: 'Response' };
    expect(viewOf({ ...request('<Response/>'), problems: [problem] }, context).problems).toEqual([problem]);
  });

  it.each([
    ['a 500 page', request('<h1>Internal Server Error</h1> <p>stack…', 'text/html')],
    ['JSON', request('{"error":"nope"}', 'application/json')],
    ['malformed XML', request('<Response><Say>unclosed</Response>')],
    ['plain text', request('Thanks!', 'text/plain')],
  ])('%s: shown by its beginning, never blank', (_, exchange) => {
    const view = viewOf({ ...exchange, status: 500, error: 'answered 500' }, context);
    expect(view.bodyStart).toBe(exchange.body);
    expect(view.error).toBe('answered 500');
  });

  it('a long body: its first characters and how many more', () => {
    const body = 'x'.repeat(BODY_START + 123);
    const view = viewOf(request(body, 'text/plain'), context);
    expect(view.bodyStart).toHaveLength(BODY_START);
    expect(view.bodyMore).toBe(123);
  });

  it('no answer at all (a timeout): an empty body, status 0', () => {
    const view = viewOf({ ...request('', ''), status: 0, error: 'timed out after 15000 ms' }, context);
    expect(view).toMatchObject({ status: 0, bodyStart: '', error: 'timed out after 15000 ms', problems: [] });
  });

  it('URLs: the path alone on the app’s own origin; nodes by method and path without the query', () => {
    expect(displayUrl('https://example.com/voice?retries=1', 'https://example.com')).toBe('/voice?retries=1');
    expect(displayUrl('https://other.example/x', 'https://example.com')).toBe('https://other.example/x');
    expect(nodeOf('POST', 'https://example.com/voice?retries=1', 'https://example.com')).toBe('POST /voice');
    expect(nodeOf('GET', 'https://other.example/hold', 'https://example.com')).toBe('GET https://other.example/hold');
    expect(viewOf({ ...request('<Response/>'), label: 'waitUrl' }, context).label).toBe('waitUrl');
  });
});
