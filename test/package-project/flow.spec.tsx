/** Package test: Vitest (Vite) compiles JSX through twiml-jsx/jsx-dev-runtime with no other configuration. */
import { expect, it } from 'vitest';
import { Hangup, render, Response, Say } from 'twiml-jsx';

it('renders', () => {
  expect(
    render(
      <Response>
        <Say>Hi</Say>
        <Hangup />
      </Response>,
    ),
  ).toBe('<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hi</Say><Hangup/></Response>');
});
