/**
 * `twiml-jsx/xml`: read raw TwiML (TwiML Bins, legacy XML, Twilio's docs) into the element
 * tree that JSX builds, and write a tree back as `.tsx` source.
 */
export { parse, XmlParseError, type ParseOptions } from './parse.js';
export { toTsx, type ToTsxOptions } from './convert.js';
