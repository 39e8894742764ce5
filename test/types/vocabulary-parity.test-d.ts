/**
 * The type-only lists (voices, languages) are the same sets as the official helper's
 * (npm `twilio` 6.3.1). Checked by `npm run typecheck`.
 */
import type VoiceResponse from 'twilio/lib/twiml/VoiceResponse.js';
import type { KnownVoice, SayVoiceName } from 'twiml-jsx';
import type { GATHER_LANGUAGES, PAY_LANGUAGES, SAY_LANGUAGES, SSML_LANGUAGES } from '../../src/vocabulary/languages.js';

// The helper's enum types are not exported; reach them through its exported attribute interfaces.
type SayVoice = NonNullable<VoiceResponse.SayAttributes['voice']>;
type SayLanguage = NonNullable<VoiceResponse.SayAttributes['language']>;
type GatherLanguage = NonNullable<VoiceResponse.GatherAttributes['language']>;
type SsmlLangXmlLang = NonNullable<VoiceResponse.SsmlLangAttributes['xml:lang']>;
type PayLanguage = NonNullable<VoiceResponse.PayAttributes['language']>;

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Subset<A, B> = [A] extends [B] ? true : false;

export const voices: Equal<KnownVoice, SayVoice> = true;
export const sayLanguages: Equal<(typeof SAY_LANGUAGES)[number], SayLanguage> = true;
export const gatherLanguages: Equal<(typeof GATHER_LANGUAGES)[number], GatherLanguage> = true;
export const ssmlLanguages: Equal<(typeof SSML_LANGUAGES)[number], SsmlLangXmlLang> = true;
// Pay adds es-MX, which Twilio's Pay page lists and the helper lacks.
export const payLanguages: Subset<PayLanguage, (typeof PAY_LANGUAGES)[number]> = true;
// Every voice the helper knows is a valid <Say voice>, and so is any new provider voice.
export const sayVoice: Subset<SayVoice | 'Polly.Future-Neural', SayVoiceName> = true;
