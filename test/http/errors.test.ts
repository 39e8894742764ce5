/** The error classes of twiml-jsx/http set `name` one way: a class field, kept by subclasses and minifiers. */
import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, TooManyParamsError } from 'twiml-jsx/http';

describe.each([
  ['BodyTooLargeError', () => new BodyTooLargeError(10)],
  ['TooManyParamsError', () => new TooManyParamsError(10)],
] as const)('%s', (name, make) => {
  it('is named as its class, in String(error) and the stack too, and is a 413', () => {
    const error = make();
    expect(error).toMatchObject({ status: 413, statusCode: 413, limit: 10 });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(name);
    expect(String(error)).toMatch(new RegExp(`^${name}: twiml-jsx/http: `));
    expect(error.stack).toMatch(new RegExp(`^${name}: `));
  });

  it('a subclass without a constructor keeps the name (it is a field, not a constructor statement)', () => {
    const Sub = class extends (make().constructor as new (...args: unknown[]) => Error) {};
    expect(new Sub(10).name).toBe(name);
  });
});
