/** @jsxImportSource twiml-jsx */
/** Package test: the per-file pragma, with no jsxImportSource in tsconfig. */
import { Hangup, render, Response, Say } from 'twiml-jsx';

console.log(
  render(
    <Response>
      <Say>Goodbye</Say>
      <Hangup />
    </Response>,
  ),
);
