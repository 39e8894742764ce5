/** `<Pay>`: collect a card or bank account over the phone (PCI-compliant), and its `<Prompt>`s. */
import { PAY_LANGUAGES } from './languages.js';
import { PROMPT_VERBS } from './shared.js';
import { boolean, element, integer, integerList, listOf, method, oneOf, string, typed, url } from './spec.js';

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
     * HTTPS URL Twilio POSTs the result to (`Result`, `PaymentToken`…); its TwiML continues the call.
     * @default the current document's URL
     */
    action: url({ schemes: ['https'] }),
    /** URL that receives progress events while the caller enters details. */
    statusCallback: url(),
    /**
     * HTTP method for `statusCallback`.
     * @default POST
     */
    statusCallbackMethod: method(),
    /**
     * What the caller pays with.
     * @default credit-card
     */
    paymentMethod: oneOf(['credit-card', 'ach-debit']),
    /**
     * Kind of bank account, for `ach-debit`.
     * @default consumer-checking
     */
    bankAccountType: oneOf(['consumer-checking', 'consumer-savings', 'commercial-checking', 'commercial-savings']),
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
    chargeAmount: typed<number | string>(
      string({ pattern: /^\d+(\.\d+)?$/, expected: 'a decimal amount such as 10.50' }),
    ),
    /**
     * Currency of `chargeAmount`, as the connector expects it.
     * @default usd
     */
    currency: string(),
    /** Description of the payment, passed to the connector. */
    description: string(),
    /**
     * Language of the built-in prompts.
     * @default en-US
     */
    language: oneOf(PAY_LANGUAGES),
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
    for: oneOf([
      'payment-card-number',
      'expiration-date',
      'security-code',
      'postal-code',
      'payment-processing',
      'bank-account-number',
      'bank-routing-number',
    ]),
    /** Play this prompt only after these errors. */
    errorType: listOf([
      'timeout',
      'invalid-card-number',
      'invalid-card-type',
      'invalid-date',
      'invalid-security-code',
      'invalid-postal-code',
      'invalid-bank-routing-number',
      'invalid-bank-account-number',
      'internal-error',
      'input-matching-failed',
    ]),
    /** Play this prompt only for these card brands. */
    cardType: listOf(CARD_TYPES),
    /** Play this prompt only on these attempts (1 is the first). */
    attempt: integerList(1),
    /** Ask the caller to enter the detail twice and require both entries to match. */
    requireMatchingInputs: boolean(),
  },
});
