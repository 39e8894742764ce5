/**
 * An SMS auto-reply: answers HOURS and MENU, stays quiet on STOP (Twilio handles opt-out),
 * and otherwise acknowledges the message.
 *
 * Route:
 *   POST /sms → <AutoReply body={Body} from={From} />
 */
import { Body, Media, Message, Response } from 'twiml-jsx';

export interface AutoReplyProps {
  /** `Body` of the incoming message. */
  body?: string;
  /** `From` of the incoming message. */
  from?: string;
}

export default function AutoReply({ body = '', from }: AutoReplyProps) {
  const keyword = body.trim().toUpperCase();
  if (keyword === 'STOP') return <Response />;
  if (keyword === 'HOURS') {
    return (
      <Response>
        <Message>We're open 9am–5pm, Monday to Friday.</Message>
      </Response>
    );
  }
  if (keyword === 'MENU') {
    return (
      <Response>
        <Message>
          <Body>Today's menu is attached. Reply HOURS for opening times.</Body>
          <Media>https://example.com/menu.jpg</Media>
        </Message>
      </Response>
    );
  }
  return (
    <Response>
      <Message>
        Thanks{from ? ` ${from}` : ''}! We got "{body}" and will reply soon. Text HOURS or MENU anytime.
      </Message>
    </Response>
  );
}
