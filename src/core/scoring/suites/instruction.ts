/**
 * The built-in instruction-following suite: IFEval-style prompts written for Polymath, each with
 * verifiable instructions under their IFEval ids and kwargs (scored by `scoring/ifeval`).
 */
import type { InstructionItem, Suite } from "../types";

type Spec = [name: string, prompt: string, instructions: [id: string, kwargs: object][]];

const specs: Spec[] = [
  [
    "lighthouse",
    "Write a short paragraph about a lighthouse keeper's night shift. Make sure the words lantern and fog both appear.",
    [["keywords:existence", { keywords: ["lantern", "fog"] }]],
  ],
  [
    "bread",
    "Explain how bread dough rises. Mention the word yeast 3 times or more, and leave out commas entirely.",
    [
      ["keywords:frequency", { keyword: "yeast", frequency: 3, relation: "at least" }],
      ["punctuation:no_comma", {}],
    ],
  ],
  [
    "blue-sky",
    "Explain to a ten-year-old why the sky looks blue at noon, without ever using the words light or scatter.",
    [["keywords:forbidden_words", { forbidden_words: ["light", "scatter"] }]],
  ],
  [
    "zebra",
    "Write a tongue twister about a zebra at the zoo that uses the letter z at least 8 times.",
    [["keywords:letter_frequency", { letter: "z", let_frequency: 8, let_relation: "at least" }]],
  ],
  [
    "season-es",
    "Describe your favourite season in fewer than 4 sentences. Write the whole reply in Spanish and nothing else.",
    [
      ["language:response_language", { language: "es" }],
      ["length_constraints:number_sentences", { num_sentences: 4, relation: "less than" }],
    ],
  ],
  [
    "university",
    "Give advice to a student who is starting university next month, in 6 sentences or more.",
    [["length_constraints:number_sentences", { num_sentences: 6, relation: "at least" }]],
  ],
  [
    "umbrella",
    "Tell a short story about a lost umbrella that finds its way home. Split it into 3 paragraphs, with a line holding only *** between one paragraph and the next.",
    [["length_constraints:number_paragraphs", { num_paragraphs: 3 }]],
  ],
  [
    "romeo",
    "Summarise the plot of Romeo and Juliet in under 60 words.",
    [["length_constraints:number_words", { num_words: 60, relation: "less than" }]],
  ],
  [
    "bottle",
    "Write a product description for a reusable steel water bottle. Make it 120 words or longer, and mark at least 2 passages as highlights with single asterisks, like *this*.",
    [
      ["length_constraints:number_words", { num_words: 120, relation: "at least" }],
      ["detectable_format:number_highlighted_sections", { num_highlights: 2 }],
    ],
  ],
  [
    "neighbour",
    "Write a polite letter to a neighbour about their dog barking at night. Use 4 paragraphs with a blank line between them; paragraph 2 has to begin with the word Recently.",
    [
      [
        "length_constraints:nth_paragraph_first_word",
        { num_paragraphs: 4, nth_paragraph: 2, first_word: "Recently" },
      ],
    ],
  ],
  [
    "garden-party",
    "Draft a reusable invitation to a garden party, leaving at least 3 blanks to fill in, written in square brackets like [date].",
    [["detectable_content:number_placeholders", { num_placeholders: 3 }]],
  ],
  [
    "teacher",
    "Write a short thank-you note to a music teacher and close it with a postscript that begins with P.S.",
    [["detectable_content:postscript", { postscript_marker: "P.S." }]],
  ],
  [
    "houseplants",
    "Share tips for keeping houseplants alive: exactly 4 of them, each a markdown bullet line starting with an asterisk, like\n* Water less in winter.",
    [["detectable_format:number_bullet_lists", { num_bullets: 4 }]],
  ],
  [
    "candle",
    "Is it safe to leave a candle burning while you sleep? Reply with exactly one of these sentences: My answer is yes. My answer is no. My answer is maybe.",
    [["detectable_format:constrained_response", {}]],
  ],
  [
    "mountain-trip",
    "Plan a weekend in a mountain village in 2 parts, each opening with a heading Day followed by its number (Day 1, Day 2).",
    [["detectable_format:multiple_sections", { section_spliter: "Day", num_sections: 2 }]],
  ],
  [
    "octopus",
    "Give three surprising facts about octopuses. Reply with JSON only; a markdown code fence around it is fine.",
    [["detectable_format:json_format", {}]],
  ],
  [
    "frost-haiku",
    "Write a haiku about the first frost. Give it a title between double angle brackets, like <<morning frost>>, and write everything, title included, in lowercase English.",
    [
      ["detectable_format:title", {}],
      ["change_case:english_lowercase", {}],
    ],
  ],
  [
    "bakery-names",
    "Suggest a name for a new neighbourhood bakery. Offer two different suggestions, separated by a line of six asterisks (******) and nothing else.",
    [["combination:two_responses", {}]],
  ],
  [
    "cats-purr",
    "Write one sentence about why cats purr. Begin your reply by copying the sentence before this one exactly, with nothing in front of it, and then answer.",
    [
      [
        "combination:repeat_prompt",
        { prompt_to_repeat: "Write one sentence about why cats purr." },
      ],
    ],
  ],
  [
    "interview",
    "Give three tips for a first job interview. The very last words of your reply must be: Good luck out there.",
    [["startend:end_checker", { end_phrase: "Good luck out there." }]],
  ],
  [
    "robot-school",
    "What would a small robot say on its first day at school? Put your whole reply inside double quotation marks.",
    [["startend:quotation", {}]],
  ],
  [
    "pep-talk",
    "Write a short half-time pep talk for a losing football team, with 5 or more words written entirely in capital letters.",
    [
      [
        "change_case:capital_word_frequency",
        { capital_frequency: 5, capital_relation: "at least" },
      ],
    ],
  ],
  [
    "site-sign",
    "Write a two-line warning sign for a building site, in English, using capital letters only.",
    [["change_case:english_capital", {}]],
  ],
  [
    "rainy-cafe",
    "Describe a rainy afternoon in a small café in English, using lowercase letters only and no commas at all.",
    [
      ["change_case:english_lowercase", {}],
      ["punctuation:no_comma", {}],
    ],
  ],
  [
    "rainbow-de",
    "Explain what a rainbow is, answering only in German, with fewer than 2 words written entirely in capital letters.",
    [
      ["language:response_language", { language: "de" }],
      [
        "change_case:capital_word_frequency",
        { capital_frequency: 2, capital_relation: "less than" },
      ],
    ],
  ],
  [
    "moon-letters",
    "Write one sentence about the moon in which the letter e occurs fewer than 5 times.",
    [["keywords:letter_frequency", { letter: "e", let_frequency: 5, let_relation: "less than" }]],
  ],
  [
    "coffee-review",
    "Write a short review of a coffee shop that mentions espresso but never uses the words good or nice.",
    [
      ["keywords:existence", { keywords: ["espresso"] }],
      ["keywords:forbidden_words", { forbidden_words: ["good", "nice"] }],
    ],
  ],
  [
    "recycling",
    "Write about why recycling matters in 2 paragraphs with a line holding only *** between them, then finish with a postscript beginning with P.P.S",
    [
      ["length_constraints:number_paragraphs", { num_paragraphs: 2 }],
      ["detectable_content:postscript", { postscript_marker: "P.P.S" }],
    ],
  ],
  [
    "weekend-fr",
    "Describe your ideal weekend in 40 words or more, writing only in French.",
    [
      ["language:response_language", { language: "fr" }],
      ["length_constraints:number_words", { num_words: 40, relation: "at least" }],
    ],
  ],
  [
    "photosynthesis",
    "Explain photosynthesis to a child in fewer than 5 sentences, and highlight at least 1 key phrase with single asterisks, like *this*.",
    [
      ["length_constraints:number_sentences", { num_sentences: 5, relation: "less than" }],
      ["detectable_format:number_highlighted_sections", { num_highlights: 1 }],
    ],
  ],
  [
    "tea",
    "Write about the history of tea in 2 paragraphs with a blank line between them; paragraph 1 has to begin with the word Tea.",
    [
      [
        "length_constraints:nth_paragraph_first_word",
        { num_paragraphs: 2, nth_paragraph: 1, first_word: "Tea" },
      ],
    ],
  ],
  [
    "hydration-hi",
    "Give two tips for staying hydrated in summer, answering only in Hindi.",
    [["language:response_language", { language: "hi" }]],
  ],
];

const items: InstructionItem[] = specs.map(([name, prompt, instructions]) => ({
  id: `instruction/${name}`,
  kind: "instruction",
  domain: "instruction",
  prompt,
  instructionIds: instructions.map(([id]) => id),
  kwargs: instructions.map(([, kwargs]) => ({ ...kwargs })),
}));

export const instructionSuite: Suite = {
  id: "builtin-instruction",
  name: "Instruction following",
  description:
    "IFEval-style prompts written for Polymath: each carries verifiable instructions (word counts, formats, keywords, case, language) checked by a port of IFEval, strict and loose.",
  source: "built-in",
  items,
};
