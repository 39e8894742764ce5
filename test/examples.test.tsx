/** Snapshot tests of the example flows: readable XML, valid, and identical to the official helper's. */
import { describe, expect, it } from 'vitest';
import { render, validate } from 'twiml-jsx';
import { examples } from '../examples/index.jsx';
import { describe as describeTree, officialRender } from './support/official.js';

const snapshot = (name: string) =>
  render(examples.find((e) => e.name === name)!.element(), { pretty: true, declaration: false });

describe.each(examples)('$name', ({ element }) => {
  it('is valid TwiML with no warnings', () => {
    expect(validate(element())).toEqual([]);
  });

  it('renders exactly as the official helper would', () => {
    expect(render(element())).toBe(officialRender(describeTree(element())));
  });
});

describe('snapshots', () => {
  it('IVR menu', () => {
    expect(snapshot('IVR menu')).toMatchInlineSnapshot(`
      "<Response>
        <Gather input="dtmf speech" numDigits="1" action="/menu/choice" timeout="5" hints="sales, support">
          <Say voice="Polly.Joanna-Neural">Thanks for calling Owl &amp; Co.</Say>
          <Say voice="Polly.Joanna-Neural">For sales, press 1 or say sales. For support, press 2 or say support.</Say>
          <Pause length="1"/>
        </Gather>
        <Redirect method="POST">/voice?retries=1</Redirect>
      </Response>"
    `);
    expect(snapshot('IVR menu, third try')).toMatchInlineSnapshot(`
      "<Response>
        <Gather input="dtmf speech" numDigits="1" action="/menu/choice" timeout="5" hints="sales, support">
          <Say voice="Polly.Joanna-Neural">For sales, press 1 or say sales. For support, press 2 or say support.</Say>
          <Pause length="1"/>
        </Gather>
        <Say voice="Polly.Joanna-Neural">Let me get you to someone.</Say>
        <Dial timeout="20">
          <Number>+15555550100</Number>
        </Dial>
      </Response>"
    `);
  });

  it('IVR choices', () => {
    expect(snapshot('IVR choice: sales')).toMatchInlineSnapshot(`
      "<Response>
        <Say voice="Polly.Joanna-Neural">Connecting you to sales.</Say>
        <Dial action="/menu/after-call" timeout="25">
          <Number>+15555550111</Number>
          <Number>+15555550112</Number>
        </Dial>
      </Response>"
    `);
    expect(snapshot('IVR choice: support (speech)')).toMatchInlineSnapshot(`
      "<Response>
        <Say voice="Polly.Joanna-Neural">All our agents are busy. Please hold.</Say>
        <Enqueue waitUrl="/hold-music">support</Enqueue>
        <Say voice="Polly.Joanna-Neural">Sorry we could not help you today. Goodbye.</Say>
        <Hangup/>
      </Response>"
    `);
    expect(snapshot('IVR after the sales call: busy')).toMatchInlineSnapshot(`
      "<Response>
        <Say voice="Polly.Joanna-Neural">Sales is not available right now.</Say>
        <Redirect>/voicemail</Redirect>
      </Response>"
    `);
    expect(snapshot('IVR hold music')).toMatchInlineSnapshot(`
      "<Response>
        <Say voice="Polly.Joanna-Neural">Thanks for holding. An agent will be with you shortly.</Say>
        <Play>https://example.com/hold-music.mp3</Play>
      </Response>"
    `);
    expect(snapshot('IVR choice: unknown')).toMatchInlineSnapshot(`
      "<Response>
        <Say voice="Polly.Joanna-Neural">Sorry, I didn't get that.</Say>
        <Redirect>/voice</Redirect>
      </Response>"
    `);
  });

  it('voicemail', () => {
    expect(snapshot('Voicemail')).toMatchInlineSnapshot(`
      "<Response>
        <Say voice="Polly.Matthew">You have reached Ada. Leave a message after the beep, then press the pound key.</Say>
        <Record action="/voicemail/saved" maxLength="120" finishOnKey="#" playBeep="true" transcribe="true" transcribeCallback="/voicemail/transcribed"/>
        <Say voice="Polly.Matthew">We didn't hear anything. Goodbye.</Say>
      </Response>"
    `);
    expect(snapshot('Voicemail saved')).toMatchInlineSnapshot(`
      "<Response>
        <Say voice="Polly.Matthew">Thanks, we got your message.</Say>
        <Hangup/>
      </Response>"
    `);
  });

  it('call forwarding', () => {
    expect(snapshot('Call forwarding')).toMatchInlineSnapshot(`
      "<Response>
        <Dial action="/forward/done" timeout="20" answerOnBridge="true" callerId="+15555550199" record="record-from-answer-dual">
          <Number statusCallbackEvent="ringing answered" statusCallback="/forward/events">+15555550120</Number>
          <Number statusCallbackEvent="ringing answered" statusCallback="/forward/events">+15555550121</Number>
          <Client>
            <Identity>front-desk</Identity>
            <Parameter name="forwardedFrom" value="main line"/>
          </Client>
        </Dial>
      </Response>"
    `);
    expect(snapshot('Call forwarding: no answer')).toMatchInlineSnapshot(`
      "<Response>
        <Say>Nobody could take your call.</Say>
        <Redirect>/voicemail</Redirect>
      </Response>"
    `);
  });

  it('conference line', () => {
    expect(snapshot('Conference line')).toMatchInlineSnapshot(`
      "<Response>
        <Gather numDigits="4" action="/conference/join" timeout="10">
          <Say>Welcome to the weekly sync. Enter your four digit PIN.</Say>
        </Gather>
        <Say>We did not get a PIN. Goodbye.</Say>
        <Hangup/>
      </Response>"
    `);
    expect(snapshot('Conference: moderator joins')).toMatchInlineSnapshot(`
      "<Response>
        <Say>Starting the conference.</Say>
        <Dial>
          <Conference startConferenceOnEnter="true" endConferenceOnExit="true" beep="onEnter" waitUrl="https://twimlets.com/holdmusic?Bucket=com.twilio.music.classical" statusCallbackEvent="start end join leave" statusCallback="/conference/events" participantLabel="host">weekly-sync</Conference>
        </Dial>
      </Response>"
    `);
  });

  it('SMS auto-reply', () => {
    expect(snapshot('SMS auto-reply: HOURS')).toMatchInlineSnapshot(`
      "<Response>
        <Message>We're open 9am–5pm, Monday to Friday.</Message>
      </Response>"
    `);
    expect(snapshot('SMS auto-reply: MENU')).toMatchInlineSnapshot(`
      "<Response>
        <Message>
          <Body>Today's menu is attached. Reply HOURS for opening times.</Body>
          <Media>https://example.com/menu.jpg</Media>
        </Message>
      </Response>"
    `);
    expect(snapshot('SMS auto-reply: anything else')).toMatchInlineSnapshot(`
      "<Response>
        <Message>Thanks +15555550100! We got "Hi &lt;3" and will reply soon. Text HOURS or MENU anytime.</Message>
      </Response>"
    `);
  });
});
