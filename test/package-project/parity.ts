/**
 * Package test: the packed package renders every vocabulary element, and random documents,
 * byte for byte like the official helper. Bundled by esbuild with `twiml-jsx` left external,
 * so it runs against the installed package.
 */
import fc from 'fast-check';
import { render } from 'twiml-jsx';
import { NOT_IN_INSTALLED_HELPER, officialRender, toElement } from '../support/official.js';
import { documentOf, everyElementDocuments } from '../support/samples.js';

let elements = 0;
for (const { tag, doc } of everyElementDocuments()) {
  if (NOT_IN_INSTALLED_HELPER.includes(tag)) continue;
  const ours = render(toElement(doc), { validate: false });
  const theirs = officialRender(doc);
  if (ours !== theirs) throw new Error(`<${tag}> differs:\n${ours}\n${theirs}`);
  elements++;
}
fc.assert(
  fc.property(documentOf(), (doc) => render(toElement(doc), { validate: false }) === officialRender(doc)),
  { numRuns: 500 },
);
console.log(`${elements} elements and 500 random documents identical`);
