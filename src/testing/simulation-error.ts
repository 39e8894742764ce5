/** The error a simulation fails with. */
import type { SimulatedRequest } from './fetch.js';

/**
 * The app answered something Twilio could not use (an error status, a body that is not TwiML,
 * invalid TwiML, a loop), or did not answer. The message names the request and what was wrong.
 *
 * @example
 * await simulateCall(app.fetch); // SimulationError: POST https://example.com/voice answered 404:\nNot Found
 */
export class SimulationError extends Error {
  override name = 'SimulationError' as const;

  constructor(
    message: string,
    /** Every request so far, the failing one last. */
    readonly requests: readonly SimulatedRequest[],
  ) {
    super(message);
  }
}
