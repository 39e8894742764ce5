/**
 * Voicemail: a greeting, a beep, up to two minutes of message, then a thank-you. When nothing
 * is recorded, Twilio does not request `action`: it goes on with the verb after `<Record>`.
 *
 * Routes:
 *   POST /voicemail        → <Voicemail />
 *   POST /voicemail/saved  → <VoicemailSaved duration={RecordingDuration} />
 */
import { Hangup, Record, Response, Say } from 'twiml-jsx';

export interface VoicemailProps {
  /** Whose voicemail this is. */
  name?: string;
}

export default function Voicemail({ name = 'the team' }: VoicemailProps) {
  return (
    <Response>
      <Say voice="Polly.Matthew">
        You have reached {name}. Leave a message after the beep, then press the pound key.
      </Say>
      <Record
        action="/voicemail/saved"
        maxLength={120}
        finishOnKey="#"
        playBeep
        transcribe
        transcribeCallback="/voicemail/transcribed"
      />
      <Say voice="Polly.Matthew">We didn't hear anything. Goodbye.</Say>
    </Response>
  );
}

export interface VoicemailSavedProps {
  /** `RecordingDuration` from Twilio's request, in seconds. */
  duration?: number;
}

export function VoicemailSaved({ duration = 0 }: VoicemailSavedProps) {
  return (
    <Response>
      <Say voice="Polly.Matthew">{duration > 0 ? 'Thanks, we got your message.' : 'Thanks.'}</Say>
      <Hangup />
    </Response>
  );
}
