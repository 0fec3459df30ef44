// A small GPT-2-style byte-level BPE vocabulary that llama.cpp's "gpt2" tokenizer accepts: the 256
// byte symbols, merges for a few English words, letter combinations up to the requested size, and
// the ChatML special tokens at the end. Every normal token is made of byte symbols, so any text
// tokenizes and every token detokenizes.

/** Token types as llama.cpp numbers them. */
export const TokenType = Object.freeze({ NORMAL: 1, CONTROL: 3 });

export const SPECIAL_TOKENS = Object.freeze(["<|endoftext|>", "<|im_start|>", "<|im_end|>"]);

/** Common words, so prompts and answers tokenize into more than single letters. */
const WORDS =
  "the of and to in is it you that he was for on are with as his they be at one have this from " +
  "or had by word but what some we can out other were all there when up use your how said an each " +
  "she which do their time if will way about many then them write would like so these her long make " +
  "thing see him two has look more day could go come did number sound no most people my over know " +
  "water than call first who may down side been now find hello world model token answer question " +
  "math code small large team specialist generalist browser";

/**
 * GPT-2's reversible byte-to-character map: printable bytes stand for themselves, the others are
 * shifted past U+0100 so no token contains whitespace or control characters.
 * @returns {string[]} character for each byte value
 */
export function byteSymbols() {
  /** @type {number[]} */
  const printable = [];
  for (let b = 0x21; b <= 0x7e; b++) printable.push(b);
  for (let b = 0xa1; b <= 0xac; b++) printable.push(b);
  for (let b = 0xae; b <= 0xff; b++) printable.push(b);
  const keep = new Set(printable);
  const symbols = new Array(256);
  let shifted = 0;
  for (let b = 0; b < 256; b++) {
    symbols[b] = String.fromCodePoint(keep.has(b) ? b : 256 + shifted++);
  }
  return symbols;
}

/**
 * Build the vocabulary. `size` is the total token count (at least the bytes, words and specials).
 * @param {number} size
 * @returns {{ tokens: string[], types: number[], merges: string[], asciiIds: number[], specialIds: Record<string, number> }}
 */
export function buildBpeVocab(size) {
  const symbols = byteSymbols();
  const space = /** @type {string} */ (symbols[0x20]);
  /** @type {string[]} */
  const tokens = [...symbols];
  const known = new Set(tokens);
  /** @type {string[]} */
  const merges = [];
  const room = () => size - SPECIAL_TOKENS.length - tokens.length;
  /** @param {string} left @param {string} right */
  const merge = (left, right) => {
    const joined = left + right;
    if (known.has(joined) || room() <= 0) return;
    merges.push(`${left} ${right}`);
    tokens.push(joined);
    known.add(joined);
  };
  for (const word of WORDS.split(" ")) {
    for (const start of ["", space]) {
      let piece = start === "" ? /** @type {string} */ (word[0]) : start;
      for (const ch of start === "" ? word.slice(1) : word) {
        merge(piece, ch);
        piece += ch;
      }
    }
  }
  // Fill with letter combinations, shortest first: "ab", "Ġab", "abc"…
  const letters = "abcdefghijklmnopqrstuvwxyz".split("");
  let frontier = [...letters, ...letters.map((l) => space + l)];
  while (room() > 0 && frontier.length > 0) {
    /** @type {string[]} */
    const next = [];
    for (const piece of frontier) {
      for (const l of letters) {
        if (room() <= 0) break;
        merge(piece, l);
        next.push(piece + l);
      }
    }
    frontier = next;
  }
  if (room() < 0) throw new Error(`A vocabulary needs at least ${size - room()} tokens.`);
  const firstSpecial = tokens.length;
  /** @type {Record<string, number>} */
  const specialIds = {};
  for (const s of SPECIAL_TOKENS) {
    specialIds[s] = tokens.length;
    tokens.push(s);
  }
  const types = tokens.map((_, id) => (id >= firstSpecial ? TokenType.CONTROL : TokenType.NORMAL));
  // Tokens made only of printable ASCII (or the space and newline symbols) decode to valid UTF-8
  // on their own; the model is built to sample only these.
  const newline = symbols[0x0a];
  const ascii = new Set(symbols.slice(0x21, 0x7f));
  ascii.add(space);
  ascii.add(/** @type {string} */ (newline));
  const asciiIds = [];
  for (let id = 0; id < firstSpecial; id++) {
    if ([.../** @type {string} */ (tokens[id])].every((c) => ascii.has(c))) asciiIds.push(id);
  }
  return { tokens, types, merges, asciiIds, specialIds };
}
