/**
 * What follows a verb in a simulation, read from the core's control-flow table
 * (`CONTROL_FLOW`, the table the validator's `unreachable` rule reads): the next verb, the end of
 * the call, or a request to a URL. Both simulators decide with {@link nextStep}, so a simulated
 * flow goes where the validator says it can.
 */
import { CONTROL_FLOW, methodOf, ownText, type HttpMethod, type TwiMLElement } from '../core.js';

/** Where control goes after a verb. */
export type NextStep =
  /** The next verb of the document runs (or the call ends when there is none). */
  | { readonly kind: 'next' }
  /** The call ends at the verb (`<Hangup>`, `<Reject>`). */
  | { readonly kind: 'end' }
  /**
   * Twilio requests `url` and runs what it answers: a `<Redirect>`'s URL (`label: 'redirect'`) or
   * the verb's `action` (`label: 'action'`). `url` is as written: relative, or `''` for the current
   * document (a `<Redirect>` without text, a `<Gather>` or `<Record>` without `action`).
   */
  | {
      readonly kind: 'request';
      readonly method: HttpMethod;
      readonly url: string;
      readonly label: 'redirect' | 'action';
    };

const NEXT: NextStep = { kind: 'next' };
const END: NextStep = { kind: 'end' };

/**
 * Where control goes once `verb` is done, by its row in `CONTROL_FLOW`; verbs without a row go on
 * to the next verb.
 *
 * @param fellThrough the row's `fallsThroughWhen` happened (the caller entered nothing, nothing
 * was recorded, the caller ran out of payment attempts): the next verb runs, unless the row's
 * `certainWith` attribute is `true` (`<Gather actionOnEmptyResult>`).
 * @see https://www.twilio.com/docs/voice/twiml
 * @example
 * nextStep(<Dial>+15555550111</Dial>) // { kind: 'next' }: Dial without action falls through
 * nextStep(<Record action="/saved" />, true) // { kind: 'next' }: nothing was recorded
 * nextStep(<Redirect method="GET">/menu</Redirect>) // { kind: 'request', method: 'GET', url: '/menu', label: 'redirect' }
 */
export function nextStep(verb: TwiMLElement, fellThrough = false): NextStep {
  const flow = CONTROL_FLOW[verb.type];
  if (flow === undefined) return NEXT;
  const a = verb.attributes;
  switch (flow.leaves) {
    case 'call-ends':
      return END;
    case 'text-url':
      return { kind: 'request', method: methodOf(a.method), url: ownText(verb).trim(), label: 'redirect' };
    case 'action': {
      if (flow.onlyWithAction && a.action === undefined) return NEXT;
      const certain = flow.certainWith !== undefined && a[flow.certainWith] === 'true';
      if (fellThrough && flow.fallsThroughWhen !== undefined && !certain) return NEXT;
      return { kind: 'request', method: methodOf(a.method), url: a.action ?? '', label: 'action' };
    }
  }
}
