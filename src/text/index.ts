/** The text entry of the public API (re-exported by src/index.ts): bytes of an input file → text. */
export { decodeText, type DecodedText } from './encoding.ts';
