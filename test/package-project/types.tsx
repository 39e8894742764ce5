/** Package test: the published types refuse wrong props (tsc fails on an unused directive). */
import { Gather, Hangup, Pause, Say } from 'twiml-jsx';

// @ts-expect-error misspelled attribute
export const a = <Gather numDigit={1} />;
// @ts-expect-error wrong enum value
export const b = <Gather input={['voice']} />;
// @ts-expect-error wrong value type
export const c = <Pause length="2" />;
// @ts-expect-error content in an empty element
export const d = <Hangup>bye</Hangup>;
export const e = <Say voice="Polly.Joanna-Neural">ok</Say>;
