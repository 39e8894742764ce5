/**
 * A second corpus, in test/corpus/apps/: real documents from Twilio's apps, tutorials, Functions
 * templates, Twimlets and public projects that serve TwiML (none of them among the documents of
 * test/corpus/ itself, which hold the examples of Twilio's TwiML reference). Each file names its source in its first comment; placeholders of the
 * source were replaced by realistic values, and the comment says so. Every document must
 * validate with zero errors; the warnings they get are listed here, each for a reason.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { render, validate } from 'twiml-jsx';
import { parse } from 'twiml-jsx/xml';

const folder = fileURLToPath(new URL('./corpus/apps/', import.meta.url));
const files = readdirSync(folder)
  .filter((f) => f.endsWith('.xml'))
  .sort();

/** Re-prompting or hold-music loops: `<Redirect/>` runs the same document again, as these mean it to. */
const LOOPS = ['empty-url'];

/** Warnings real documents get, and why they are right. */
const EXPECTED_WARNINGS: Record<string, string[]> = {
  // Both verbs follow a <Dial action>, so they never run (the Dial page says so).
  'callbox-forward-template.xml': ['unreachable', 'unreachable'],
  // Programmable Fax is retired; these are the only fax documents.
  'fax-receive-action-self.xml': ['deprecated-element'],
  'fax-receive-pdf-store-media.xml': ['deprecated-element'],
  // speechModel with speechTimeout="auto" (warnings 13327/13335): a number of seconds is needed.
  'function-gather-speech-auto-phone-call.xml': ['speech-model-with-auto-timeout'],
  // <Sms> is deprecated in favour of <Message>.
  'sms-thanks-reply.xml': ['deprecated-element'],
  'voice-say-then-sms.xml': ['deprecated-element'],
  // transcribeCallback without transcribe="true" is never called (TwiML changelog).
  'voicemail-transcribe-false-callback.xml': ['transcribe-callback-without-transcribe'],
  // An IVR that prompts again when the caller said nothing.
  'function-voice-ivr-speech-dtmf-redirect-self.xml': LOOPS,
  'twimlet-simple-menu.xml': LOOPS,
  'twimlet-simple-menu-invalid.xml': LOOPS,
  // The DJ's client dequeues the next caller when the last one hangs up.
  'workshop-dj-hangup-on-star-queue.xml': LOOPS,
  'workshop-dj-record-queue-url.xml': LOOPS,
  // A queue's waitUrl document repeats its music.
  'workshop-queue-wait-loop-redirect.xml': LOOPS,
};

describe('the apps corpus', () => {
  it('has at least 60 documents', () => {
    expect(files.length).toBeGreaterThanOrEqual(60);
  });

  it('lists warnings only for files it has', () => {
    expect(Object.keys(EXPECTED_WARNINGS).filter((f) => !files.includes(f))).toEqual([]);
  });

  it.each(files)('%s validates with zero errors', (file) => {
    const source = readFileSync(folder + file, 'utf8');
    expect(source, 'each file names its source').toMatch(/^(?:<\?xml[^>]*\?>\s*)?<!-- https:\/\/\S+/);
    const problems = validate(parse(source));
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(problems.map((p) => p.code)).toEqual(EXPECTED_WARNINGS[file] ?? []);
    // And it survives a trip through render() and parse() unchanged.
    const rendered = render(parse(source), { validate: false });
    expect(render(parse(rendered), { validate: false })).toBe(rendered);
  });
});
