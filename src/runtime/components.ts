/**
 * One component per TwiML element, named after its tag (SSML: the PascalCase of the tag).
 * Each is made from its vocabulary table; the examples below are checked by a test.
 */
import { vocabulary as v } from '../vocabulary/index.js';
import { component } from './component.js';

// ───────────────────────────── Document ─────────────────────────────

/**
 * The root of every TwiML document: voice, messaging or fax.
 * @example
 * <Response><Say>Hi</Say></Response>
 * // <Response><Say>Hi</Say></Response>
 */
export const Response = component(v.Response);

/**
 * `Response` under a name that does not shadow the Fetch API's `Response` (route handlers that
 * also build `new Response(…)`).
 */
export const TwiMLResponse = Response;

// ───────────────────────────── Voice verbs ─────────────────────────────

/**
 * Speaks text to the caller (text-to-speech). May hold SSML: `<Break>`, `<Emphasis>`, `<SayAs>`…
 * @example
 * <Say voice="Polly.Joanna" language="en-US">Hello &amp; welcome</Say>
 * // <Say voice="Polly.Joanna" language="en-US">Hello &amp; welcome</Say>
 */
export const Say = component(v.Say);

/**
 * Plays an audio file from a URL, or DTMF tones with `digits`.
 * @example
 * <Play loop={2}>https://example.com/hold.mp3</Play>
 * // <Play loop="2">https://example.com/hold.mp3</Play>
 */
export const Play = component(v.Play);

/**
 * Waits in silence.
 * @example
 * <Pause length={2} />
 * // <Pause length="2"/>
 */
export const Pause = component(v.Pause);

/**
 * Collects keypresses and/or speech, then requests `action` with `Digits` or `SpeechResult`.
 * Holds the `<Say>`, `<Play>` and `<Pause>` that prompt the caller.
 * @example
 * <Gather input={['dtmf', 'speech']} numDigits={1} action="/menu"><Say>Press 1</Say></Gather>
 * // <Gather input="dtmf speech" numDigits="1" action="/menu"><Say>Press 1</Say></Gather>
 */
export const Gather = component(v.Gather);

/**
 * Records the caller and requests `action` with `RecordingUrl` when done.
 * @example
 * <Record maxLength={30} finishOnKey="#" action="/voicemail/saved" />
 * // <Record maxLength="30" finishOnKey="#" action="/voicemail/saved"/>
 */
export const Record = component(v.Record);

/**
 * Continues the call (or conversation) with the TwiML at another URL. Nothing after it runs.
 * @example
 * <Redirect method="GET">/menu?retry=1</Redirect>
 * // <Redirect method="GET">/menu?retry=1</Redirect>
 */
export const Redirect = component(v.Redirect);

/**
 * Declines an incoming call without answering it (no charge), with a busy or not-in-service tone.
 * @example
 * <Reject reason="busy" />
 * // <Reject reason="busy"/>
 */
export const Reject = component(v.Reject);

/**
 * Ends the call.
 * @example
 * <Hangup />
 * // <Hangup/>
 */
export const Hangup = component(v.Hangup);

/**
 * Takes a waiting caller out of the queue; the call continues after its `<Enqueue>`.
 * @example
 * <Leave />
 * // <Leave/>
 */
export const Leave = component(v.Leave);

/**
 * Plays the caller's audio back to them (built by the official helper; not in Twilio's docs).
 * @example
 * <Echo />
 * // <Echo/>
 */
export const Echo = component(v.Echo);

/**
 * Sends an SMS during a call (deprecated by Twilio: prefer `<Message>` or the REST API).
 * @example
 * <Sms to="+15555550100">Your code is 1234</Sms>
 * // <Sms to="+15555550100">Your code is 1234</Sms>
 */
export const Sms = component(v.Sms);

/**
 * Transfers a SIP call elsewhere with a SIP REFER; holds one `<Sip>` with the target.
 * @example
 * <Refer action="/refer-done"><Sip>sip:alice@example.com</Sip></Refer>
 * // <Refer action="/refer-done"><Sip>sip:alice@example.com</Sip></Refer>
 */
export const Refer = component(v.Refer);

/**
 * Puts the caller in a queue (by name, or as a TaskRouter task with `workflowSid`).
 * @example
 * <Enqueue waitUrl="/hold-music">support</Enqueue>
 * // <Enqueue waitUrl="/hold-music">support</Enqueue>
 */
export const Enqueue = component(v.Enqueue);

/**
 * The TaskRouter task attributes (JSON) of an `<Enqueue workflowSid>`.
 * @example
 * <Task priority={5}>{JSON.stringify({ language: 'es' })}</Task>
 * // <Task priority="5">{"language":"es"}</Task>
 */
export const Task = component(v.Task);

// ───────────────────────────── Dial and its nouns ─────────────────────────────

/**
 * Connects the caller to another party: a number as text, or nouns (`<Number>`, `<Client>`,
 * `<Conference>`, `<Queue>`, `<Sip>`, `<Sim>`, `<Application>`, `<WhatsApp>`).
 * @example
 * <Dial timeout={20} action="/after-call">+15555550100</Dial>
 * // <Dial timeout="20" action="/after-call">+15555550100</Dial>
 */
export const Dial = component(v.Dial);

/**
 * A phone number to dial. Importing it shadows the global `Number`; `DialNumber` is the same component.
 * @example
 * <Number sendDigits="ww123">+15555550100</Number>
 * // <Number sendDigits="ww123">+15555550100</Number>
 */
export const Number = component(v.Number);

/** `Number` under a name that does not shadow the JavaScript global. */
export const DialNumber = Number;

/**
 * A Voice SDK client identity to dial (as text, or as `<Identity>` with `<Parameter>`s).
 * @example
 * <Client>alice</Client>
 * // <Client>alice</Client>
 */
export const Client = component(v.Client);

/**
 * The identity of a `<Client>` that also carries `<Parameter>`s.
 * @example
 * <Identity>alice</Identity>
 * // <Identity>alice</Identity>
 */
export const Identity = component(v.Identity);

/**
 * A conference room to join, by name.
 * @example
 * <Conference startConferenceOnEnter={false} beep="onEnter">standup</Conference>
 * // <Conference startConferenceOnEnter="false" beep="onEnter">standup</Conference>
 */
export const Conference = component(v.Conference);

/**
 * A queue to take the first waiting caller from (inside `<Dial>`).
 * @example
 * <Queue url="/about-to-connect">support</Queue>
 * // <Queue url="/about-to-connect">support</Queue>
 */
export const Queue = component(v.Queue);

/**
 * A SIP endpoint to dial (as text, or as `<Uri>`s), or the target of a `<Refer>`.
 * @example
 * <Sip username="admin" password="s3cret">sip:alice@example.com</Sip>
 * // <Sip username="admin" password="s3cret">sip:alice@example.com</Sip>
 */
export const Sip = component(v.Sip);

/**
 * One SIP URI of a `<Sip>`, tried by `priority` and `weight`.
 * @example
 * <Uri priority={1}>sip:alice@primary.example.com</Uri>
 * // <Uri priority="1">sip:alice@primary.example.com</Uri>
 */
export const Uri = component(v.Uri);

/**
 * SIP headers sent with a `<Sip>` call.
 * @example
 * <Headers><Header name="X-Account" value="42" /></Headers>
 * // <Headers><Header name="X-Account" value="42"/></Headers>
 */
export const Headers = component(v.Headers);

/**
 * One SIP header in `<Headers>`.
 * @example
 * <Header name="X-Account" value="42" />
 * // <Header name="X-Account" value="42"/>
 */
export const Header = component(v.Header);

/**
 * A Twilio SIM (by SID) to dial.
 * @example
 * <Sim>DE8caa2afb9d5279926619c458dc7098a8</Sim>
 * // <Sim>DE8caa2afb9d5279926619c458dc7098a8</Sim>
 */
export const Sim = component(v.Sim);

/**
 * A TwiML App to dial (by SID, or as `<ApplicationSid>` with `<Parameter>`s).
 * @example
 * <Application>AP1234567890abcdef1234567890abcdef</Application>
 * // <Application>AP1234567890abcdef1234567890abcdef</Application>
 */
export const Application = component(v.Application);

/**
 * The SID of an `<Application>` that also carries `<Parameter>`s.
 * @example
 * <ApplicationSid>AP1234567890abcdef1234567890abcdef</ApplicationSid>
 * // <ApplicationSid>AP1234567890abcdef1234567890abcdef</ApplicationSid>
 */
export const ApplicationSid = component(v.ApplicationSid);

/**
 * A WhatsApp user to call (the `<Dial>` needs `callerId="whatsapp:…"`).
 * @example
 * <WhatsApp>+15555550100</WhatsApp>
 * // <WhatsApp>+15555550100</WhatsApp>
 */
export const WhatsApp = component(v.WhatsApp);

// ───────────────────────────── Pay ─────────────────────────────

/**
 * Collects a card or bank account securely and charges or tokenizes it through a Pay Connector.
 * @example
 * <Pay chargeAmount="10.50" action="https://example.com/paid" />
 * // <Pay chargeAmount="10.50" action="https://example.com/paid"/>
 */
export const Pay = component(v.Pay);

/**
 * Replaces one of `<Pay>`'s built-in prompts with your own `<Say>`/`<Play>`.
 * @example
 * <Prompt for="payment-card-number"><Say>Enter your card number</Say></Prompt>
 * // <Prompt for="payment-card-number"><Say>Enter your card number</Say></Prompt>
 */
export const Prompt = component(v.Prompt);

// ───────────────────────────── Connect ─────────────────────────────

/**
 * Connects the call to a service: a media stream, a Video room, a virtual agent, an AI session…
 * @example
 * <Connect action="/after"><Stream url="wss://example.com/audio" /></Connect>
 * // <Connect action="/after"><Stream url="wss://example.com/audio"/></Connect>
 */
export const Connect = component(v.Connect);

/**
 * A Twilio Video room to connect the call to, by name.
 * @example
 * <Room participantIdentity="alice">daily-standup</Room>
 * // <Room participantIdentity="alice">daily-standup</Room>
 */
export const Room = component(v.Room);

/**
 * Connects the call to a Conversations service.
 * @example
 * <Conversation serviceInstanceSid="IS1234567890abcdef1234567890abcdef" />
 * // <Conversation serviceInstanceSid="IS1234567890abcdef1234567890abcdef"/>
 */
export const Conversation = component(v.Conversation);

/**
 * Connects the call to a Dialogflow CX virtual agent.
 * @example
 * <VirtualAgent connectorName="support-bot" />
 * // <VirtualAgent connectorName="support-bot"/>
 */
export const VirtualAgent = component(v.VirtualAgent);

/**
 * Connects the call to your AI application over a WebSocket, with speech recognition and
 * text-to-speech handled by Twilio.
 * @example
 * <ConversationRelay url="wss://example.com/relay" welcomeGreeting="Hi!" />
 * // <ConversationRelay url="wss://example.com/relay" welcomeGreeting="Hi!"/>
 */
export const ConversationRelay = component(v.ConversationRelay);

/**
 * Connects the call to a ConversationRelay session configured in Twilio.
 * @example
 * <ConversationRelaySession connector="my-connector" />
 * // <ConversationRelaySession connector="my-connector"/>
 */
export const ConversationRelaySession = component(v.ConversationRelaySession);

/**
 * Connects the call to an AI session through an installed AI connector.
 * @example
 * <AiSession aiConnector="my-connector" />
 * // <AiSession aiConnector="my-connector"/>
 */
export const AiSession = component(v.AiSession);

/**
 * Connects the call to a Twilio AI Assistant.
 * @example
 * <Assistant id="aia_asst_123" />
 * // <Assistant id="aia_asst_123"/>
 */
export const Assistant = component(v.Assistant);

/**
 * Per-language speech settings of a `<ConversationRelay>` or `<Assistant>`.
 * @example
 * <Language code="es-ES" ttsProvider="Google" voice="es-ES-Neural2-B" />
 * // <Language code="es-ES" ttsProvider="Google" voice="es-ES-Neural2-B"/>
 */
export const Language = component(v.Language);

/**
 * Connects the call to an Autopilot assistant (Autopilot is retired).
 * @example
 * <Autopilot>UA1234567890abcdef1234567890abcdef</Autopilot>
 * // <Autopilot>UA1234567890abcdef1234567890abcdef</Autopilot>
 */
export const Autopilot = component(v.Autopilot);

// ───────────────────────────── Start / Stop ─────────────────────────────

/**
 * Starts something that runs alongside the call (a media stream, a transcription, a recording…)
 * and goes on with the next verb.
 * @example
 * <Start><Stream name="audio" url="wss://example.com/audio" /></Start>
 * // <Start><Stream name="audio" url="wss://example.com/audio"/></Start>
 */
export const Start = component(v.Start);

/**
 * Stops what a `<Start>` started, by name.
 * @example
 * <Stop><Stream name="audio" /></Stop>
 * // <Stop><Stream name="audio"/></Stop>
 */
export const Stop = component(v.Stop);

/**
 * Streams the call's audio to a WebSocket (one-way in `<Start>`, two-way in `<Connect>`).
 * @example
 * <Stream url="wss://example.com/audio" track="inbound_track" />
 * // <Stream url="wss://example.com/audio" track="inbound_track"/>
 */
export const Stream = component(v.Stream);

/**
 * Forks the call's media to a SIPREC recorder.
 * @example
 * <Siprec name="rec" connectorName="my-recorder" />
 * // <Siprec name="rec" connectorName="my-recorder"/>
 */
export const Siprec = component(v.Siprec);

/**
 * Transcribes the call in real time.
 * @example
 * <Transcription name="live" statusCallbackUrl="https://example.com/transcripts" />
 * // <Transcription name="live" statusCallbackUrl="https://example.com/transcripts"/>
 */
export const Transcription = component(v.Transcription);

/**
 * Records the call in the background while the flow goes on.
 * @example
 * <Recording channels="dual" recordingStatusCallback="/recorded" />
 * // <Recording channels="dual" recordingStatusCallback="/recorded"/>
 */
export const Recording = component(v.Recording);

/**
 * Filters the call's media (e.g. noise reduction).
 * @example
 * <MediaFilter filterType="noise" />
 * // <MediaFilter filterType="noise"/>
 */
export const MediaFilter = component(v.MediaFilter);

/**
 * A custom name/value passed to a stream, client, application or service.
 * @example
 * <Parameter name="customerId" value="42" />
 * // <Parameter name="customerId" value="42"/>
 */
export const Parameter = component(v.Parameter);

/**
 * A configuration name/value of a `<VirtualAgent>` or `<Transcription>`.
 * @example
 * <Config name="language" value="en-US" />
 * // <Config name="language" value="en-US"/>
 */
export const Config = component(v.Config);

// ───────────────────────────── SSML (inside Say) ─────────────────────────────

/**
 * SSML `<break>`: a pause inside `<Say>`.
 * @example
 * <Break time="500ms" />
 * // <break time="500ms"/>
 */
export const Break = component(v.Break);

/**
 * SSML `<emphasis>`: stresses words.
 * @example
 * <Emphasis level="strong">now</Emphasis>
 * // <emphasis level="strong">now</emphasis>
 */
export const Emphasis = component(v.Emphasis);

/**
 * SSML `<lang>`: words in another language (`xmlLang` renders `xml:lang`).
 * @example
 * <Lang xmlLang="fr-FR">bonjour</Lang>
 * // <lang xml:lang="fr-FR">bonjour</lang>
 */
export const Lang = component(v.Lang);

/**
 * SSML `<p>`: a paragraph.
 * @example
 * <P>First paragraph.</P>
 * // <p>First paragraph.</p>
 */
export const P = component(v.P);

/**
 * SSML `<phoneme>`: a phonetic pronunciation.
 * @example
 * <Phoneme alphabet="ipa" ph="pɪˈkɑːn">pecan</Phoneme>
 * // <phoneme alphabet="ipa" ph="pɪˈkɑːn">pecan</phoneme>
 */
export const Phoneme = component(v.Phoneme);

/**
 * SSML `<prosody>`: pitch, speed and volume.
 * @example
 * <Prosody rate="80%" volume="+6dB">slowly and loudly</Prosody>
 * // <prosody rate="80%" volume="+6dB">slowly and loudly</prosody>
 */
export const Prosody = component(v.Prosody);

/**
 * SSML `<s>`: a sentence.
 * @example
 * <S>One sentence.</S>
 * // <s>One sentence.</s>
 */
export const S = component(v.S);

/**
 * SSML `<say-as>`: how to read a value (`interpretAs` renders `interpret-as`).
 * @example
 * <SayAs interpretAs="digits">1234</SayAs>
 * // <say-as interpret-as="digits">1234</say-as>
 */
export const SayAs = component(v.SayAs);

/**
 * SSML `<sub>`: says `alias` instead of the text.
 * @example
 * <Sub alias="World Wide Web Consortium">W3C</Sub>
 * // <sub alias="World Wide Web Consortium">W3C</sub>
 */
export const Sub = component(v.Sub);

/**
 * SSML `<w>`: a word with a part of speech.
 * @example
 * <W role="amazon:VBD">read</W>
 * // <w role="amazon:VBD">read</w>
 */
export const W = component(v.W);

// ───────────────────────────── Messaging ─────────────────────────────

/**
 * A reply message (SMS, MMS, WhatsApp): text, or `<Body>` and up to 10 `<Media>`.
 * @example
 * <Message to="+15555550100">Thanks! <Media>https://example.com/cat.jpg</Media></Message>
 * // <Message to="+15555550100">Thanks! <Media>https://example.com/cat.jpg</Media></Message>
 */
export const Message = component(v.Message);

/**
 * The text of a `<Message>`.
 * @example
 * <Body>See you soon</Body>
 * // <Body>See you soon</Body>
 */
export const Body = component(v.Body);

/**
 * A media URL attached to a `<Message>` (MMS/WhatsApp).
 * @example
 * <Media>https://example.com/cat.jpg</Media>
 * // <Media>https://example.com/cat.jpg</Media>
 */
export const Media = component(v.Media);

// ───────────────────────────── Fax ─────────────────────────────

/**
 * Accepts an incoming fax.
 * @example
 * <Receive action="/fax-received" mediaType="image/tiff" />
 * // <Receive action="/fax-received" mediaType="image/tiff"/>
 */
export const Receive = component(v.Receive);
