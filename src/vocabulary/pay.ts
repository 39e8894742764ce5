/** `<Pay>`: collect a card or bank account over the phone (PCI-compliant), and its `<Prompt>`s. */
import { PAY_DOCUMENTED_LANGUAGES, PAY_HELPER_ONLY_LANGUAGES } from './languages.js';
import { PROMPT_VERBS } from './shared.js';
import {
  boolean,
  element,
  integer,
  integerList,
  listOf,
  method,
  number,
  oneOf,
  openOneOf,
  string,
  typed,
  url,
} from './spec.js';

const CARD_TYPES = [
  'visa',
  'mastercard',
  'amex',
  'maestro',
  'discover',
  'optima',
  'jcb',
  'diners-club',
  'enroute',
] as const;

/** @see https://www.twilio.com/docs/voice/twiml/pay */
export const Pay = element({
  tag: 'Pay',
  children: ['Prompt', 'Parameter'],
  attributes: {
    /**
     * What to collect the payment details with; only `dtmf` (keypad).
     * @default dtmf
     */
    input: oneOf(['dtmf']),
    /**
     * HTTPS URL Twilio POSTs the result to (`Result`, `PaymentToken`…); its TwiML continues the
     * call. `''` is the same as leaving it out, as Twilio's Pay tutorials write it in a TwiML Bin.
     * @default the current document's URL
     * @see https://www.twilio.com/docs/voice/twiml/pay/generic-pay-connector
     */
    action: url({ schemes: ['https'], empty: 'default' }),
    /** URL that receives progress events while the caller enters details. */
    statusCallback: url(),
    /**
     * HTTP method for `statusCallback` (not in the Pay docs, which say Twilio POSTs; the official
     * helper has it).
     * @default POST
     */
    statusCallbackMethod: method(),
    /**
     * What the caller pays with.
     * @default credit-card
     */
    paymentMethod: oneOf(['credit-card', 'ach-debit']),
    /**
     * Kind of bank account, for `ach-debit` (the helper's types also offer `commercial-savings`,
     * which Twilio's docs do not list: warned).
     * @default consumer-checking
     */
    bankAccountType: oneOf(['consumer-checking', 'consumer-savings', 'commercial-checking'], {
      helperValues: ['commercial-savings'],
    }),
    /**
     * Seconds to wait for the caller to start entering each detail.
     * @default 5
     */
    timeout: integer(1),
    /**
     * Attempts the caller gets at each detail (1–3).
     * @default 1
     */
    maxAttempts: integer(1, 3),
    /**
     * Ask for the card's security code.
     * @default true
     */
    securityCode: boolean(),
    /**
     * Ask for the postal code (`true`/`false`), or a postal code already known, to send as is.
     * @default true
     */
    postalCode: typed<boolean | string>(string()),
    /** Fewest characters accepted as a postal code. */
    minPostalCodeLength: integer(1),
    /**
     * Name of the Pay Connector that processes the payment.
     * @default Default
     */
    paymentConnector: string(),
    /**
     * Kind of token to create: `one-time`, `reusable`, or `payment-method` (Stripe).
     * @default reusable
     */
    tokenType: oneOf(['one-time', 'reusable', 'payment-method']),
    /** Amount to charge (0 to 1,000,000); leave out (or `0`) to only tokenize the card. */
    chargeAmount: typed<number | string>(number(0, 1000000)),
    /**
     * Currency of `chargeAmount`, as the connector expects it.
     * @default usd
     */
    currency: string(),
    /** Description of the payment, passed to the connector. */
    description: string(),
    /**
     * Language of the built-in prompts, as a language tag (the helper's types also offer
     * `en-IE`, `en-NZ`, `en-PH`, `en-ZA` and `es-US`, which Twilio's docs do not list: warned).
     * @default en-US
     */
    language: openOneOf(PAY_DOCUMENTED_LANGUAGES, { format: 'language', helperValues: PAY_HELPER_ONLY_LANGUAGES }),
    /**
     * Card brands accepted.
     * @default visa mastercard amex
     */
    validCardTypes: listOf(CARD_TYPES),
  },
});

/** @see https://www.twilio.com/docs/voice/twiml/pay/prompt */
export const Prompt = element({
  tag: 'Prompt',
  children: PROMPT_VERBS,
  attributes: {
    /** The step of `<Pay>` this prompt replaces Twilio's built-in prompt for. */
    for: oneOf(
      [
        'payment-card-number',
        'expiration-date',
        'security-code',
        'postal-code',
        'payment-processing',
        'bank-account-number',
        'bank-routing-number',
      ],
      { required: true },
    ),
    /**
     * Play this prompt only after these errors (the helper's types also offer `internal-error`,
     * which Twilio's docs do not list: warned).
     */
    errorType: listOf(
      [
        'timeout',
        'invalid-card-number',
        'invalid-card-type',
        'invalid-date',
        'invalid-security-code',
        'invalid-postal-code',
        'invalid-bank-routing-number',
        'invalid-bank-account-number',
        'input-matching-failed',
      ],
      { helperValues: ['internal-error'] },
    ),
    /** Play this prompt only for these card brands. */
    cardType: listOf(CARD_TYPES),
    /** Play this prompt only on these attempts, 1 to 10 (1 is the first). */
    attempt: integerList(1, 10),
    /** Ask the caller to enter the detail twice and require both entries to match. */
    requireMatchingInputs: boolean(),
  },
});
