/**
 * Every example flow (apps.tsx) as one module for the dev phone:
 *
 *   npx twiml-jsx dev examples/dev-app.tsx
 *   # → twiml-jsx dev: http://127.0.0.1:4000  (voice: POST /voice, sms: POST /sms)
 *
 * The default export is the Hono app; its signature check reads TWILIO_AUTH_TOKEN, which the dev
 * server signs with (or makes up for the session when it is unset). Try `--voice /conference`,
 * `--voice /forward` for the other flows.
 */
import { createHonoApp } from './apps.js';

export default createHonoApp();
