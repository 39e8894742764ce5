import { describe, expect, it } from 'vitest';
import {
  COMMENT,
  Comment,
  Dial,
  ELEMENT,
  FRAGMENT,
  Fragment,
  Gather,
  Hangup,
  isElement,
  Number as DialNumber,
  Pause,
  render,
  Response,
  Say,
  SayAs,
  type TwiMLElement,
  type TwiMLNode,
} from 'twiml-jsx';
import { createElement, jsx, jsxs } from 'twiml-jsx/jsx-runtime';
import { jsxDEV } from 'twiml-jsx/jsx-dev-runtime';

const xml = (node: TwiMLElement) => render(node, { validate: false, declaration: false });

describe('element tree', () => {
  it('is plain data: type, attributes (as strings, in order), children', () => {
    const tree = (
      <Gather input={['dtmf', 'speech']} numDigits={1} bargeIn={false} action="/menu">
        <Say>Press 1</Say>
      </Gather>
    );
    expect(tree.$$typeof).toBe(ELEMENT);
    expect(tree.type).toBe('Gather');
    expect(tree.attributes).toEqual({ input: 'dtmf speech', numDigits: '1', bargeIn: 'false', action: '/menu' });
    expect(Object.keys(tree.attributes)).toEqual(['input', 'numDigits', 'bargeIn', 'action']);
    expect(tree.children).toHaveLength(1);
    expect((tree.children[0] as TwiMLElement).children).toEqual(['Press 1']);
  });

  it('stores XML attribute names for props that are not identifiers', () => {
    expect(<SayAs interpretAs="digits">42</SayAs>).toMatchObject({
      type: 'say-as',
      attributes: { 'interpret-as': 'digits' },
    });
  });

  it('serialises to JSON without the brand, and JSON look-alikes are not elements', () => {
    const tree = <Say voice="man">Hi</Say>;
    const copy: unknown = JSON.parse(JSON.stringify(tree));
    expect(copy).toEqual({ type: 'Say', attributes: { voice: 'man' }, children: ['Hi'] });
    expect(isElement(tree)).toBe(true);
    expect(isElement(copy)).toBe(false);
    expect(isElement({ type: 'Say', attributes: {}, children: [], $$typeof: Symbol('twiml-jsx.element') })).toBe(false);
    expect(() => render(copy as TwiMLElement)).toThrow(/render\(\) expects an element/);
    expect(() => <Response>{copy as never}</Response>).toThrow(/<Response> got an object as a child/);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['true', true],
    ['false', false],
    ['an empty string', ''],
    ['an empty array', []],
  ])('renders nothing for %s', (_, value) => {
    expect(<Response>{value as never}</Response>).toMatchObject({ children: [] });
  });

  it('joins adjacent text pieces, numbers included, into one text', () => {
    const name = 'Ada';
    const count = 3;
    const say = (
      <Say>
        Hello {name}, you have {count} messages{'!'}
      </Say>
    );
    expect(say.children).toEqual(['Hello Ada, you have 3 messages!']);
    expect(<Say>{[1, 2n, 'x']}</Say>).toMatchObject({ children: ['12x'] });
  });

  it('flattens arrays and fragments; key is accepted and never rendered', () => {
    const numbers = ['+15550001', '+15550002'];
    const dial = (
      <Dial>
        {numbers.map((n) => (
          <DialNumber key={n}>{n}</DialNumber>
        ))}
        <>
          <DialNumber>+15550003</DialNumber>
        </>
      </Dial>
    );
    expect(dial.children.map((c) => (c as TwiMLElement).children[0])).toEqual(['+15550001', '+15550002', '+15550003']);
    expect(xml(dial)).toBe(
      '<Dial><Number>+15550001</Number><Number>+15550002</Number><Number>+15550003</Number></Dial>',
    );
  });

  const pause = <Pause />;
  const fragment = (
    <>
      <Hangup />
      tail
    </>
  );
  it.each<[string, unknown[], string[]]>([
    ['elements and text', [pause, 'a', pause], ['Pause', 'a', 'Pause']],
    ['adjacent text', [pause, 'a', 'b'], ['Pause', 'ab']],
    ['adjacent text and numbers', ['a', 1, 2n], ['a12']],
    ['empty text', ['', pause, ''], ['Pause']],
    ['a fragment', ['a', fragment, 'b'], ['a', 'Hangup', 'tailb']],
    ['nested arrays and nothing', [[pause, [null, 'x']], false, undefined, 'y'], ['Pause', 'xy']],
  ])('normalises a children array given to jsxs: %s', (_, children, expected) => {
    const built = jsxs(Say, { children });
    expect(built.children.map((c) => (typeof c === 'string' ? c : c.type))).toEqual(expected);
  });

  it('keeps its own copy of a children array', () => {
    const children: TwiMLNode[] = [<Say>a</Say>, 'b'];
    const gather = jsxs(Gather, { children });
    children.push(<Hangup />);
    children[0] = 'x';
    expect(gather.children).toHaveLength(2);
    expect(gather.children[0]).toMatchObject({ type: 'Say' });
    expect(xml(gather)).toBe('<Gather><Say>a</Say>b</Gather>');
  });

  it('runs function components with their props, at once', () => {
    function Menu({ retries, prompt }: { retries: number; prompt: string }) {
      return (
        <Response>
          <Gather numDigits={1}>
            <Say>{prompt}</Say>
          </Gather>
          {retries < 3 ? <Say>Try again</Say> : <Hangup />}
        </Response>
      );
    }
    const tree = <Menu retries={3} prompt="Press 1" />;
    expect(tree.type).toBe('Response');
    expect(xml(tree)).toBe('<Response><Gather numDigits="1"><Say>Press 1</Say></Gather><Hangup/></Response>');
  });

  it('wraps what a component returns that is not an element into a fragment', () => {
    const Nothing = () => null;
    const Words = () => 'spoken';
    const Many = () => [<Pause key="a" />, <Hangup key="b" />];
    expect(<Nothing />).toMatchObject({ type: FRAGMENT, children: [] });
    expect(<Words />).toMatchObject({ type: FRAGMENT, children: ['spoken'] });
    expect(
      xml(
        <Response>
          <Many />
          <Say>
            <Words />!
          </Say>
        </Response>,
      ),
    ).toBe('<Response><Pause/><Hangup/><Say>spoken!</Say></Response>');
  });

  it('has one implementation behind jsx, jsxs, jsxDEV and createElement', () => {
    expect(jsxs).toBe(jsx);
    expect(jsxDEV).toBe(jsx);
    const a = jsx(Say, { voice: 'man', children: 'Hi' });
    const b = createElement(Say, { voice: 'man' }, 'Hi');
    const c = createElement(Response, null, createElement(Pause, { length: 1 }), 'x');
    expect(a).toEqual(<Say voice="man">Hi</Say>);
    expect(b).toEqual(a);
    expect(xml(c)).toBe('<Response><Pause length="1"/>x</Response>');
    expect(jsx(Fragment, { children: [a, b] })).toMatchObject({ type: FRAGMENT, children: [a, b] });
  });

  it('builds comments', () => {
    expect(<Comment>menu v2</Comment>).toMatchObject({ type: COMMENT, children: ['menu v2'] });
    expect(
      xml(
        <Response>
          <Comment>menu v2</Comment>
          <Hangup />
        </Response>,
      ),
    ).toBe('<Response><!-- menu v2 --><Hangup/></Response>');
  });
});

describe('bad input is refused where it is written', () => {
  it.each([
    [
      'an object attribute',
      () => <Say voice={{} as never}>x</Say>,
      /<Say voice> got an object; attribute values must be/,
    ],
    ['a function attribute', () => <Pause length={(() => 1) as never} />, /<Pause length> got a function/],
    ['null inside a list', () => <Gather input={['dtmf', null] as never} />, /<Gather input> got null at index 1/],
    ['a function child', () => <Say>{(() => 'x') as never}</Say>, /<Say> got a function.* as a child.*did you mean/],
    ['a symbol child', () => <Say>{Symbol('s') as never}</Say>, /<Say> got the symbol Symbol\(s\) as a child/],
    ['a promise child', () => <Say>{Promise.resolve('x') as never}</Say>, /components must be synchronous/],
    ['a string tag', () => jsx('Say', {}), /cannot create <Say>: "Say" is not a component/],
  ])('%s', (_, build, message) => {
    expect(build).toThrow(TypeError);
    expect(build).toThrow(message);
  });
});
