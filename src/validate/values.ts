/**
 * Checks of attribute values and text content against their spec. Each check returns
 * nothing when the value is fine, or the problem to report (without its path).
 */
import { DECIMAL, FORMAT_TESTS, VOICE_PROVIDERS } from '../vocabulary/accept.js';
import { type SidKind, isSid, sidPrefixesText } from '../vocabulary/sids.js';
import type { AttributeSpec, EmptyUrl, StringFormat, TextSpec } from '../vocabulary/spec.js';
import { didYouMean, listForMessage } from '../runtime/suggest.js';

export interface ValueProblem {
  readonly code: string;
  readonly message: string;
  readonly severity?: 'error' | 'warning';
  readonly twilioCode?: number;
}

const INTEGER = /^-?\d+$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

/** How each string format is said in a message. */
const EXPECTED: Readonly<Record<keyof typeof FORMAT_TESTS, string>> = {
  voice: 'man, woman, or a provider voice such as Polly.Joanna or Google.en-US-Neural2-F',
  phone: 'a phone number, preferably in E.164 form (+14155550100)',
  sip: 'a SIP URI (sip:alice@example.com)',
  dtmf: 'DTMF characters 0-9, A-D, #, * and w/W pauses',
  'gather-key': "one key of 0-9, # or *, or '' for none",
  'record-keys': 'a set of the keys 0-9, # and *',
  language: 'a language tag such as en-US',
  json: 'a JSON object',
};

function checkFormat(format: StringFormat, value: string): string | undefined {
  if (format.startsWith('sid:')) {
    const kind = format.slice(4) as SidKind;
    const prefix = sidPrefixesText(kind, false);
    return isSid(kind, value) ? undefined : `a ${prefix} SID (${prefix} followed by 32 hex digits)`;
  }
  const test = FORMAT_TESTS[format as keyof typeof FORMAT_TESTS];
  return test === undefined || test(value) ? undefined : EXPECTED[format as keyof typeof EXPECTED];
}

/**
 * Checks a URL: relative, or absolute with an allowed scheme and a host without underscores.
 * An empty string passes only where it means "not set" or "silence" (`empty`); one that means
 * "the current document" is a relative URL, refused when `absolute`.
 */
export function checkUrl(
  value: string,
  options: { schemes?: readonly string[]; absolute?: boolean; empty?: EmptyUrl },
): string | undefined {
  const schemes = options.schemes ?? ['http', 'https'];
  const expected = `${options.absolute ? 'an absolute' : 'a relative or absolute'} ${schemes.join('/')} URL`;
  if (value === '') {
    const meaningful = options.empty === 'default' || options.empty === 'silence';
    return meaningful || (options.empty === 'current-document' && !options.absolute)
      ? undefined
      : `${expected}, not an empty string`;
  }
  if (/[\s\0-\x1F\x7F]/.test(value)) return `${expected} without spaces or control characters (percent-encode them)`;
  if (!SCHEME.test(value)) return options.absolute ? `${expected}, not a relative one` : undefined;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return expected;
  }
  const scheme = parsed.protocol.slice(0, -1);
  if (!schemes.includes(scheme)) return `${expected}, not ${scheme}:`;
  if (parsed.hostname === '') return `${expected} with a host name`;
  if (parsed.hostname.includes('_')) return `${expected} whose host name has no underscore (Twilio rejects them)`;
  return undefined;
}

function show(name: string, value: string): string {
  return `${name}=${JSON.stringify(value)}`;
}

/**
 * The warning for an empty URL that resolves to the current document (`<Dial action="">`,
 * `<Redirect/>`): valid, but Twilio requests this same document again. `name` is the attribute,
 * or `undefined` for the element's text.
 * @see https://www.twilio.com/docs/voice/twiml/conference
 */
export function emptyUrlProblem(tag: string, name?: string): ValueProblem {
  return name === undefined
    ? {
        code: 'empty-url',
        message: `<${tag}> has no URL: Twilio requests this same document again and runs it from the start, a loop (as meant when re-prompting or repeating hold music; writing the URL makes it explicit)`,
      }
    : {
        code: 'empty-url',
        message: `<${tag}> ${name}="" is this same document: Twilio requests it again when <${tag}> ends instead of going on with the next verb; leave ${name} out to go on`,
      };
}

/** The warning for a value or item the official helper's types offer but Twilio's docs do not list. */
function helperValueProblem(at: string, documented: readonly string[], item?: string): ValueProblem {
  return {
    code: 'helper-spelling',
    message: `${at}${item === undefined ? '' : `: ${JSON.stringify(item)}`} is in the official helper's types but not in Twilio's docs; documented: ${listForMessage(documented)}`,
  };
}

/** Checks one attribute value. `label` is `<Gather> input` style, for messages. */
export function checkAttributeValue(
  spec: AttributeSpec,
  value: string,
  tag: string,
  name: string,
): ValueProblem | undefined {
  const at = `<${tag}> ${show(name, value)}`;
  switch (spec.kind) {
    case 'boolean':
      return value === 'true' || value === 'false'
        ? undefined
        : { code: 'invalid-value', message: `${at} is not a boolean; allowed: true, false` };
    case 'integer':
    case 'number': {
      const pattern = spec.kind === 'integer' ? INTEGER : DECIMAL;
      if (!pattern.test(value)) {
        return {
          code: 'invalid-number',
          message: `${at} is not ${spec.kind === 'integer' ? 'a whole number' : 'a number'}`,
        };
      }
      return checkRange(spec, Number(value), at);
    }
    case 'enum': {
      const values = spec.values ?? [];
      if (values.includes(value) || spec.pattern?.test(value)) return undefined;
      if (spec.helperValues?.includes(value)) return helperValueProblem(at, values);
      const expected = spec.format === undefined ? undefined : checkFormat(spec.format, value);
      if (expected !== undefined) {
        return { code: 'invalid-value', message: `${at} is not ${expected}${didYouMean(value, values)}` };
      }
      // Lists Twilio keeps extending are also spelled in other cases in its docs (`amazon`, `Amazon`).
      if (spec.open && values.some((v) => v.toLowerCase() === value.toLowerCase())) return undefined;
      const hint = didYouMean(value, values);
      if (spec.open) {
        return {
          code: 'unknown-value',
          severity: 'warning',
          message: `${at} is not a value Twilio lists (known: ${listForMessage(values)})${hint}`,
        };
      }
      const patternNote = spec.expected ? ` or ${spec.expected}` : '';
      return {
        code: 'invalid-value',
        message: `${at} is not allowed; allowed: ${listForMessage(values)}${patternNote}${hint}`,
      };
    }
    case 'list': {
      if (value === '') return { code: 'invalid-value', message: `${at} is an empty list` };
      let helperItem: string | undefined;
      for (const item of value.split(' ')) {
        if (spec.items === 'integer') {
          if (!INTEGER.test(item))
            return { code: 'invalid-number', message: `${at}: ${JSON.stringify(item)} is not a whole number` };
          const range = checkRange(spec, Number(item), at);
          if (range) return range;
        } else if (spec.helperValues?.includes(item)) {
          helperItem ??= item;
        } else if (!(spec.values ?? []).includes(item)) {
          return {
            code: 'invalid-value',
            message: `${at}: ${JSON.stringify(item)} is not allowed; allowed: ${listForMessage(spec.values ?? [])} (space-separated)${didYouMean(item, spec.values ?? [])}`,
          };
        }
      }
      return helperItem === undefined ? undefined : helperValueProblem(at, spec.values ?? [], helperItem);
    }
    case 'url': {
      if (value === '' && spec.empty === 'current-document') return emptyUrlProblem(tag, name);
      const problem = checkUrl(value, spec);
      return problem ? { code: 'invalid-url', message: `${at} is not ${problem}` } : undefined;
    }
    case 'string': {
      if (spec.maxLength !== undefined && value.length > spec.maxLength) {
        return { code: 'too-long', message: `${at} is ${value.length} characters long; at most ${spec.maxLength}` };
      }
      if (spec.pattern && !spec.pattern.test(value)) {
        return {
          code: 'invalid-value',
          message: `${at} is not valid; expected ${spec.expected ?? `a value matching ${String(spec.pattern)}`}`,
        };
      }
      if (spec.format) {
        const expected = checkFormat(spec.format, value);
        if (expected) return { code: 'invalid-value', message: `${at} is not valid; expected ${expected}` };
        if (spec.format === 'voice' && !VOICE_PROVIDERS.test(value)) {
          return {
            code: 'unknown-value',
            severity: 'warning',
            message: `${at} is not from a voice provider Twilio lists (man, woman, Polly.*, Google.*, ElevenLabs.*)`,
          };
        }
      }
      return undefined;
    }
  }
}

function checkRange(spec: AttributeSpec, n: number, at: string): ValueProblem | undefined {
  const { min, max } = spec;
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    const range =
      min !== undefined && max !== undefined
        ? `from ${min} to ${max}`
        : min !== undefined
          ? `at least ${min}`
          : `at most ${max}`;
    return { code: 'out-of-range', message: `${at} is out of range; allowed: ${range}` };
  }
  return undefined;
}

/** Checks the text of an element against its text spec (presence is checked elsewhere). */
export function checkTextValue(text: TextSpec, value: string, tag: string): ValueProblem | undefined {
  const trimmed = value.trim();
  if (text.maxLength !== undefined && trimmed.length > text.maxLength) {
    return {
      code: 'too-long',
      message: `the text of <${tag}> is ${trimmed.length} characters long; at most ${text.maxLength}`,
    };
  }
  if (text.is === 'url') {
    const problem = checkUrl(trimmed, { schemes: text.schemes });
    return problem
      ? { code: 'invalid-text', message: `the text of <${tag}> (${JSON.stringify(value)}) is not ${problem}` }
      : undefined;
  }
  if (text.format) {
    const expected = checkFormat(text.format, trimmed);
    if (expected)
      return { code: 'invalid-text', message: `the text of <${tag}> (${JSON.stringify(value)}) is not ${expected}` };
  }
  return undefined;
}
