/** @jsxImportSource preact */
/**
 * The chat: text the messaging route (with an optional media URL) and see the replies as
 * bubbles, pictures as thumbnails. Redirects and `<Message action>`s are followed by the
 * simulator; a failed exchange shows why.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatEntry } from '../protocol.js';
import { act } from './api.js';

const IMAGE = /\.(png|jpe?g|gif|webp|svg|bmp|avif)$/i;

/** A picture by its extension, or a URL without one (worth a try; a link if it fails). */
function looksLikeImage(url: string): boolean {
  try {
    const path = new URL(url).pathname;
    return IMAGE.test(path) || !/\.[a-z0-9]{2,5}$/i.test(path);
  } catch {
    return false;
  }
}

function Media({ url }: { url: string }) {
  const [broken, setBroken] = useState(false);
  if (!broken && looksLikeImage(url)) {
    return (
      <a href={url} target="_blank" rel="noreferrer noopener" class="thumb">
        <img
          src={url}
          alt={`media: ${url}`}
          loading="lazy"
          referrerpolicy="no-referrer"
          onError={() => setBroken(true)}
        />
      </a>
    );
  }
  return (
    <a href={url} target="_blank" rel="noreferrer noopener" class="attachment">
      {url}
    </a>
  );
}

function Bubble({ entry }: { entry: ChatEntry }) {
  const who =
    entry.kind === 'sent' ? 'You' : entry.kind === 'reply' ? 'Reply' : entry.kind === 'note' ? 'Note' : 'Error';
  return (
    <li class={`bubble ${entry.kind}`} data-kind={entry.kind}>
      <span class="text">
        <span class="sr-only">{who}: </span>
        {entry.body}
      </span>
      {entry.media.map((url) => (
        <Media key={url} url={url} />
      ))}
      {entry.kind === 'reply' && entry.to && <span class="meta">to {entry.to}</span>}
    </li>
  );
}

export interface MessagesProps {
  readonly messages: readonly ChatEntry[];
  readonly numbers: { readonly from: string; readonly to: string };
  readonly sms: string;
}

export function Messages({ messages, numbers, sms }: MessagesProps) {
  const [body, setBody] = useState('');
  const [mediaUrl, setMediaUrl] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [messages.length]);

  const send = async (event: Event) => {
    event.preventDefault();
    if (body.trim() === '' && mediaUrl.trim() === '') return;
    const reason = await act('/api/message', { ...numbers, body, mediaUrl: mediaUrl.trim() });
    setProblem(reason);
    if (reason === undefined) {
      setBody('');
      setMediaUrl('');
    }
  };

  return (
    <section class="panel messages" aria-labelledby="messages-title">
      <h2 id="messages-title">Messages</h2>
      <div class="chat" ref={list} role="log" aria-label="Conversation">
        <ol>
          {messages.length === 0 && <li class="muted">Text POST {sms} from the phone's number.</li>}
          {messages.map((entry) => (
            <Bubble key={entry.seq} entry={entry} />
          ))}
        </ol>
      </div>
      <form class="compose" onSubmit={send}>
        <label>
          Message
          <input
            name="message"
            value={body}
            autocomplete="off"
            onInput={(e) => setBody((e.target as HTMLInputElement).value)}
          />
        </label>
        <label>
          Media URL
          <input
            name="media"
            type="url"
            value={mediaUrl}
            placeholder="optional: https://…/photo.jpg"
            autocomplete="off"
            onInput={(e) => setMediaUrl((e.target as HTMLInputElement).value)}
          />
        </label>
        <button type="submit" disabled={body.trim() === '' && mediaUrl.trim() === ''}>
          Send
        </button>
      </form>
      {problem && (
        <p class="problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
