/** @jsxImportSource preact */
/**
 * The requests: every webhook exchange, with the parameters sent, the status, content type and
 * time, the TwiML answered pretty-printed, and its problems by code and path with the elements
 * they name highlighted. An answer that is not TwiML is shown by its beginning.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { RequestView } from '../protocol.js';

const statusClass = (request: RequestView) =>
  request.error !== undefined || request.status === 0 || request.status >= 400 ? 'bad' : 'good';

function Document({ request }: { request: RequestView }) {
  const lines = request.document ?? [];
  return (
    <pre class="twiml" aria-label="TwiML answered">
      {lines.map((line, i) => {
        const text = `${'  '.repeat(line.depth)}${line.text}`;
        return line.marked ? (
          <mark key={i} data-path={line.path} title={line.path}>
            {text}
            {'\n'}
          </mark>
        ) : (
          <span key={i} data-path={line.path}>
            {text}
            {'\n'}
          </span>
        );
      })}
    </pre>
  );
}

function Request({ request, open }: { request: RequestView; open: boolean }) {
  const params = Object.entries(request.params);
  return (
    <li class={`request ${statusClass(request)}`} data-node={request.node}>
      <details open={open}>
        <summary>
          <span class="method">{request.method}</span> <span class="url">{request.display}</span>{' '}
          <span class="code">{request.status === 0 ? 'no answer' : request.status}</span>{' '}
          {request.contentType && <span class="type">{request.contentType.split(';')[0]}</span>}{' '}
          {request.durationMs !== undefined && <span class="time">{Math.round(request.durationMs)} ms</span>}{' '}
          {(request.cause ?? request.label) && <span class="cause">{request.cause ?? request.label}</span>}
          {request.problems.length > 0 && (
            <span class="count">
              {request.problems.length} problem{request.problems.length === 1 ? '' : 's'}
            </span>
          )}
        </summary>
        {request.error !== undefined && (
          <p class="error" role="note">
            {request.error.split('\n')[0]}
          </p>
        )}
        <details class="params">
          <summary>Parameters ({params.length})</summary>
          <table>
            <tbody>
              {params.map(([name, value]) => (
                <tr key={name}>
                  <th scope="row">{name}</th>
                  <td>{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        {request.problems.length > 0 && (
          <ul class="problems" aria-label="Problems">
            {request.problems.map((problem, i) => (
              <li key={i} class={problem.severity}>
                <span class="severity">{problem.severity}</span> <code>{problem.code}</code> at{' '}
                <code class="path">{problem.path || '(document)'}</code>
                {problem.line !== undefined && (
                  <span class="muted">
                    {' '}
                    (line {problem.line}, column {problem.column ?? 1})
                  </span>
                )}
                : {problem.message}
              </li>
            ))}
          </ul>
        )}
        {request.document !== undefined ? (
          <Document request={request} />
        ) : (
          <div class="body">
            <p class="muted">
              {request.bodyStart === '' || request.bodyStart === undefined
                ? 'The answer had no body.'
                : `The answer (${request.contentType || 'no content type'}) is not TwiML; it begins:`}
            </p>
            {request.bodyStart ? (
              <pre class="raw">
                {request.bodyStart}
                {request.bodyMore !== undefined && `\n… (${request.bodyMore} more characters)`}
              </pre>
            ) : null}
          </div>
        )}
      </details>
    </li>
  );
}

export function Requests({ requests, dropped }: { requests: readonly RequestView[]; dropped: number }) {
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const element = list.current;
    if (element) element.scrollTop = element.scrollHeight;
  }, [requests.length]);
  return (
    <section class="panel requests" aria-labelledby="requests-title">
      <h2 id="requests-title">Requests</h2>
      <ol class="list" ref={list}>
        {requests.length === 0 && <li class="muted">Each webhook request and its answer appears here.</li>}
        {dropped > 0 && <li class="muted">{dropped} earlier requests not shown</li>}
        {requests.map((request, i) => (
          <Request key={request.id} request={request} open={i === requests.length - 1} />
        ))}
      </ol>
    </section>
  );
}
