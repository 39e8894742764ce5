/** What happened on a simulated call, in order: what Twilio did and what the caller did. */

export type TranscriptEntry =
  | {
      readonly verb: 'Say';
      readonly text: string;
      readonly voice?: string;
      readonly language?: string;
      readonly loop?: number;
    }
  | { readonly verb: 'Play'; readonly url?: string; readonly digits?: string; readonly loop?: number }
  | { readonly verb: 'Pause'; readonly seconds: number }
  | { readonly verb: 'Gather'; readonly input: readonly string[] }
  /** What the caller did: one of `pressed`, `said`, `silent` (a `<Gather>` timed out) or `hungUp`. */
  | {
      readonly verb: 'Caller';
      readonly pressed?: string;
      readonly said?: string;
      readonly silent?: true;
      readonly hungUp?: true;
    }
  | {
      readonly verb: 'Dial';
      readonly to: readonly string[];
      readonly status: string;
      readonly duration?: number;
    }
  /** `duration` 0: nothing was recorded. */
  | { readonly verb: 'Record'; readonly duration: number; readonly finishedBy: string }
  | { readonly verb: 'Enqueue'; readonly queue: string; readonly result: string }
  | { readonly verb: 'Leave' }
  | { readonly verb: 'Pay'; readonly result: string }
  /** `url` is the path alone when it is on the app's own origin. */
  | { readonly verb: 'Redirect'; readonly method: string; readonly url: string }
  | { readonly verb: 'Connect' | 'Start' | 'Stop'; readonly to: readonly string[] }
  | { readonly verb: 'Sms'; readonly to?: string; readonly body: string }
  | { readonly verb: 'Refer'; readonly to: string }
  | { readonly verb: 'Echo' }
  | { readonly verb: 'Hangup' }
  | { readonly verb: 'Reject'; readonly reason: string };

const times = (loop: number | undefined) =>
  loop === undefined || loop === 1 ? '' : loop === 0 ? ' (looping)' : ` (×${loop})`;

/** One line per entry, for snapshots and failure messages. */
export function formatEntry(entry: TranscriptEntry): string {
  switch (entry.verb) {
    case 'Say':
      return `Say${entry.voice ? ` [${entry.voice}]` : ''}: ${entry.text}${times(entry.loop)}`;
    case 'Play':
      return `Play: ${entry.digits !== undefined ? `digits ${entry.digits}` : entry.url}${times(entry.loop)}`;
    case 'Pause':
      return `Pause: ${entry.seconds}s`;
    case 'Gather':
      return `Gather: waiting for ${entry.input.join(' or ')}`;
    case 'Caller':
      return entry.pressed !== undefined
        ? `Caller presses ${entry.pressed}`
        : entry.said !== undefined
          ? `Caller says "${entry.said}"`
          : entry.hungUp
            ? 'Caller hangs up'
            : 'Caller is silent';
    case 'Dial':
      return `Dial: ${entry.to.join(', ')} → ${entry.status}${entry.duration !== undefined ? ` (${entry.duration}s)` : ''}`;
    case 'Record':
      return entry.duration === 0
        ? `Record: nothing recorded, ended by ${entry.finishedBy}`
        : `Record: ${entry.duration}s, ended by ${entry.finishedBy}`;
    case 'Enqueue':
      return `Enqueue: ${entry.queue} → ${entry.result}`;
    case 'Pay':
      return `Pay: ${entry.result}`;
    case 'Redirect':
      return `Redirect: ${entry.method} ${entry.url}`;
    case 'Connect':
    case 'Start':
    case 'Stop':
      return `${entry.verb}: ${entry.to.join(', ')}`;
    case 'Sms':
      return `Sms${entry.to ? ` to ${entry.to}` : ''}: ${entry.body}`;
    case 'Refer':
      return `Refer: ${entry.to}`;
    case 'Reject':
      return `Reject: ${entry.reason}`;
    default:
      return entry.verb;
  }
}

/** The transcript as text, one entry per line. */
export function formatTranscript(entries: readonly TranscriptEntry[]): string {
  return entries.map(formatEntry).join('\n');
}
