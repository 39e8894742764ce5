/** How Twilio requests your URLs: the `method` attributes of TwiML and the REST parameters. */

/**
 * The HTTP methods Twilio uses for webhooks.
 * @see https://www.twilio.com/docs/usage/webhooks/webhooks-overview
 */
export const HTTP_METHODS = ['GET', 'POST'] as const;

/** `GET` or `POST`: how Twilio requests one of your URLs. */
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * The method Twilio uses for a `method` attribute or parameter as written: `GET` when it says
 * so (in any case), otherwise `POST`, Twilio's default.
 *
 * @example
 * methodOf('get') // 'GET'
 * methodOf(undefined) // 'POST'
 */
export function methodOf(value: string | undefined): HttpMethod {
  return value !== undefined && value.toUpperCase() === 'GET' ? 'GET' : 'POST';
}
