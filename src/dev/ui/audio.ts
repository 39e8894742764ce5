/**
 * The phone's sounds, made in the browser: DTMF tones (the two sine waves of each key), the
 * recording beep, and `<Say>` spoken by the browser's speech synthesis. Nothing is downloaded.
 */

/** DTMF: each key is one low (row) and one high (column) frequency, in Hz (ITU-T Q.23). */
const DTMF_FREQUENCIES: Readonly<Record<string, readonly [number, number]>> = {
  '1': [697, 1209],
  '2': [697, 1336],
  '3': [697, 1477],
  '4': [770, 1209],
  '5': [770, 1336],
  '6': [770, 1477],
  '7': [852, 1209],
  '8': [852, 1336],
  '9': [852, 1477],
  '*': [941, 1209],
  '0': [941, 1336],
  '#': [941, 1477],
};

let context: AudioContext | undefined;

function audio(): AudioContext | undefined {
  try {
    context ??= new AudioContext();
    if (context.state === 'suspended') void context.resume();
    return context;
  } catch {
    return undefined;
  }
}

/** Plays sine waves at `frequencies` together for `ms`, starting `delayMs` from now. */
function tone(frequencies: readonly number[], ms: number, delayMs = 0): void {
  const ctx = audio();
  if (!ctx) return;
  const start = ctx.currentTime + delayMs / 1000;
  const end = start + ms / 1000;
  const gain = ctx.createGain();
  gain.gain.setValueAtTime(0, start);
  gain.gain.linearRampToValueAtTime(0.12, start + 0.005);
  gain.gain.setValueAtTime(0.12, end - 0.005);
  gain.gain.linearRampToValueAtTime(0, end);
  gain.connect(ctx.destination);
  for (const frequency of frequencies) {
    const oscillator = ctx.createOscillator();
    oscillator.type = 'sine';
    oscillator.frequency.value = frequency;
    oscillator.connect(gain);
    oscillator.start(start);
    oscillator.stop(end);
  }
}

/** The DTMF tone of `key` (0-9, *, #), 150 ms; keys in sequence are 80 ms apart. Resolves when played. */
export function playDtmf(keys: string): Promise<void> {
  let at = 0;
  for (const key of keys) {
    const pair = DTMF_FREQUENCIES[key];
    if (pair) tone(pair, 150, at);
    at += key === 'w' ? 500 : 230;
  }
  return new Promise((resolve) => setTimeout(resolve, at));
}

/** The beep before a recording. */
export function playBeep(): Promise<void> {
  tone([1000], 400);
  return new Promise((resolve) => setTimeout(resolve, 400));
}

/**
 * The language a `<Say>` is spoken in: its `language`, the locale in a voice name
 * (`Google.fr-FR-Standard-A`), or Twilio's default, en-US.
 */
export function languageOf(say: { readonly language?: string; readonly voice?: string }): string {
  if (say.language) return say.language;
  const locale = /([a-z]{2,3}-[A-Z]{2})/.exec(say.voice ?? '');
  return locale ? locale[1] : 'en-US';
}

/** Speaks `text` in `language` with the best matching voice; resolves when done (or unable). */
export function speak(text: string, language: string): { done: Promise<void>; cancel(): void } {
  const synth = typeof speechSynthesis === 'undefined' ? undefined : speechSynthesis;
  if (!synth || text.trim() === '') return { done: Promise.resolve(), cancel() {} };
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = language;
  const voices = synth.getVoices();
  const voice =
    voices.find((v) => v.lang === language) ??
    voices.find((v) => v.lang.toLowerCase().startsWith(language.slice(0, 2).toLowerCase()));
  if (voice) utterance.voice = voice;
  let finish: () => void = () => {};
  const done = new Promise<void>((resolve) => {
    finish = resolve;
    utterance.onend = () => resolve();
    utterance.onerror = () => resolve();
    // Some browsers never end an utterance they cannot speak: give up after a generous time.
    setTimeout(resolve, 2000 + text.length * 120);
  });
  synth.speak(utterance);
  return {
    done,
    cancel() {
      synth.cancel();
      finish();
    },
  };
}
