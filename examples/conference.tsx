/**
 * A conference line: callers enter a PIN; the moderator's PIN starts the conference and ends
 * it when they leave, everyone else waits with music.
 *
 * Routes:
 *   POST /conference       → <ConferenceLine />
 *   POST /conference/join  → <JoinConference pin={Digits} />
 */
import { Conference, Dial, Gather, Hangup, Redirect, Response, Say } from 'twiml-jsx';

const MODERATOR_PIN = '4242';
const GUEST_PIN = '1234';

export default function ConferenceLine() {
  return (
    <Response>
      <Gather numDigits={4} action="/conference/join" timeout={10}>
        <Say>Welcome to the weekly sync. Enter your four digit PIN.</Say>
      </Gather>
      <Say>We did not get a PIN. Goodbye.</Say>
      <Hangup />
    </Response>
  );
}

export interface JoinConferenceProps {
  /** `Digits` from Twilio's request. */
  pin?: string;
  /** The room to join. */
  room?: string;
}

export function JoinConference({ pin, room = 'weekly-sync' }: JoinConferenceProps) {
  if (pin !== MODERATOR_PIN && pin !== GUEST_PIN) {
    return (
      <Response>
        <Say>That PIN is not valid.</Say>
        <Redirect>/conference</Redirect>
      </Response>
    );
  }
  const moderator = pin === MODERATOR_PIN;
  return (
    <Response>
      <Say>{moderator ? 'Starting the conference.' : 'Joining. The conference starts when the host arrives.'}</Say>
      <Dial>
        <Conference
          startConferenceOnEnter={moderator}
          endConferenceOnExit={moderator}
          beep="onEnter"
          waitUrl="https://twimlets.com/holdmusic?Bucket=com.twilio.music.classical"
          statusCallbackEvent={['start', 'end', 'join', 'leave']}
          statusCallback="/conference/events"
          participantLabel={moderator ? 'host' : undefined}
        >
          {room}
        </Conference>
      </Dial>
    </Response>
  );
}
