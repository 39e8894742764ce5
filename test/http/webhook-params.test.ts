/** The webhook parameter types (src/http/webhook-params.ts). */
import { describe, expectTypeOf, it } from 'vitest';
import {
  type CallWebhookStatus,
  type DialCallback,
  type DialCallStatus,
  type EnqueueCallback,
  type FormParams,
  type GatherCallback,
  type MessagingWebhook,
  type PayCallback,
  readForm,
  readWebhook,
  type RecordCallback,
  type VoiceWebhook,
} from 'twiml-jsx/http';

describe('types', () => {
  it('name the parameters of each webhook, with literal unions where Twilio has fixed values', () => {
    expectTypeOf<VoiceWebhook['CallStatus']>().toEqualTypeOf<CallWebhookStatus>();
    expectTypeOf<VoiceWebhook['SipHeader_X-Custom']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<GatherCallback>().toMatchTypeOf<VoiceWebhook>();
    expectTypeOf<GatherCallback['SpeechResult']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<DialCallback['DialCallStatus']>().toEqualTypeOf<DialCallStatus>();
    expectTypeOf<DialCallback['DialBridged']>().toEqualTypeOf<'true' | 'false' | undefined>();
    expectTypeOf<RecordCallback['RecordingUrl']>().toEqualTypeOf<string>();
    expectTypeOf<EnqueueCallback['QueueResult']>().toExtend<'bridged' | 'leave' | 'queue-full' | string>();
    expectTypeOf<PayCallback['Result']>().toExtend<string>();
    expectTypeOf<MessagingWebhook['MediaUrl0']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<MessagingWebhook['Body']>().toEqualTypeOf<string>();
    expectTypeOf(readForm).returns.resolves.toEqualTypeOf<FormParams>();
    expectTypeOf(readWebhook<GatherCallback>).returns.resolves.toEqualTypeOf<GatherCallback>();
    // @ts-expect-error: a misspelt parameter is not a field
    void ({} as GatherCallback).Digts;
  });
});
