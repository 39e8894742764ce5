/** @jsxImportSource preact */
/** The phone: numbers, Call and Hang up, the call's status, the keypad and the speech box. */
import { useState } from 'preact/hooks';
import { type CallState, isLiveStatus, type PhoneStatus } from '../protocol.js';
import { act } from './api.js';
import { playDtmf } from './audio.js';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;
const LETTERS: Record<string, string> = {
  '2': 'ABC',
  '3': 'DEF',
  '4': 'GHI',
  '5': 'JKL',
  '6': 'MNO',
  '7': 'PQRS',
  '8': 'TUV',
  '9': 'WXYZ',
  '0': '+',
};

const STATUS_TEXT: Record<PhoneStatus, string> = {
  ringing: 'Ringing',
  'in-progress': 'In progress',
  completed: 'Completed',
  busy: 'Busy',
  'no-answer': 'No answer',
  failed: 'Failed',
};

const isLive = (call: CallState | undefined) => call !== undefined && isLiveStatus(call.status);

export interface PhoneProps {
  readonly call: CallState | undefined;
  readonly numbers: { readonly from: string; readonly to: string };
  readonly onFrom: (value: string) => void;
  readonly onTo: (value: string) => void;
  readonly sound: boolean;
  readonly onSound: (on: boolean) => void;
}

export function Phone({ call, numbers, onFrom, onTo, sound, onSound }: PhoneProps) {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [speech, setSpeech] = useState('');
  const [confidence, setConfidence] = useState('0.9');
  const live = isLive(call);
  const waiting = live ? call!.waiting : undefined;
  const keysOn = waiting?.input.includes('dtmf') ?? false;
  const speechOn = waiting?.input.includes('speech') ?? false;

  const run = async (path: string, body?: Record<string, unknown>) => setProblem(await act(path, body));

  const press = (key: string) => {
    void playDtmf(key);
    void run('/api/key', { key });
  };

  const say = (event: Event) => {
    event.preventDefault();
    if (speech.trim() === '') return;
    void run('/api/speech', { text: speech, confidence: Number(confidence) });
    setSpeech('');
  };

  return (
    <section class="panel phone" aria-label="Phone">
      <h2>Phone</h2>
      <form
        class="numbers"
        onSubmit={(event) => {
          event.preventDefault();
          void run('/api/call', numbers);
        }}
      >
        <label>
          From
          <input
            name="from"
            value={numbers.from}
            autocomplete="off"
            onInput={(e) => onFrom((e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          To
          <input
            name="to"
            value={numbers.to}
            autocomplete="off"
            onInput={(e) => onTo((e.target as HTMLInputElement).value)}
          />
        </label>
        <div class="actions">
          <button type="submit" class="call" disabled={live}>
            Call
          </button>
          <button type="button" class="hangup" disabled={!live} onClick={() => void run('/api/hangup')}>
            Hang up
          </button>
        </div>
      </form>
      <p class={`status ${call?.status ?? 'idle'}`} role="status">
        {call === undefined ? (
          'Ready to call'
        ) : (
          <>
            <strong>{STATUS_TEXT[call.status]}</strong>
            {call.reason && <span> — {call.reason}</span>}
          </>
        )}
      </p>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
      <div class="keypad" role="group" aria-label="Keypad">
        {KEYS.map((key) => (
          <button type="button" key={key} aria-label={key} disabled={!keysOn} onClick={() => press(key)}>
            <span class="digit">{key}</span>
            <span class="letters" aria-hidden="true">
              {LETTERS[key] ?? '\u00a0'}
            </span>
          </button>
        ))}
      </div>
      <p class="typed" aria-live="polite">
        {waiting ? (
          <>
            {waiting.input.includes('dtmf') && (
              <>
                Keys: <kbd>{waiting.keys || '—'}</kbd>
                {waiting.numDigits !== undefined && ` (${waiting.numDigits} expected)`}
                {waiting.finishOnKey && ` · ${waiting.finishOnKey} ends`}
              </>
            )}
          </>
        ) : (
          <span class="muted">The keypad works while a &lt;Gather&gt; listens.</span>
        )}
      </p>
      <form class="speech" onSubmit={say}>
        <label>
          Speech
          <input
            name="speech"
            value={speech}
            disabled={!speechOn}
            placeholder={speechOn ? 'say something…' : ''}
            autocomplete="off"
            onInput={(e) => setSpeech((e.target as HTMLInputElement).value)}
          />
        </label>
        <label class="confidence">
          Confidence
          <input
            name="confidence"
            type="number"
            min="0"
            max="1"
            step="0.05"
            value={confidence}
            disabled={!speechOn}
            onInput={(e) => setConfidence((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" disabled={!speechOn || speech.trim() === ''}>
          Speak
        </button>
      </form>
      <label class="sound">
        <input type="checkbox" checked={sound} onChange={(e) => onSound((e.target as HTMLInputElement).checked)} />
        Sound (speak &lt;Say&gt;, play &lt;Play&gt;)
      </label>
    </section>
  );
}
