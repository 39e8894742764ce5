/**
 * Every problem code the validator reports, with its severity and Twilio's own code for the
 * same problem. What each code means and where its rule comes from is in `code-docs.ts` (kept
 * out of the core bundle; the README's codes table is generated from both).
 */

export interface CodeInfo {
  readonly severity: 'error' | 'warning';
  /** Twilio's error or warning code for the same problem. */
  readonly twilioCode?: number;
}

const error = { severity: 'error' } as const;
const warning = { severity: 'warning' } as const;

export const PROBLEM_CODES = {
  'root-not-response': error,
  'multiple-roots': error,
  'text-outside-root': error,
  'unknown-element': error,
  'invalid-child': error,
  'too-many-children': error,
  'unknown-attribute': error,
  'missing-attribute': error,
  'invalid-value': error,
  'unknown-value': warning,
  'helper-spelling': warning,
  'invalid-number': error,
  'out-of-range': error,
  'invalid-url': error,
  'empty-url': warning,
  'too-long': error,
  'text-not-allowed': error,
  'missing-text': error,
  'invalid-text': error,
  'deprecated-element': warning,
  'undocumented-element': warning,
  'mixed-document': error,
  unreachable: warning,
  'document-too-large': { severity: 'error', twilioCode: 11750 },
  'say-too-long': { severity: 'warning', twilioCode: 13521 },
  'ssml-with-basic-voice': warning,
  'message-too-long': { severity: 'error', twilioCode: 21617 },
  'too-many-messages': { severity: 'error', twilioCode: 14109 },
  'play-digits-in-gather': error,
  'refer-sip-attributes': error,
  'stream-needs-url': error,
  'stream-query-string': { severity: 'error', twilioCode: 31920 },
  'connect-stream-track': { severity: 'error', twilioCode: 31941 },
  'siprec-needs-connector': error,
  'stop-needs-name': error,
  'speech-model-with-auto-timeout': { severity: 'warning', twilioCode: 13335 },
  'whatsapp-caller-id': error,
  'dial-text-and-nouns': warning,
  'application-not-alone': error,
  'too-many-dial-targets': error,
  'transcribe-callback-without-transcribe': warning,
  'malformed-xml': error,
  'invalid-character': error,
  'invalid-name': error,
  'invalid-comment': error,
} as const satisfies Record<string, CodeInfo>;

export type ProblemCode = keyof typeof PROBLEM_CODES;
