/**
 * An IVR menu: press or say 1 for sales, 2 for support. After three unanswered prompts the
 * caller is sent to the operator.
 *
 * Routes (see apps.tsx):
 *   POST /voice            → <Menu />
 *   POST /menu/choice      → <MenuChoice digits={Digits} speech={SpeechResult} />
 *   POST /menu/after-call  → <AfterCall status={DialCallStatus} />
 *   POST /hold-music       → <HoldMusic />   (the support queue's waitUrl)
 */
import { Dial, Enqueue, Gather, Hangup, Number, Pause, Play, Redirect, Response, Say } from 'twiml-jsx';

const VOICE = 'Polly.Joanna-Neural';

export interface MenuProps {
  /** How many times the menu has played without an answer. */
  retries?: number;
}

/** The main menu. Without input it repeats itself, at most three times. */
export default function Menu({ retries = 0 }: MenuProps) {
  return (
    <Response>
      <Gather input={['dtmf', 'speech']} numDigits={1} action="/menu/choice" timeout={5} hints="sales, support">
        {retries === 0 && <Say voice={VOICE}>Thanks for calling Owl &amp; Co.</Say>}
        <Say voice={VOICE}>For sales, press 1 or say sales. For support, press 2 or say support.</Say>
        <Pause length={1} />
      </Gather>
      {retries < 2 ? (
        <Redirect method="POST">/voice?retries={retries + 1}</Redirect>
      ) : (
        <>
          <Say voice={VOICE}>Let me get you to someone.</Say>
          <Dial timeout={20}>
            <Number>+15555550100</Number>
          </Dial>
        </>
      )}
    </Response>
  );
}

export interface MenuChoiceProps {
  /** `Digits` from Twilio's request. */
  digits?: string;
  /** `SpeechResult` from Twilio's request. */
  speech?: string;
}

/** What the caller chose: sales rings the team, support joins the queue, anything else repeats. */
export function MenuChoice({ digits, speech }: MenuChoiceProps) {
  const said = speech?.toLowerCase() ?? '';
  const choice =
    digits === '1' || said.includes('sales')
      ? 'sales'
      : digits === '2' || said.includes('support')
        ? 'support'
        : undefined;
  if (choice === 'sales') {
    return (
      <Response>
        <Say voice={VOICE}>Connecting you to sales.</Say>
        <Dial action="/menu/after-call" timeout={25}>
          <Number>+15555550111</Number>
          <Number>+15555550112</Number>
        </Dial>
      </Response>
    );
  }
  if (choice === 'support') {
    return (
      <Response>
        <Say voice={VOICE}>All our agents are busy. Please hold.</Say>
        <Enqueue waitUrl="/hold-music">support</Enqueue>
        <Say voice={VOICE}>Sorry we could not help you today. Goodbye.</Say>
        <Hangup />
      </Response>
    );
  }
  return (
    <Response>
      <Say voice={VOICE}>Sorry, I didn't get that.</Say>
      <Redirect>/voice</Redirect>
    </Response>
  );
}

export interface AfterCallProps {
  /** `DialCallStatus` from Twilio's request. */
  status?: string;
}

/** After the sales call: goodbye, or voicemail when nobody answered. */
export function AfterCall({ status = 'completed' }: AfterCallProps) {
  if (status === 'completed' || status === 'answered') {
    return (
      <Response>
        <Say voice={VOICE}>Thanks for calling Owl &amp; Co. Goodbye.</Say>
        <Hangup />
      </Response>
    );
  }
  return (
    <Response>
      <Say voice={VOICE}>Sales is not available right now.</Say>
      <Redirect>/voicemail</Redirect>
    </Response>
  );
}

/** What callers in the support queue hear while they wait. */
export function HoldMusic() {
  return (
    <Response>
      <Say voice={VOICE}>Thanks for holding. An agent will be with you shortly.</Say>
      <Play>https://example.com/hold-music.mp3</Play>
    </Response>
  );
}
