/**
 * Stand-ins for the parameters NLTK's Punkt learned from its English corpus (`english.pickle`),
 * which cannot ship here: abbreviations (no sentence break after "Dr." or "e.g."), and common
 * words, which Punkt has seen in lower case mid-sentence and so takes for sentence starters when
 * they come capitalised after an abbreviation, initial, number or ellipsis.
 */

/** Abbreviations, lower case, without their final period. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set(
  (
    "mr mrs ms dr prof st mt rev gen sen rep gov lt col sgt capt hon messrs jr sr " +
    "e.g i.e etc vs al approx inc ltd co corp no nos vol fig figs ch sec pp est dept " +
    "jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m u.s u.k u.n ph.d"
  ).split(" "),
);

/** Frequent words, lower case; capitalised, they start a sentence. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    "the a an and or but so if then than when while after before because since until though " +
    "although however therefore thus also yet still instead meanwhile finally first second " +
    "next last this that these those there here it its he she they we i you his her their our " +
    "my your me him them us who what which where why how all some any each every no not none " +
    "one two three many most more few several such other another in on at for with from by to " +
    "of as about into over under between during without within through against among upon " +
    "is are was were be been being have has had do does did will would can could should may " +
    "might must shall let make see note now today yes ok please thanks"
  ).split(" "),
);
