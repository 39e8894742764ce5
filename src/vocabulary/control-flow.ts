/**
 * What happens after each verb, as Twilio's docs say: the call ends, control moves to a URL, or
 * the next verb runs. One table for the validator (`unreachable`: verbs after one that always
 * leaves the document) and for the simulator (where the call goes next).
 */

/** How control leaves a document at a verb. Verbs not in {@link CONTROL_FLOW} go on to the next verb. */
export interface VerbFlow {
  /**
   * - `call-ends`: the call ends at the verb;
   * - `text-url`: control moves to the URL the verb holds as text (the current document when empty);
   * - `action`: control moves to the verb's `action` URL when the verb is done.
   */
  readonly leaves: 'call-ends' | 'text-url' | 'action';
  /**
   * For `action`: control moves only when `action` is set; without it, the next verb runs. When
   * false, a missing `action` means the current document.
   */
  readonly onlyWithAction?: boolean;
  /**
   * For `action`: when control stays in the document even so (the next verb runs), in words
   * (`nothing is recorded`). Verbs after such a verb are reachable.
   */
  readonly fallsThroughWhen?: string;
  /** A boolean attribute that, set to `true`, makes the move certain despite `fallsThroughWhen`. */
  readonly certainWith?: string;
  /** The doc page that says so. */
  readonly see: string;
}

/** Every verb after which the next verb does not simply run, by tag. */
export const CONTROL_FLOW: Readonly<Record<string, VerbFlow>> = {
  Hangup: { leaves: 'call-ends', see: 'https://www.twilio.com/docs/voice/twiml/hangup' },
  Reject: { leaves: 'call-ends', see: 'https://www.twilio.com/docs/voice/twiml/reject' },
  // Voice and messaging alike.
  Redirect: { leaves: 'text-url', see: 'https://www.twilio.com/docs/voice/twiml/redirect' },
  Gather: {
    leaves: 'action',
    fallsThroughWhen: 'the caller enters nothing',
    certainWith: 'actionOnEmptyResult',
    see: 'https://www.twilio.com/docs/voice/twiml/gather#action',
  },
  Record: {
    leaves: 'action',
    fallsThroughWhen: 'nothing is recorded',
    see: 'https://www.twilio.com/docs/voice/twiml/record#action',
  },
  // The Pay page contradicts itself: its note says every ending requests action, its maxAttempts
  // text says the next verb runs once the attempts are used up. The verb after <Pay> may run.
  Pay: {
    leaves: 'action',
    fallsThroughWhen: 'the caller runs out of attempts',
    see: 'https://www.twilio.com/docs/voice/twiml/pay#maxattempts',
  },
  Dial: { leaves: 'action', onlyWithAction: true, see: 'https://www.twilio.com/docs/voice/twiml/dial#action' },
  Enqueue: { leaves: 'action', onlyWithAction: true, see: 'https://www.twilio.com/docs/voice/twiml/enqueue#action' },
  // The Connect page: without action the next verb runs (the Dialogflow CX page says the current
  // document instead; the Connect page, the noun's own reference, is followed).
  Connect: { leaves: 'action', onlyWithAction: true, see: 'https://www.twilio.com/docs/voice/twiml/connect#action' },
  Refer: { leaves: 'action', onlyWithAction: true, see: 'https://www.twilio.com/docs/voice/twiml/refer#action' },
  Sms: { leaves: 'action', onlyWithAction: true, see: 'https://www.twilio.com/docs/voice/twiml/sms#action' },
  Message: {
    leaves: 'action',
    onlyWithAction: true,
    see: 'https://www.twilio.com/docs/messaging/twiml/message#action',
  },
};

/**
 * Why the verbs after this one never run, or `undefined` when they may: the call ends, or
 * control certainly leaves the document.
 *
 * @example
 * leavesDocument('Dial', { action: '/after' }) // "control moves to <Dial>'s action URL"
 * leavesDocument('Record', {}) // undefined: the next verb runs when nothing is recorded
 */
export function leavesDocument(type: string, attributes: Readonly<Record<string, string>>): string | undefined {
  const flow = CONTROL_FLOW[type];
  if (flow === undefined) return undefined;
  switch (flow.leaves) {
    case 'call-ends':
      return `the call ends at <${type}>`;
    case 'text-url':
      return `control moves to the <${type}> URL`;
    case 'action': {
      if (flow.onlyWithAction && attributes.action === undefined) return undefined;
      if (flow.fallsThroughWhen === undefined) return `control moves to <${type}>'s action URL`;
      if (flow.certainWith !== undefined && attributes[flow.certainWith] === 'true') {
        return `control always moves to <${type}>'s action URL`;
      }
      return undefined;
    }
  }
}
