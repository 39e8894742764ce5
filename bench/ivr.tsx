/**
 * The benchmark document, as twiml-jsx users write it: a typical IVR answer (a `<Say>` with
 * attributes and escaped text, a `<Gather>` with nested `<Say>`/`<Play>`/`<Pause>`, a `<Dial>`
 * with `<Number>` and `<Client>`, a `<Redirect>`, and in one variant a `<Hangup/>` after it).
 *
 * The peers (bench/peers/*) build the same tree the same way: the greeting, the menu, the team
 * and the redirect are plain functions called inside the `<Response>`, so the two variants differ
 * in the `<Hangup/>` only (no `{cond && …}` child that a library would have to skip).
 */
import { Client, Dial, Gather, Hangup, Number, Pause, Play, Redirect, render, Response, Say } from 'twiml-jsx';
import type { IvrInput, IvrRenderer } from './ivr-input.js';

const greeting = (company: string) => (
  <Say voice="Polly.Joanna-Neural" language="en-US">
    Thanks for calling {company}. Calls are recorded for "quality" purposes.
  </Say>
);
const menu = () => (
  <Gather
    input={['dtmf', 'speech']}
    numDigits={1}
    action="/menu/choice"
    method="POST"
    timeout={5}
    hints="sales, support"
  >
    <Say voice="Polly.Joanna-Neural">For sales, press 1. For support, press 2.</Say>
    <Play loop={1}>https://example.com/prompts/menu.mp3?v=2&amp;lang=en</Play>
    <Pause length={1} />
  </Gather>
);
const team = () => (
  <Dial timeout={20} callerId="+15555550100">
    <Number sendDigits="ww123">+15555550111</Number>
    <Client>operator</Client>
  </Dial>
);
const redirect = (retries: number) => <Redirect method="POST">/voice?retries={retries + 1}</Redirect>;

/** The flow with an unreachable `<Hangup/>` after `<Redirect>` (twiml-jsx warns: `unreachable`). */
export function IvrFlow({ company, retries }: IvrInput) {
  return (
    <Response>
      {greeting(company)}
      {menu()}
      {team()}
      {redirect(retries)}
      <Hangup />
    </Response>
  );
}

/** The same flow without the `<Hangup/>`: no warning. */
function IvrFlowNoWarning({ company, retries }: IvrInput) {
  return (
    <Response>
      {greeting(company)}
      {menu()}
      {team()}
      {redirect(retries)}
    </Response>
  );
}

/**
 * (a′)/(b′) The flow with every element that does not depend on the call written once, as a
 * module constant: elements are immutable, so a constant is built once (and checked once, the
 * first time a document holding it is rendered); per call only the greeting, the redirect and
 * the `<Response>` holding them are evaluated. With the `<Hangup/>`, as {@link IvrFlow}.
 */
const MENU = menu();
const TEAM = team();
const HANG_UP = <Hangup />;
function IvrFlowConstants({ company, retries }: IvrInput) {
  return (
    <Response>
      {greeting(company)}
      {MENU}
      {TEAM}
      {redirect(retries)}
      {HANG_UP}
    </Response>
  );
}

/** (a) twiml-jsx as users call it: `render()` with its defaults (validated; each distinct warning printed once per process). */
export const validated: IvrRenderer = {
  withWarning: (input) => render(<IvrFlow {...input} />),
  withoutWarning: (input) => render(<IvrFlowNoWarning {...input} />),
};

/** (b) `render(…, { validate: false })`: no TwiML checks (and so no warnings). */
export const unvalidated: IvrRenderer = {
  withWarning: (input) => render(<IvrFlow {...input} />, { validate: false }),
  withoutWarning: (input) => render(<IvrFlowNoWarning {...input} />, { validate: false }),
};

/** (a′)/(b′): the document with a warning, static parts as constants. */
export const withConstants = {
  validated: (input: IvrInput) => render(<IvrFlowConstants {...input} />),
  unvalidated: (input: IvrInput) => render(<IvrFlowConstants {...input} />, { validate: false }),
};
