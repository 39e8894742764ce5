/**
 * The whole TwiML vocabulary: every element's table, by component name, and lookups by tag.
 * Components (`src/components.ts`), prop types (`props.ts`), the validator and the CLI's
 * converter all read these tables; nothing else describes an element.
 */
import * as connect from './connect.js';
import * as dial from './dial.js';
import * as fax from './fax.js';
import * as messaging from './messaging.js';
import * as parameters from './parameters.js';
import * as pay from './pay.js';
import * as response from './response.js';
import type { ElementSpec } from './spec.js';
import * as ssml from './ssml.js';
import * as streams from './streams.js';
import * as voice from './voice.js';

/** Every element table, keyed by its component name. */
export const vocabulary = {
  ...response,
  ...voice,
  ...dial,
  ...pay,
  ...connect,
  ...streams,
  ...parameters,
  ...ssml,
  ...messaging,
  ...fax,
};

/** Component names, as exported from `twiml-jsx`. */
export type ComponentName = keyof typeof vocabulary;

const byTag = new Map<string, ElementSpec>();
const names = new Map<string, string>();
for (const [name, value] of Object.entries(vocabulary) as [string, unknown][]) {
  if (typeof value === 'object' && value !== null && 'tag' in value && 'attributes' in value) {
    const spec = value as ElementSpec;
    byTag.set(spec.tag, spec);
    names.set(spec.tag, name);
  }
}

/** The table of an XML tag (`say-as`, `Say`), or `undefined` for tags TwiML does not have. */
export function specOf(tag: string): ElementSpec | undefined {
  return byTag.get(tag);
}

/** The component name of an XML tag (`say-as` → `SayAs`). */
export function componentNameOf(tag: string): string | undefined {
  return names.get(tag);
}

/** Every XML tag of the vocabulary. */
export function allTags(): IterableIterator<string> {
  return byTag.keys();
}

export type { AttributeSpec, ElementSpec, TextSpec } from './spec.js';
