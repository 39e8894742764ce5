/**
 * Twilio SIDs: a two-letter prefix naming the kind of resource, then 32 hex digits. One table of
 * prefixes for the validator (`format: 'sid:call'` in the vocabulary) and the REST client.
 */

/**
 * The prefixes of each kind of SID this library checks.
 * @see https://www.twilio.com/docs/glossary/what-is-a-sid
 */
export const SID_PREFIXES = {
  account: ['AC'],
  apiKey: ['SK'],
  call: ['CA'],
  message: ['SM', 'MM'],
  application: ['AP'],
  messagingService: ['MG'],
  content: ['HX'],
  byoc: ['BY'],
  conversationsService: ['IS'],
  taskRouterWorkflow: ['WW'],
  taskRouterReservation: ['WR'],
  taskRouterActivity: ['WA'],
} as const;

/** A kind of SID: `call`, `message`, … (see {@link SID_PREFIXES}). */
export type SidKind = keyof typeof SID_PREFIXES;

const patterns = new Map<SidKind, RegExp>();

/**
 * The pattern of a SID of `kind`: one of its prefixes, then 32 hex digits.
 * @example sidPattern('call').test('CA' + '0'.repeat(32)) // true
 */
export function sidPattern(kind: SidKind): RegExp {
  let pattern = patterns.get(kind);
  if (pattern === undefined) {
    pattern = new RegExp(`^(?:${SID_PREFIXES[kind].join('|')})[0-9a-fA-F]{32}$`);
    patterns.set(kind, pattern);
  }
  return pattern;
}

/** True when `value` is a SID of `kind`. */
export function isSid(kind: SidKind, value: string): boolean {
  return sidPattern(kind).test(value);
}

/**
 * How a SID of `kind` starts, for messages: `"CA"`, `"SM" or "MM"`; `quoted: false` gives `CA`,
 * `SM or MM`.
 */
export function sidPrefixesText(kind: SidKind, quoted = true): string {
  const prefixes = SID_PREFIXES[kind].map((p) => (quoted ? `"${p}"` : p));
  return prefixes.length === 1 ? prefixes[0] : `${prefixes.slice(0, -1).join(', ')} or ${prefixes.at(-1)}`;
}
