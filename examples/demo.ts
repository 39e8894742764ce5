/**
 * `npm run demo`: renders every example flow and prints its TwiML.
 */
import { render, type TwiMLElement } from 'twiml-jsx';
import { examples } from './index.jsx';

for (const { name, route, element } of examples) {
  const heading = `── ${name} (${route}) `;
  console.log(heading.padEnd(100, '─'));
  console.log(render(element() as TwiMLElement, { pretty: true }));
  console.log();
}
