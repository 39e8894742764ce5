/** @jsxImportSource preact */
/**
 * The transcript: every verb as it runs, played back in order like a phone call. With sound on,
 * `<Say>` is spoken and `<Play>` played; `<Pause>` counts down its seconds; the listening
 * `<Gather>` counts down its timeout and then times out (the keys pressed so far are sent, or
 * the caller was silent). A pending `<Dial>` or `<Record>` asks the page how it ends.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { TranscriptEntry } from '../../testing/index.js';
import { type Ask, type CallState, isLiveStatus, type TranscriptItem, type WaitingView } from '../protocol.js';
import { act } from './api.js';
import { languageOf, playBeep, playDtmf, speak } from './audio.js';

/** Where playback stands: the index of the entry playing, and a countdown in seconds if it counts. */
interface Playback {
  readonly index: number;
  readonly left?: number;
}

const times = (loop: number | undefined) =>
  loop === undefined || loop === 1 ? '' : loop === 0 ? ' (looping)' : ` (×${loop})`;

/** The Dial's targets as the page names them: conference:room is a conference. */
function dialTitle(to: readonly string[]): { verb: string; detail: string } {
  if (to.length > 0 && to.every((t) => t.startsWith('conference:'))) {
    return { verb: 'Conference', detail: to.map((t) => t.slice('conference:'.length)).join(', ') };
  }
  if (to.length > 0 && to.every((t) => t.startsWith('queue:'))) {
    return { verb: 'Dial queue', detail: to.map((t) => t.slice('queue:'.length)).join(', ') };
  }
  return { verb: 'Dial', detail: to.join(', ') };
}

/** One entry's verb, what it did and its state. */
function describe(entry: TranscriptEntry): { verb: string; detail: string; state?: string } {
  switch (entry.verb) {
    case 'Say':
      return {
        verb: 'Say',
        detail: entry.text + times(entry.loop),
        state: [entry.voice, entry.language].filter(Boolean).join(', ') || undefined,
      };
    case 'Play':
      return {
        verb: 'Play',
        detail: (entry.digits !== undefined ? `digits ${entry.digits}` : (entry.url ?? '')) + times(entry.loop),
      };
    case 'Pause':
      return { verb: 'Pause', detail: `${entry.seconds} s` };
    case 'Gather':
      return {
        verb: 'Gather',
        detail: `listening for ${entry.input.map((i) => (i === 'dtmf' ? 'keys' : i)).join(' or ')}`,
      };
    case 'Caller':
      return {
        verb: 'Caller',
        detail:
          entry.pressed !== undefined
            ? `presses ${entry.pressed}`
            : entry.said !== undefined
              ? `says "${entry.said}"`
              : entry.hungUp
                ? 'hangs up'
                : 'is silent (timeout)',
      };
    case 'Dial': {
      const { verb, detail } = dialTitle(entry.to);
      return {
        verb,
        detail,
        state: `${entry.status}${entry.duration !== undefined ? ` after ${entry.duration} s` : ''}`,
      };
    }
    case 'Record':
      return { verb: 'Record', detail: `${entry.duration} s`, state: `ended by ${entry.finishedBy}` };
    case 'Enqueue':
      return { verb: 'Enqueue', detail: entry.queue, state: entry.result };
    case 'Pay':
      return { verb: 'Pay', detail: '', state: entry.result };
    case 'Redirect':
      return { verb: 'Redirect', detail: `${entry.method} ${entry.url}` };
    case 'Connect':
    case 'Start':
    case 'Stop':
      return { verb: entry.verb, detail: entry.to.join(', '), state: entry.verb === 'Stop' ? 'stopped' : 'connected' };
    case 'Sms':
      return { verb: 'Sms', detail: entry.body, state: entry.to ? `to ${entry.to}` : undefined };
    case 'Refer':
      return { verb: 'Refer', detail: entry.to };
    case 'Reject':
      return { verb: 'Reject', detail: '', state: entry.reason };
    case 'Hangup':
      return { verb: 'Hangup', detail: '', state: 'call ended' };
    default:
      return { verb: (entry as { verb: string }).verb, detail: '' };
  }
}

/** The index of the listening Gather: the last entry, a Gather, while the call waits. */
function listeningIndex(items: readonly TranscriptItem[], waiting: WaitingView | undefined): number {
  const last = items.length - 1;
  return waiting !== undefined && last >= 0 && items[last].entry.verb === 'Gather' ? last : -1;
}

/** Plays the call's entries in order; returns where playback stands. */
function usePlayback(call: CallState | undefined, sound: boolean): Playback {
  const [playback, setPlayback] = useState<Playback>({ index: 0 });
  const callId = call?.id;
  const items = call?.transcript ?? [];
  const waiting = call?.waiting;
  const dropped = call?.dropped ?? 0;
  // Playback positions count from the first entry ever kept; dropped entries were played.
  const index = Math.max(0, playback.index - dropped);

  // A new call plays from its start.
  useEffect(() => setPlayback({ index: 0 }), [callId]);

  // When the caller acts, what was still to play is cut short (barge-in).
  let lastCaller = -1;
  for (let i = items.length - 1; i >= 0 && lastCaller < 0; i--) if (items[i].entry.verb === 'Caller') lastCaller = i;
  useEffect(() => {
    if (lastCaller >= 0 && index < lastCaller) {
      if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
      setPlayback({ index: lastCaller + dropped });
    }
  }, [lastCaller, index, dropped]);

  const item = items[index] as TranscriptItem | undefined;
  const listening = listeningIndex(items, waiting);
  const keys = waiting?.keys ?? '';
  const waitingId = waiting?.id;
  const timeout = waiting?.timeout ?? 5;
  const live = call !== undefined && isLiveStatus(call.status);
  const last = index === items.length - 1;
  // What the playing entry depends on: sound for Say and Play, the wait for the listening
  // Gather (every key restarts its countdown). Nothing else restarts a playing entry.
  const verb = item?.entry.verb;
  const depends =
    verb === 'Say' || verb === 'Play'
      ? `sound ${sound}`
      : verb === 'Gather'
        ? `gather ${index === listening} ${waitingId} ${keys} ${timeout} ${last && live}`
        : '';

  useEffect(() => {
    if (!item) return;
    let cancelled = false;
    const next = () => {
      if (!cancelled) setPlayback({ index: index + dropped + 1 });
    };
    const countdown = (seconds: number, then: () => void) => {
      let left = seconds;
      setPlayback({ index: index + dropped, left });
      const tick = () => {
        if (cancelled) return;
        left -= 1;
        setPlayback({ index: index + dropped, left: Math.max(0, left) });
        if (left <= 0) return then();
        timer = setTimeout(tick, 1000);
      };
      let timer = setTimeout(tick, 1000);
      return () => clearTimeout(timer);
    };
    const entry = item.entry;
    let stop: (() => void) | undefined;
    switch (entry.verb) {
      case 'Say': {
        if (!sound) {
          next();
          break;
        }
        const speech = speak(entry.text, languageOf(entry));
        void speech.done.then(next);
        stop = () => speech.cancel();
        break;
      }
      case 'Play': {
        if (!sound) {
          next();
          break;
        }
        if (entry.digits !== undefined) void playDtmf(entry.digits).then(next);
        else if (entry.url === 'beep') void playBeep().then(next);
        else {
          const element = document.getElementById(`play-${item.seq}`) as HTMLAudioElement | null;
          if (!element) {
            next();
            break;
          }
          element.onended = next;
          element.onerror = next;
          element.play().catch(next);
          stop = () => element.pause();
        }
        break;
      }
      case 'Pause':
        stop = countdown(entry.seconds, next);
        break;
      case 'Gather':
        // The timeout starts again with every key, as on a phone.
        if (index === listening && waitingId !== undefined) {
          stop = countdown(timeout, () => void act('/api/timeout', { waiting: waitingId }));
        } else if (!(last && live)) next();
        // else: the last entry of a live call, whose wait is about to be announced.
        break;
      default:
        next();
    }
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [item?.seq, depends]);

  return { index, ...(playback.left !== undefined && item ? { left: playback.left } : {}) };
}

function AskCard({ ask }: { ask: Ask }) {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const dial = dialTitle(ask.to ?? []);
  return (
    <li class="entry ask" data-verb={ask.verb}>
      <span class="verb">{ask.verb === 'Dial' ? dial.verb : 'Record'}</span>
      <span class="detail">{ask.verb === 'Dial' ? `${dial.detail} — ringing…` : 'recording after the beep…'}</span>
      <span
        class="choices"
        role="group"
        aria-label={ask.verb === 'Dial' ? 'How the dial ends' : 'What the caller does'}
      >
        {ask.choices.map((choice) => (
          <button
            type="button"
            key={choice.value}
            onClick={async () => setProblem(await act('/api/answer', { ask: ask.id, value: choice.value }))}
          >
            {choice.label}
          </button>
        ))}
      </span>
      {problem && <span role="alert">{problem}</span>}
    </li>
  );
}

export function Transcript({ call, sound }: { call: CallState | undefined; sound: boolean }) {
  const playback = usePlayback(call, sound);
  const list = useRef<HTMLDivElement>(null);
  const items = call?.transcript ?? [];
  const listening = listeningIndex(items, call?.waiting);
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [items.length, call?.ask?.id]);

  return (
    <section class="panel transcript" aria-labelledby="transcript-title">
      <h2 id="transcript-title">Transcript</h2>
      <div class="entries" role="log" aria-live="polite" aria-label="Transcript" ref={list}>
        <ol>
          {call === undefined && <li class="muted">Press Call to call your flow.</li>}
          {call !== undefined && call.dropped > 0 && <li class="muted">{call.dropped} earlier entries not shown</li>}
          {items.map((item, i) => {
            const { verb, detail, state } = describe(item.entry);
            const playing = i === playback.index;
            const counting = playing && playback.left !== undefined;
            return (
              <li
                key={item.seq}
                class={`entry${playing ? ' playing' : ''}${i === listening ? ' listening' : ''}`}
                data-verb={item.entry.verb}
              >
                <span class="verb">{verb}</span>
                <span class="detail">{detail}</span>
                {state && <span class="state">{state}</span>}
                {counting && (
                  <span class="countdown" aria-label={`${playback.left} seconds left`}>
                    {playback.left} s
                  </span>
                )}
                {i === listening && call?.waiting && (
                  <button
                    type="button"
                    class="small"
                    onClick={() => void act('/api/timeout', { waiting: call.waiting!.id })}
                  >
                    Time out now
                  </button>
                )}
                {item.entry.verb === 'Play' && item.entry.url && item.entry.url !== 'beep' && (
                  <audio id={`play-${item.seq}`} controls preload="none" src={item.entry.url} />
                )}
              </li>
            );
          })}
          {call?.ask && <AskCard ask={call.ask} />}
        </ol>
      </div>
    </section>
  );
}
