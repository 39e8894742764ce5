/** Package test: CommonJS consumers, without JSX. */
const { render, Response, Say } = require('twiml-jsx');
const { jsx, jsxs } = require('twiml-jsx/jsx-runtime');
const { jsxDEV } = require('twiml-jsx/jsx-dev-runtime');
const { parse } = require('twiml-jsx/xml');

const tree = jsxs(Response, { children: [jsx(Say, { children: 'Hi' }), jsxDEV(Say, { children: 'Bye' })] });
const xml = render(tree);
console.log(xml);
console.log(render(parse(xml)) === xml ? 'round trip ok' : 'round trip FAILED');
