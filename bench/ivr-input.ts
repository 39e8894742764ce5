/**
 * What changes from call to call in the benchmark document (bench/ivr.tsx), and the shape every
 * contender's renderer has: the IVR in two variants, with a `<Hangup/>` after the `<Redirect>`
 * (unreachable: twiml-jsx warns about it) and without it.
 */
export interface IvrInput {
  /** Spoken in the greeting; holds `&` and `<…>`, so the text needs escaping. */
  readonly company: string;
  readonly retries: number;
}

export const input: IvrInput = { company: 'Owl & Co. <Support>', retries: 1 };

/** The XML declaration the official helper writes first; the peers that do not write it prepend it. */
export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** The variants of the document: with the unreachable `<Hangup/>` (a warning) and without it. */
export const VARIANTS = ['with warning', 'without warning'] as const;
export type Variant = (typeof VARIANTS)[number];

/** One contender: renders the IVR document for an input, in both variants. */
export interface IvrRenderer {
  /** The document with `<Hangup/>` after `<Redirect>`. */
  readonly withWarning: (input: IvrInput) => string;
  /** The same document without the `<Hangup/>`. */
  readonly withoutWarning: (input: IvrInput) => string;
}

/** A JSX library rendering the same tree: the renderer, its name and version, and how its output differs from TwiML's bytes. */
export interface Peer extends IvrRenderer {
  readonly name: string;
  /** The package whose version is reported (read from its package.json). */
  readonly package: string;
  /** What its output looks like next to the official helper's bytes (the element trees are equal; checked). */
  readonly differences: string;
  /** Attributes (`Tag@name`) whose value it writes its own way; the tree comparison checks only that they are there. */
  readonly looseAttributes?: readonly string[];
}
