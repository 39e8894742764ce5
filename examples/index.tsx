/** Every example flow, with the route that serves it and sample props: used by the demo and the tests. */
import type { TwiMLElement } from 'twiml-jsx';
import ConferenceLine, { JoinConference } from './conference.js';
import Forward, { ForwardDone } from './forwarding.js';
import Menu, { AfterCall, HoldMusic, MenuChoice } from './ivr.js';
import AutoReply from './sms-auto-reply.js';
import Voicemail, { VoicemailSaved } from './voicemail.js';

export interface Example {
  readonly name: string;
  readonly route: string;
  readonly element: () => TwiMLElement;
}

export const examples: readonly Example[] = [
  { name: 'IVR menu', route: 'POST /voice', element: () => <Menu /> },
  { name: 'IVR menu, third try', route: 'POST /voice?retries=2', element: () => <Menu retries={2} /> },
  { name: 'IVR choice: sales', route: 'POST /menu/choice', element: () => <MenuChoice digits="1" /> },
  {
    name: 'IVR choice: support (speech)',
    route: 'POST /menu/choice',
    element: () => <MenuChoice speech="Support please" />,
  },
  { name: 'IVR choice: unknown', route: 'POST /menu/choice', element: () => <MenuChoice digits="9" /> },
  {
    name: 'IVR after the sales call: busy',
    route: 'POST /menu/after-call',
    element: () => <AfterCall status="busy" />,
  },
  { name: 'IVR hold music', route: 'POST /hold-music', element: () => <HoldMusic /> },
  { name: 'Voicemail', route: 'POST /voicemail', element: () => <Voicemail name="Ada" /> },
  { name: 'Voicemail saved', route: 'POST /voicemail/saved', element: () => <VoicemailSaved duration={12} /> },
  { name: 'Call forwarding', route: 'POST /forward', element: () => <Forward /> },
  {
    name: 'Call forwarding: no answer',
    route: 'POST /forward/done',
    element: () => <ForwardDone status="no-answer" />,
  },
  { name: 'Conference line', route: 'POST /conference', element: () => <ConferenceLine /> },
  { name: 'Conference: moderator joins', route: 'POST /conference/join', element: () => <JoinConference pin="4242" /> },
  { name: 'SMS auto-reply: HOURS', route: 'POST /sms', element: () => <AutoReply body="hours" /> },
  { name: 'SMS auto-reply: MENU', route: 'POST /sms', element: () => <AutoReply body="MENU" /> },
  {
    name: 'SMS auto-reply: anything else',
    route: 'POST /sms',
    element: () => <AutoReply body="Hi <3" from="+15555550100" />,
  },
];
