/** Twilio-shaped webhook parameters and identifiers for simulated calls and messages. */

/** Deterministic SIDs (`CA000…001`), so simulated requests and snapshots are stable. */
export class Sids {
  private counter = 0;

  next(prefix: string): string {
    this.counter++;
    return prefix + this.counter.toString(16).padStart(32, '0');
  }
}

/** The account SID simulated requests carry unless told otherwise. */
export const SIMULATED_ACCOUNT_SID = 'AC' + '0'.repeat(31) + '1';

/** The parameters Twilio sends with every request about a call. */
export function voiceParams(call: {
  callSid: string;
  accountSid: string;
  from: string;
  to: string;
  status: string;
  direction: string;
}): Record<string, string> {
  return {
    AccountSid: call.accountSid,
    ApiVersion: '2010-04-01',
    CallSid: call.callSid,
    CallStatus: call.status,
    Called: call.to,
    Caller: call.from,
    Direction: call.direction,
    From: call.from,
    To: call.to,
  };
}

/** The parameters of an incoming message. */
export function messageParams(message: {
  messageSid: string;
  accountSid: string;
  from: string;
  to: string;
  body: string;
  media: readonly { url: string; contentType: string }[];
}): Record<string, string> {
  const params: Record<string, string> = {
    AccountSid: message.accountSid,
    ApiVersion: '2010-04-01',
    Body: message.body,
    From: message.from,
    MessageSid: message.messageSid,
    NumMedia: String(message.media.length),
    NumSegments: '1',
    SmsMessageSid: message.messageSid,
    SmsSid: message.messageSid,
    SmsStatus: 'received',
    To: message.to,
  };
  message.media.forEach((m, i) => {
    params[`MediaUrl${i}`] = m.url;
    params[`MediaContentType${i}`] = m.contentType;
  });
  return params;
}

/** The `MediaContentType` of a media URL given without one, from its extension. */
export function contentTypeOf(url: string): string {
  const extension = /\.([a-z0-9]+)(?:\?|$)/i.exec(url)?.[1]?.toLowerCase();
  const types: Record<string, string> = {
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png',
    gif: 'image/gif',
    pdf: 'application/pdf',
    mp4: 'video/mp4',
  };
  return (extension && types[extension]) || 'application/octet-stream';
}
