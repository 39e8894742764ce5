/**
 * Names of 0.1 that did not follow the naming rule (`TwiML` spelled as Twilio spells it in every
 * public name). They still work and are the same functions and types; they are removed in 0.3.
 */
import { expressTwiML } from './express.js';
import { fastifyTwiML } from './fastify.js';
import { sendTwiML } from './node.js';
import type { TwiMLInit } from './serve.js';

/** @deprecated use `TwiMLInit`; removed in 0.3 */
export type TwimlInit = TwiMLInit;

/** @deprecated use `sendTwiML`; removed in 0.3 */
export const sendTwiml = sendTwiML;

/** @deprecated use `expressTwiML`; removed in 0.3 */
export const expressTwiml = expressTwiML;

/** @deprecated use `fastifyTwiML`; removed in 0.3 */
export const fastifyTwiml = fastifyTwiML;
