/**
 * SSML inside `<Say>`. Components are named by the PascalCase of the tag (`SayAs` renders
 * `<say-as>`); attribute names that are not JS identifiers take camelCase props
 * (`interpretAs` → `interpret-as`, `xmlLang` → `xml:lang`). Basic voices (`man`, `woman`)
 * ignore SSML; Polly and Google voices support it.
 */
import { SSML_LANGUAGES } from './languages.js';
import { element, oneOf, openOneOf, string, typed } from './spec.js';

/** What `<emphasis>`, `<s>` and `<phoneme>`-free spans may hold. */
const INLINE = ['break', 'emphasis', 'lang', 'phoneme', 'prosody', 'say-as', 'sub', 'w'] as const;

/**
 * Silence between words.
 * @see https://www.twilio.com/docs/voice/twiml/say/text-speech
 */
export const Break = element({
  tag: 'break',
  component: 'Break',
  attributes: {
    /** Length of the pause, by name. */
    strength: oneOf(['none', 'x-weak', 'weak', 'medium', 'strong', 'x-strong']),
    /** Length of the pause in seconds or milliseconds, e.g. `2s` or `500ms` (at most 10 seconds). */
    time: typed<`${number}s` | `${number}ms`>(string({ pattern: /^\d+(\.\d+)?m?s$/, expected: '2s or 500ms' })),
  },
});

/**
 * Speaks the words louder and slower, or softer and faster.
 * @see https://www.twilio.com/docs/voice/twiml/say/text-speech
 */
export const Emphasis = element({
  tag: 'emphasis',
  component: 'Emphasis',
  text: { is: 'words' },
  children: INLINE,
  attributes: {
    /**
     * How much to stress the words.
     * @default moderate
     */
    level: oneOf(['strong', 'moderate', 'reduced']),
  },
});

/**
 * Speaks the words in another language.
 * @see https://www.twilio.com/docs/voice/twiml/say/text-speech
 */
export const Lang = element({
  tag: 'lang',
  component: 'Lang',
  text: { is: 'words' },
  children: ['break', 'emphasis', 'lang', 'p', 'phoneme', 'prosody', 's', 'say-as', 'sub', 'w'],
  attributes: {
    /** Language of the span (rendered as `xml:lang`). */
    xmlLang: openOneOf(SSML_LANGUAGES, { xml: 'xml:lang', required: true, format: 'language' }),
  },
});

/**
 * A paragraph: a longer pause before and after.
 * @see https://www.twilio.com/docs/voice/twiml/say/text-speech
 */
export const P = element({
  tag: 'p',
  component: 'P',
  text: { is: 'words' },
  children: ['break', 'emphasis', 'lang', 'phoneme', 'prosody', 's', 'say-as', 'sub', 'w'],
  attributes: {},
});

/**
 * Pronounces the words with the given phonetic spelling.
 * @see https://www.twilio.com/docs/voice/twiml/say/text-speech
 */
export const Phoneme = element({
  tag: 'phoneme',
  component: 'Phoneme',
  text: { is: 'words', required: true },
  attributes: {
    /**
     * Phonetic alphabet of `ph`.
     * @default ipa
     */
    alphabet: oneOf([
      'ipa',
      'x-sampa',
      'x-amazon-jyutping',
      'x-amazon-pinyin',
      'x-amazon-pron-kana',
      'x-amazon-yomigana',
    ]),
    /** The phonetic spelling to pronounce. */
    ph: string({ required: true }),
  },
});

/**
 * Changes pitch, speed and volume.
 * @see https://www.twilio.com/docs/voice/twiml/say/text-speech
 */
export const Prosody = element({
  tag: 'prosody',
  component: 'Prosody',
  text: { is: 'words' },
  children: ['break', 'emphasis', 'lang', 'p', 'phoneme', 'prosody', 's', 'say-as', 'sub', 'w'],
  attributes: {
    /** Pitch: `x-low`…`x-high`, `default`, or a relative change such as `+10%` or `-5%`. */
    pitch: typed<'default' | 'x-low' | 'low' | 'medium' | 'high' | 'x-high' | `${'+' | '-'}${number}%`>(
      oneOf(['default', 'x-low', 'low', 'medium', 'high', 'x-high'], {
        pattern: /^[+-]\d+(\.\d+)?%$/,
        expected: '+10% or -5%',
      }),
    ),
    /** Speed: `x-slow`…`x-fast`, or a percentage of normal speed such as `80%` (20%–200%). */
    rate: typed<'x-slow' | 'slow' | 'medium' | 'fast' | 'x-fast' | `${number}%`>(
      oneOf(['x-slow', 'slow', 'medium', 'fast', 'x-fast'], { pattern: /^\d+(\.\d+)?%$/, expected: '80%' }),
    ),
    /** Volume: `silent`, `x-soft`…`x-loud`, `default`, or a change in decibels such as `+6dB`. */
    volume: typed<'default' | 'silent' | 'x-soft' | 'soft' | 'medium' | 'loud' | 'x-loud' | `${'+' | '-'}${number}dB`>(
      oneOf(['default', 'silent', 'x-soft', 'soft', 'medium', 'loud', 'x-loud'], {
        pattern: /^[+-]\d+(\.\d+)?dB$/,
        expected: '+6dB or -3dB',
      }),
    ),
  },
});

/**
 * A sentence: a pause before and after.
 * @see https://www.twilio.com/docs/voice/twiml/say/text-speech
 */
export const S = element({
  tag: 's',
  component: 'S',
  text: { is: 'words' },
  children: INLINE,
  attributes: {},
});

/**
 * Says the words as a kind of value: digits, a date, a telephone number…
 * @see https://www.twilio.com/docs/voice/twiml/say/text-speech
 */
export const SayAs = element({
  tag: 'say-as',
  component: 'SayAs',
  text: { is: 'words', required: true },
  attributes: {
    /** How to read the words (rendered as `interpret-as`). */
    interpretAs: oneOf(
      [
        'characters',
        'spell-out',
        'cardinal',
        'number',
        'ordinal',
        'digits',
        'fraction',
        'unit',
        'date',
        'time',
        'address',
        'expletive',
        'telephone',
      ],
      { xml: 'interpret-as', required: true },
    ),
    /** Order of day, month and year when `interpretAs` is `date`. */
    format: oneOf(['mdy', 'dmy', 'ymd', 'md', 'dm', 'ym', 'my', 'd', 'm', 'y', 'yyyymmdd']),
  },
});

/**
 * Says `alias` instead of the words (e.g. an abbreviation spelled out).
 * @see https://www.twilio.com/docs/voice/twiml/say/text-speech
 */
export const Sub = element({
  tag: 'sub',
  component: 'Sub',
  text: { is: 'words', required: true },
  attributes: {
    /** What to say in place of the words. */
    alias: string({ required: true }),
  },
});

/**
 * A word with a part of speech, to pick its pronunciation.
 * @see https://www.twilio.com/docs/voice/twiml/say/text-speech
 */
export const W = element({
  tag: 'w',
  component: 'W',
  text: { is: 'words' },
  children: ['break', 'emphasis', 'phoneme', 'prosody', 'say-as', 'sub'],
  attributes: {
    /** Part of speech or sense: `amazon:VB` (verb), `amazon:VBD` (past tense), `amazon:NN` (noun), `amazon:SENSE_1`… */
    role: openOneOf(['amazon:VB', 'amazon:VBD', 'amazon:DT', 'amazon:IN', 'amazon:JJ', 'amazon:NN', 'amazon:SENSE_1']),
  },
});
