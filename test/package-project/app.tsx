/** Package test: a flow compiled by tsc against the packed package, then run by Node. */
import { Dial, Gather, Number, Redirect, render, Response, Say } from 'twiml-jsx';

function Menu({ retries }: { retries: number }) {
  return (
    <Response>
      <Gather input={['dtmf', 'speech']} numDigits={1} action="/menu/choice" timeout={5}>
        <Say voice="Polly.Joanna">For sales press 1. For support press 2.</Say>
      </Gather>
      {retries < 3 ? (
        <Redirect>/menu?retries={retries + 1}</Redirect>
      ) : (
        <Dial>
          <Number>+15555550100</Number>
        </Dial>
      )}
    </Response>
  );
}

console.log(render(<Menu retries={0} />));
