/**
 * Call forwarding: ring the desk, the mobile and the browser softphone at once; whoever
 * answers first gets the call. If nobody does, the caller goes to voicemail.
 *
 * Routes:
 *   POST /forward       → <Forward />
 *   POST /forward/done  → <ForwardDone status={DialCallStatus} />
 */
import { Client, Dial, Hangup, Identity, Number, Parameter, Redirect, Response, Say } from 'twiml-jsx';

export interface ForwardProps {
  /** Numbers to ring, in E.164 form. */
  numbers?: readonly string[];
  /** Voice SDK identity of the softphone. */
  client?: string;
}

export default function Forward({ numbers = ['+15555550120', '+15555550121'], client = 'front-desk' }: ForwardProps) {
  return (
    <Response>
      <Dial action="/forward/done" timeout={20} answerOnBridge callerId="+15555550199" record="record-from-answer-dual">
        {numbers.map((n) => (
          <Number key={n} statusCallbackEvent={['ringing', 'answered']} statusCallback="/forward/events">
            {n}
          </Number>
        ))}
        <Client>
          <Identity>{client}</Identity>
          <Parameter name="forwardedFrom" value="main line" />
        </Client>
      </Dial>
    </Response>
  );
}

export interface ForwardDoneProps {
  /** `DialCallStatus` from Twilio's request. */
  status?: string;
}

export function ForwardDone({ status = 'completed' }: ForwardDoneProps) {
  if (status === 'completed' || status === 'answered') {
    return (
      <Response>
        <Hangup />
      </Response>
    );
  }
  return (
    <Response>
      <Say>Nobody could take your call.</Say>
      <Redirect>/voicemail</Redirect>
    </Response>
  );
}
