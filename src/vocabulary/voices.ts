/**
 * The voices `<Say voice>` knows by name (type-only: nothing here reaches the bundle).
 *
 * Generated from the `SayVoice` type of the official helper (npm `twilio` 6.3.1);
 * `test/types/vocabulary-parity.test-d.ts` proves this union and that one are the same set.
 * Twilio adds voices often, so `<Say voice>` also takes any `Polly.*`, `Google.*` or
 * `ElevenLabs.*` name (see `SayVoiceName`).
 */
import type { OpenUnion } from './spec.js';

/** The basic voices (no SSML support). */
export type BasicVoice = 'man' | 'woman' | 'alice';

/** Amazon Polly standard voices, written `Polly.<Name>`. */
export type PollyStandardName =
  | 'Aditi'
  | 'Amy'
  | 'Astrid'
  | 'Bianca'
  | 'Brian'
  | 'Camila'
  | 'Carla'
  | 'Carmen'
  | 'Celine'
  | 'Chantal'
  | 'Conchita'
  | 'Cristiano'
  | 'Dora'
  | 'Emma'
  | 'Enrique'
  | 'Ewa'
  | 'Filiz'
  | 'Geraint'
  | 'Giorgio'
  | 'Gwyneth'
  | 'Hans'
  | 'Ines'
  | 'Ivy'
  | 'Jacek'
  | 'Jan'
  | 'Joanna'
  | 'Joey'
  | 'Justin'
  | 'Karl'
  | 'Kendra'
  | 'Kevin'
  | 'Kimberly'
  | 'Lea'
  | 'Liv'
  | 'Lotte'
  | 'Lucia'
  | 'Lupe'
  | 'Mads'
  | 'Maja'
  | 'Marlene'
  | 'Mathieu'
  | 'Matthew'
  | 'Maxim'
  | 'Mia'
  | 'Miguel'
  | 'Mizuki'
  | 'Naja'
  | 'Nicole'
  | 'Penelope'
  | 'Raveena'
  | 'Ricardo'
  | 'Ruben'
  | 'Russell'
  | 'Salli'
  | 'Seoyeon'
  | 'Takumi'
  | 'Tatyana'
  | 'Vicki'
  | 'Vitoria'
  | 'Zeina'
  | 'Zhiyu';

/** Amazon Polly neural voices, written `Polly.<Name>-Neural`. */
export type PollyNeuralName =
  | 'Adriano'
  | 'Amy'
  | 'Andres'
  | 'Aria'
  | 'Arlet'
  | 'Arthur'
  | 'Ayanda'
  | 'Bianca'
  | 'Brian'
  | 'Burcu'
  | 'Camila'
  | 'Daniel'
  | 'Danielle'
  | 'Elin'
  | 'Emma'
  | 'Gabrielle'
  | 'Gregory'
  | 'Hala'
  | 'Hannah'
  | 'Hiujin'
  | 'Ida'
  | 'Ines'
  | 'Isabelle'
  | 'Ivy'
  | 'Joanna'
  | 'Joey'
  | 'Justin'
  | 'Kajal'
  | 'Kazuha'
  | 'Kendra'
  | 'Kevin'
  | 'Kimberly'
  | 'Laura'
  | 'Lea'
  | 'Liam'
  | 'Lisa'
  | 'Lucia'
  | 'Lupe'
  | 'Matthew'
  | 'Mia'
  | 'Niamh'
  | 'Ola'
  | 'Olivia'
  | 'Pedro'
  | 'Remi'
  | 'Ruth'
  | 'Salli'
  | 'Seoyeon'
  | 'Sergio'
  | 'Sofie'
  | 'Stephen'
  | 'Suvi'
  | 'Takumi'
  | 'Thiago'
  | 'Tomoko'
  | 'Vicki'
  | 'Vitoria'
  | 'Zayd'
  | 'Zhiyu';

/** Amazon Polly generative voices, written `Polly.<Name>-Generative`. */
export type PollyGenerativeName =
  | 'Amy'
  | 'Andres'
  | 'Ayanda'
  | 'Bianca'
  | 'Daniel'
  | 'Danielle'
  | 'Joanna'
  | 'Kajal'
  | 'Lea'
  | 'Lucia'
  | 'Lupe'
  | 'Matthew'
  | 'Mía'
  | 'Olivia'
  | 'Pedro'
  | 'Rémi'
  | 'Ruth'
  | 'Sergio'
  | 'Stephen'
  | 'Vicki';

export type PollyVoice =
  | `Polly.${PollyStandardName}`
  | `Polly.${PollyNeuralName}-Neural`
  | `Polly.${PollyGenerativeName}-Generative`;

/** Google voices, written `Google.<locale>-<family>-<variant>`, by locale. */
export interface GoogleVoicesByLocale {
  'af-ZA': `${'Standard'}-${'A'}`;
  'am-ET': `${'Standard'}-${'A' | 'B'}` | `${'Wavenet'}-${'A' | 'B'}`;
  'ar-XA':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D'}`;
  'bg-BG': `${'Standard'}-${'A' | 'B'}`;
  'bn-IN':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D'}`;
  'ca-ES': `${'Standard'}-${'A' | 'B'}`;
  'cmn-CN':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D'}`;
  'cmn-TW': `${'Standard'}-${'A' | 'B' | 'C'}` | `${'Wavenet'}-${'A' | 'B' | 'C'}`;
  'cs-CZ': `${'Standard'}-${'A' | 'B'}` | `${'Wavenet'}-${'A' | 'B'}`;
  'da-DK':
    | `${'Neural2'}-${'D' | 'F'}`
    | `${'Standard'}-${'A' | 'C' | 'D' | 'E' | 'F' | 'G'}`
    | `${'Wavenet'}-${'A' | 'C' | 'D' | 'E' | 'F' | 'G'}`;
  'de-DE':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Neural2'}-${'A' | 'B' | 'C' | 'D' | 'F' | 'G' | 'H'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H'}`;
  'el-GR': `${'Standard'}-${'A' | 'B'}` | `${'Wavenet'}-${'A' | 'B'}`;
  'en-AU':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Neural2'}-${'A' | 'B' | 'C' | 'D'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D'}`;
  'en-GB':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Neural2'}-${'A' | 'B' | 'C' | 'D' | 'F' | 'N' | 'O'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D' | 'F' | 'N' | 'O'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D' | 'F' | 'N' | 'O'}`;
  'en-IN':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Neural2'}-${'A' | 'B' | 'C' | 'D'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F'}`;
  'en-US':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Neural2'}-${'A' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J'}`;
  'es-ES':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Neural2'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H'}`
    | `${'Wavenet'}-${'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H'}`;
  'es-US':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Neural2'}-${'A' | 'B' | 'C'}`
    | `${'Standard'}-${'A' | 'B' | 'C'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C'}`;
  'eu-ES': `${'Standard'}-${'A' | 'B'}`;
  'fi-FI': `${'Standard'}-${'A' | 'B'}` | `${'Wavenet'}-${'A' | 'B'}`;
  'fil-ph': `${'Neural2'}-${'A' | 'D'}`;
  'fil-PH': `${'Standard'}-${'A' | 'B' | 'C' | 'D'}` | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D'}`;
  'fr-CA':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Neural2'}-${'A' | 'B' | 'C' | 'D'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D'}`;
  'fr-FR':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Neural2'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G'}`;
  'gl-ES': `${'Standard'}-${'A' | 'B'}`;
  'gu-IN':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D'}`;
  'he-IL': `${'Standard'}-${'A' | 'B' | 'C' | 'D'}` | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D'}`;
  'hi-IN':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Neural2'}-${'A' | 'B' | 'C' | 'D'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F'}`;
  'hu-HU': `${'Standard'}-${'A' | 'B'}` | `${'Wavenet'}-${'A'}`;
  'id-ID':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D'}`;
  'is-IS': `${'Standard'}-${'A' | 'B'}`;
  'it-IT':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Neural2'}-${'A' | 'C' | 'F'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F'}`;
  'ja-JP':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Neural2'}-${'B' | 'C' | 'D'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D'}`;
  'kn-IN':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D'}`;
  'ko-KR':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Neural2'}-${'A' | 'B' | 'C'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D'}`;
  'lt-LT': `${'Standard'}-${'A' | 'B'}`;
  'lv-LV': `${'Standard'}-${'A' | 'B'}`;
  'ml-IN':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D'}`;
  'mr-IN':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Standard'}-${'A' | 'B' | 'C'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C'}`;
  'ms-MY': `${'Standard'}-${'A' | 'B' | 'C' | 'D'}` | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D'}`;
  'nb-NO':
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G'}`;
  'nl-BE': `${'Standard'}-${'A' | 'B' | 'C' | 'D'}` | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D'}`;
  'nl-NL':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G'}`;
  'pa-IN': `${'Standard'}-${'A' | 'B' | 'C' | 'D'}` | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D'}`;
  'pl-PL':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G'}`;
  'pt-BR':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Neural2'}-${'A' | 'B' | 'C'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D' | 'E'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D' | 'E'}`;
  'pt-PT': `${'Standard'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F'}` | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F'}`;
  'ro-RO': `${'Standard'}-${'A' | 'B'}` | `${'Wavenet'}-${'A' | 'B'}`;
  'ru-RU':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D' | 'E'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D' | 'E'}`;
  'sk-SK': `${'Standard'}-${'A' | 'B'}` | `${'Wavenet'}-${'A' | 'B'}`;
  'sr-RS': `${'Standard'}-${'A'}`;
  'sv-SE':
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G'}`;
  'ta-IN':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D'}`;
  'te-IN':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D'}`;
  'th-TH':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Neural2'}-${'C'}`
    | `${'Standard'}-${'A'}`;
  'tr-TR':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D' | 'E'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D' | 'E'}`;
  'uk-UA': `${'Standard'}-${'A'}` | `${'Wavenet'}-${'A'}`;
  'vi-VN':
    | `${'Chirp3-HD'}-${'Aoede' | 'Charon' | 'Fenrir' | 'Kore' | 'Leda' | 'Orus' | 'Puck' | 'Zephyr'}`
    | `${'Neural2'}-${'A' | 'D'}`
    | `${'Standard'}-${'A' | 'B' | 'C' | 'D'}`
    | `${'Wavenet'}-${'A' | 'B' | 'C' | 'D'}`;
  'yue-HK': `${'Standard'}-${'A' | 'B' | 'C' | 'D'}`;
}

export type GoogleVoice = {
  [Locale in keyof GoogleVoicesByLocale]: `Google.${Locale}-${GoogleVoicesByLocale[Locale]}`;
}[keyof GoogleVoicesByLocale];

/** ElevenLabs voices, written `ElevenLabs.<voice id>`. */
export type ElevenLabsVoiceId =
  | 'XA2bIQ92TabjGbpO2xRr'
  | 'DTKMou8ccj1ZaWGBiotd'
  | 'vBKc2FfBKJfcZNyEt1n6'
  | 'gs0tAILXbY5DNrJrsM6F'
  | 'qEq5B6ivvdkFRAcn7PdO'
  | 'h8RIq0ukSFDr6ipbAxd1'
  | 'TmNe0cCqkZBMwPWOd3RD'
  | 'c6SfcYrb2t09NHXiT80T'
  | '2xwsH0780nkIQ684Jc5B'
  | 'DYkrAHD8iwork3YSUBbs'
  | 'L0Dsvb3SLTyegXwtm47J'
  | 'UgBBYS2sOqTuMpoF3BR0'
  | 'aMSt68OGf4xUZAnLpTU8'
  | 'eR40ATw9ArzDf9h3v7t7'
  | 'Kw9HMUes82uSa2hlywjI'
  | '56AoDkrOh6qfVPDXZ7Pt'
  | 'tZTks1IADvTLcwxNsEQq'
  | 'Pyfg4UDJCrfJylNNFhjg'
  | '9VdJV36lZCxPO8Ydgu3g'
  | 'g6xIsTj2HwM6VR4iXFCw'
  | 'FUfBrNit0NNZAwb58KWH'
  | 'X03mvPuTfprif8QBAVeJ'
  | 'qBDvhofpxp92JgXJxDjB'
  | 'lcMyyd2HUfFzxdCaC4Ta'
  | 'kdVjFjOXaqExaDvXZECX'
  | 'ZaZosYpkIGmSqOwAlfnk'
  | 'egTToTzW6GojvddLj0zd'
  | '5kMbtRSEKIkRZSdXxrZg'
  | 'xKhbyU7E3bC6T89Kn26c'
  | 'kHhWB9Fw3aF6ly7JvltC'
  | 'vDchjyOZZytffNeZXfZK'
  | 'ePn9OncKq8KyJvrTRqTi'
  | 'GhkQkxbimoIykF4iGYqh'
  | 'ChO6kqkVouUn0s7HMunx'
  | 'PjN1x5uqQvyU3DO0gdJz'
  | 'mkrzc6Zmz8alRK0wX5dd'
  | 'JAATlCsz6GCH2vUjFcLg'
  | 'w9rPM8AIZle60Nbpw7nl'
  | 'g4LbLXna3aySyQVdGvRW'
  | 'ys3XeJJA4ArWMhRpcX1D'
  | 'zubqz6JC54rePKNCKZLG'
  | 'C2BkQxlGNzBn7WD2bqfR'
  | '5GZaeOOG7yqLdoTRsaa6'
  | 'OluJZCsIVfyg64DC1NPq'
  | 'hDCQ0elACClokHYB6RkC'
  | 'NIPHfiR4kB4aHfvaKvYb'
  | 'ucgJ8SdlW1CZr9MIm8BP'
  | 't1myskmYQbiTpxXcDfBx'
  | 'IES4nrmZdUBHByLBde0P'
  | 'a1KZUXKFVFDOb33I1uqr'
  | 'mRdG9GYEjJmIzqbYTidv'
  | 'pCKbQ4EPGE06zpEPGNvS'
  | '4wf10lgibMnboGJGCLrP'
  | 's83SAGdFTflAwJcAV81K'
  | 'WuLq5z7nEcrhppO0ZQJw'
  | '4VZIsMPtgggwNg7OXbPY'
  | 'bhJUNIXWQQ94l8eI2VUf'
  | 'hkfHEbBvdQFNX4uWHqRF'
  | '9lHjugDhwqoxA5MhX0az'
  | 'uYFJyGaibp4N2VwYQshk'
  | 'daJ4gHLkIVFskWuoLuDX'
  | 'OAAjJsQDvpg3sVjiLgyl'
  | 'euwLQkcrNloJcqW5i9Mz'
  | 'bF7C2fCv7Zf30iT84wZ1'
  | '6SjhOkgKPuHxm8q0eIyp'
  | 'ygiXC2Oa1BiHksD3WkJZ'
  | 'xj6X4BCUsv9oxohm1E8o'
  | 'j9jfwdrw7BRfcR43Qohk'
  | 'FVQMzxJGPUBtfz1Azdoy'
  | 'UNBIyLbtFB9k7FKW8wJv'
  | 'yO6w2xlECAQRFP6pX7Hw'
  | 'dLPO5AsXc3FZDbTh1IKa'
  | '62klqbsYqbynbr66ypRt'
  | 'RhfuhuYldx2ApeAGj3zH'
  | 'uaUCJwO6D7PkgkB8ZcAr'
  | 'RnW8EXHv9GqGMgyP0sXG'
  | 'NEqPvTuKWuvwUMAEPBPR'
  | 'MUVOVB3VWCo7pumU3SIO'
  | 'P1K0rMb2NHP150zt1hjo'
  | 'dlbXHgJnwobU5JdZ8F5M'
  | 'JMfkzZiSsox62UXcXUqM'
  | 'fC33e0BIKA7wWK2MeARj'
  | '1qEiC6qsybMkmnNdVMbK'
  | '7eVMgwCnXydb3CikjV7a'
  | 'aQROLel5sQbj1vuIVi6B'
  | 'McVZB9hVxVSk3Equu8EH'
  | 'IPgYtHTNLjC7Bq7IPHrm'
  | 'hFgOzpmS0CMtL2to8sAl'
  | '93nuHbke4dTER9x2pDwE'
  | 'FpvROcY4IGWevepmBWO2'
  | 'FTNCalFNG5bRnkkaP5Ug'
  | 'aTTiK3YzK3dXETpuDE2h'
  | 'MbbPUteESkJWr4IAaW35'
  | 'p2Wol3C7j3rHbfOrbL18'
  | 'yUy9CCX9brt8aPVvIWy3'
  | 'n0vzWypeCK1NlWPVwhOc'
  | '5DAtyqt3LGjv9jkjNVFd'
  | '0oYUKTNPbymIKVAkDQqh'
  | 'PaZ8laODC1yRxHTPYJFh'
  | 'SaqYcK3ZpDKBAImA8AdW'
  | 'gHu9GtaHOXcSqFTK06ux'
  | 'zT03pEAEi0VHKciJODfn'
  | 'zgqefOY5FPQ3bB7OZTVR'
  | 'H6QPv2pQZDcGqLwDTIJQ'
  | 'Sxk6njaoa7XLsAFT7WcN'
  | 'TumdjBNWanlT3ysvclWh'
  | 'M336tBVZHWWiWb4R54ui'
  | 'xjlfQQ3ynqiEyRpArrT8'
  | 'WYg5oajoUHxVa6ikQXec'
  | 'vPyfZcTRVuFmWwDgQRSd'
  | '1k39YpzqXZn52BgyLyGO'
  | 'RWiGLY9uXI70QL540WNd'
  | 'X8n8hOy3e8VLQnHTUcc5'
  | 'd888tBvGmQT2u05J1xTv'
  | 'I7sakys8pBZ1Z5f0UhT9'
  | '3mAVBNEqop5UbHtD8oxQ'
  | 'Lpe7uP03WRpCk9XkpFnf'
  | 'fzDFBB4mgvMlL36gPXcz'
  | 'W71zT1VwIFFx3mMGH2uZ'
  | '3DPhHWXDY263XJ1d2EPN'
  | 'ByVILX2H5wPAwDiNVKAR'
  | 't3hJ92dgZhDVtsff084B'
  | 'gfKKsLN1k0oYYN9n2dXX'
  | 'kAzI34nYjizE0zON6rXv'
  | 'Mv8AjrYZCBkdsmDHNwcB'
  | '3JDquces8E8bkmvbh6Bc'
  | 'j210dv0vWm7fCknyQpbA'
  | 'WQz3clzUdMqvBf0jswZQ'
  | 'gARvXPexe5VF3cKZBian'
  | 'G3EZ8O36A0x9lmeOtr0f'
  | 'uyVNoMrnUku1dZyVEXwD'
  | 'ZJCNdZEjYwkOElxugmW2'
  | 'ETPP7D0aZVdEj12Aa7ho'
  | '8jHHF8rMqMlg8if2mOUe'
  | 'pb3lVZVjdFWbkhPKlelB'
  | 's07IwTCOrCDCaETjUVjx'
  | 'NpVSXJvYSdIbjOaMbShj'
  | 'BeIxObt4dYBRJLYoe1hU'
  | 'C1gMsiiE7sXAt59fmvYg'
  | 'qAJVXEQ6QgjOQ25KuoU8'
  | '9pRpxWU0T7UFt2oEMH6n'
  | '2dhHLsmg0MVma2t041qT'
  | 's2xtA7B2CTXPPlJzch1v'
  | 'vUmLiNBm6MDcy1NUHaVr'
  | 'zzBTsLBFM6AOJtkr1e9b'
  | 'W0sqKm1Sfw1EzlCH14FQ'
  | 'N0GCuK2B0qwWozQNTS8F'
  | 'g8ZOdhoD9R6eYKPTjKbE'
  | 'mr1ubFaLs5xVrh1EqWtc'
  | '0el4HQ5fH8KITMM7DKzD'
  | 'CstacWqMhJQlnfLPxRG4'
  | 'oJebhZNaPllxk6W0LSBA'
  | 'tS45q0QcrDHqHoaWdCDR'
  | '4za2kOXGgUd57HRSQ1fn'
  | 'x3mAOLD9WzlmrFCwA1S3'
  | 'lWq4KDY8znfkV0DrK8Vb'
  | 'RROBrqjHiRb8zmRgGV11'
  | 'gbLy9ep70G3JW53cTzFC'
  | 'OlBp4oyr3FBAGEAtJOnU'
  | '8nBBDfYxYXmDNaqTCxPH'
  | 'cD1j5eDqipyIUMIi7Q5e'
  | 'Q1khAM9K4Mi6p5TK0ueC'
  | 'GRHbHyXbUO8nF4YexVTa'
  | 'am5XuPVtut7uKJQKMja2'
  | 'kwajW3Xh5svCeKU5ky2S'
  | 'AB9XsbSA4eLG12t2myjN'
  | 'aG9q1I1wTbfHh5sbpJnp'
  | '1REYVgkHGlaFX4Rz9cPZ'
  | 'grmBv5c5ZJVFgXpRWyp7'
  | 'oKxkBkm5a8Bmrd1Whf2c'
  | 'GN4wbsbejSnGSa1AzjH5'
  | 'd6IbhdqAKkXCCVuJjbie'
  | '3K1lqsxxXFiTAXCO09Zv'
  | 'Uyx98Ek4uMNmWN7E28CD'
  | 'gUABw7pXQjhjt0kNFBTF'
  | 'Nh2zY9kknu6z4pZy6FhD'
  | 'x5IDPSl4ZUbhosMmVFTk'
  | 'dlGxemPxFMTY7iXagmOj'
  | '2Lb1en5ujrODDIqmp7F3'
  | 'iDEmt5MnqUotdwCIVplo'
  | '94zOad0g7T7K4oa7zhDq'
  | '86V9x9hrQds83qf7zaGn'
  | 'RgXx32WYOGrd7gFNifSf'
  | 'eBthAb30UYbt2nojGXeA'
  | 'tomkxGQGz4b1kE0EM722'
  | 'aSLKtNoVBZlxQEMsnGL2'
  | 'e6OiUVixGLmvtdn2GJYE'
  | '13Cuh3NuYvWOVQtLbRN8'
  | 'gqFUMFHCD2nbbcYVtPGB'
  | 'gCr8TeSJgJaeaIoV4RWH'
  | 'ZhJ5LanYnCmLKQUXvsV7'
  | '8J24wCDJGSNy9xjbiMla'
  | '1XNFRxE3WBB7iI0jnm7p'
  | 'Z0ocGS7BSRxFSMhV00nB'
  | 'Y2T2O1csKPgWgyuKcU0a'
  | 'GLHtjkeLJ9Rxcv9JhLmh'
  | 'DzLm9w4W54qdHK2xg6CY'
  | 'NNn9dv8zq2kUo7d3JSGG'
  | 'DsbR47WNEv8o9x37ib9X'
  | 'TASY7VCrU29rEMoYFTGG'
  | '6GYyziau4Hk8qdg7od5c'
  | 'nCqaTnIbLdME87OuQaZY'
  | '9Sj8ugvpK1DmcAXyvi3a'
  | 'GVRiwBELe0czFUAJj0nX'
  | 'Ntd0iVwICtUtA6Fvx27M'
  | '2OXYbN1uGomXXJtv9Dq6'
  | '2o2uQnlGaNuV3ObRpxXt'
  | 'XBDAUT8ybuJTTCoOLSUj'
  | 'foH7s9fX31wFFH2yqrFa'
  | 'RmcV9cAq1TByxNSgbii7'
  | '7WNWm0yUcEolHsfg5Bhk'
  | 'UsgbMVmY3U59ijwK5mdh'
  | 'Wzj3w9OuQFcoiuKPnk3j';

export type ElevenLabsVoice = `ElevenLabs.${ElevenLabsVoiceId}`;

/** Every voice the official helper lists. */
export type KnownVoice = BasicVoice | PollyVoice | GoogleVoice | ElevenLabsVoice;

/**
 * What `<Say voice>` accepts: the known voices, which editors offer as completions, and any other
 * provider-prefixed name (`Polly.*`, `Google.*`, `ElevenLabs.*`) for voices Twilio adds later.
 */
export type SayVoiceName = OpenUnion<KnownVoice, `Polly.${string}` | `Google.${string}` | `ElevenLabs.${string}`>;
