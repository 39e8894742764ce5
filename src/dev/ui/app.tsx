/** @jsxImportSource preact */
/**
 * The page: follows the server's events (Server-Sent Events) with the same reducer as the server,
 * and lays out the phone, the transcript, the flow graph, the requests and the messages.
 */
import { useLayoutEffect, useState } from 'preact/hooks';
import { type PageEvent, type PageState, reduce } from '../protocol.js';
import { FlowGraphView } from './graph.js';
import { Messages } from './messages.js';
import { Phone } from './phone.js';
import { Requests } from './requests.js';
import { Transcript } from './transcript.js';

/** The session's state, kept up to date by the event stream. */
function useSession(): { state: PageState | undefined; connected: boolean } {
  const [state, setState] = useState<PageState | undefined>(undefined);
  const [connected, setConnected] = useState(false);
  // A layout effect: connected as soon as the page is mounted, without waiting for a paint.
  useLayoutEffect(() => {
    const events = new EventSource('/events');
    events.onopen = () => setConnected(true);
    events.onerror = () => setConnected(false);
    events.onmessage = (message: MessageEvent<string>) => {
      const event = JSON.parse(message.data) as PageEvent;
      setState((current) => (event.type === 'snapshot' ? event.state : current && reduce(current, event)));
    };
    return () => events.close();
  }, []);
  return { state, connected };
}

function ModuleStatus({ state }: { state: PageState }) {
  const { module, config } = state;
  const loaded = module.loadedAt !== undefined ? `loaded ${new Date(module.loadedAt).toLocaleString()}` : undefined;
  if (module.status === 'url') return <span class="module">{config.target}</span>;
  if (module.status === 'error') {
    return (
      <span class="module error" role="alert">
        {config.target} did not load{module.version > 0 ? ' (the previous version still answers)' : ''}:
        <pre>{module.error}</pre>
      </span>
    );
  }
  return (
    <span class="module" title={loaded}>
      {config.target} · {module.status === 'loading' ? 'loading' : `version ${module.version}`}
    </span>
  );
}

export function App() {
  const { state, connected } = useSession();
  const [from, setFrom] = useState<string | undefined>(undefined);
  const [to, setTo] = useState<string | undefined>(undefined);
  const [sound, setSound] = useState(false);
  if (state === undefined) {
    return <p class="connecting">{connected ? 'Loading…' : 'Connecting to twiml-jsx dev…'}</p>;
  }
  const numbers = { from: from ?? state.config.from, to: to ?? state.config.to };
  return (
    <div class="layout">
      <header class="bar">
        <h1>twiml-jsx dev</h1>
        <ModuleStatus state={state} />
        <span class="muted">
          voice: POST {state.config.voice} · sms: POST {state.config.sms} ·{' '}
          {state.config.signed ? 'signed requests' : 'unsigned requests'}
        </span>
        {!connected && (
          <span class="offline" role="alert">
            Disconnected from the dev server; reconnecting…
          </span>
        )}
      </header>
      <div class="column left">
        <Phone call={state.call} numbers={numbers} onFrom={setFrom} onTo={setTo} sound={sound} onSound={setSound} />
        <Messages messages={state.messages} numbers={numbers} sms={state.config.sms} />
      </div>
      <div class="column middle">
        <Transcript call={state.call} sound={sound} />
      </div>
      <div class="column right">
        <FlowGraphView graph={state.graph} />
        <Requests requests={state.requests} dropped={state.droppedRequests} />
      </div>
    </div>
  );
}
