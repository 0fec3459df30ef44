/** Reasoning questions written for Polymath: logic, deduction and common sense, four options each. */

export interface ReasoningSpec {
  id: string;
  question: string;
  options: [string, string, string, string];
  answer: "A" | "B" | "C" | "D";
}

export const reasoningSpecs: ReasoningSpec[] = [
  {
    id: "syllogism",
    question: "All glorps are blue. Some blue things are heavy. Which statement must be true?",
    options: [
      "All glorps are heavy.",
      "Some glorps are heavy.",
      "No glorp is heavy.",
      "None of these must be true.",
    ],
    answer: "D",
  },
  {
    id: "heights",
    question:
      "Ana is taller than Ben. Ben is taller than Cal. Dan is shorter than Cal. Who is the second shortest?",
    options: ["Ana", "Ben", "Cal", "Dan"],
    answer: "C",
  },
  {
    id: "yesterday",
    question: "If the day after tomorrow is Saturday, what day was yesterday?",
    options: ["Wednesday", "Tuesday", "Thursday", "Friday"],
    answer: "A",
  },
  {
    id: "knights",
    question:
      'Knights always tell the truth and knaves always lie. Pia says: "Quin is a knave." Quin says: "Pia and I are the same kind." What are they?',
    options: [
      "Both are knights.",
      "Both are knaves.",
      "Pia is a knight and Quin is a knave.",
      "Pia is a knave and Quin is a knight.",
    ],
    answer: "C",
  },
  {
    id: "ice",
    question:
      "On a warm day you drop ice cubes into a glass of water and come back an hour later. What will you most likely find?",
    options: [
      "The ice cubes have grown.",
      "The water has frozen solid.",
      "The glass is empty.",
      "The ice has melted into the water.",
    ],
    answer: "D",
  },
  {
    id: "modus-tollens",
    question: "If it rains, the match is cancelled. The match was not cancelled. What follows?",
    options: [
      "It did not rain.",
      "It rained.",
      "The match was played indoors.",
      "Nothing can be concluded.",
    ],
    answer: "A",
  },
  {
    id: "converse",
    question: "Every number divisible by 4 is even. The number n is even. What follows?",
    options: [
      "n is divisible by 4.",
      "n is not divisible by 4.",
      "n is odd.",
      "n may or may not be divisible by 4.",
    ],
    answer: "D",
  },
  {
    id: "seating",
    question:
      "Five people sit in a row of five seats. Eva sits at the left end, Finn sits next to Eva, Gus sits in the middle seat, and Hana is not at either end. Where does Ivy sit?",
    options: [
      "The second seat from the left",
      "The right end",
      "The middle seat",
      "The second seat from the right",
    ],
    answer: "B",
  },
  {
    id: "sequence",
    question: "Which number comes next: 2, 6, 12, 20, 30, …?",
    options: ["40", "36", "42", "44"],
    answer: "C",
  },
  {
    id: "odd-one-out",
    question: "Which one does not belong with the others?",
    options: ["Violin", "Flute", "Cello", "Viola"],
    answer: "B",
  },
  {
    id: "handshakes",
    question:
      "Six people meet and each shakes hands once with every other person. How many handshakes are there?",
    options: ["12", "30", "36", "15"],
    answer: "D",
  },
  {
    id: "ball-and-box",
    question:
      "A box and a ball weigh 1.10 kg together. The box weighs 1 kg more than the ball. How much does the ball weigh?",
    options: ["0.05 kg", "0.10 kg", "0.01 kg", "1.00 kg"],
    answer: "A",
  },
  {
    id: "plant-light",
    question:
      "A plant on a windowsill slowly bends toward the window. What is the best explanation?",
    options: [
      "The pot is tilted.",
      "It grows toward the light.",
      "The window is cold.",
      "Plants avoid walls.",
    ],
    answer: "B",
  },
  {
    id: "fast-clock",
    question:
      "A clock gains 2 minutes every hour. It is set to the right time at noon. What time does it show at 6 pm the same day?",
    options: ["5:48 pm", "6:02 pm", "6:12 pm", "6:24 pm"],
    answer: "C",
  },
  {
    id: "not-every",
    question: 'Which statement means the same as "Not every student passed"?',
    options: [
      "No student passed.",
      "Every student failed.",
      "Most students passed.",
      "At least one student did not pass.",
    ],
    answer: "D",
  },
  {
    id: "turns",
    question:
      "You face north. You turn 90° to the right, then turn around 180°, then turn 90° to the left. Which way do you face now?",
    options: ["South", "North", "East", "West"],
    answer: "A",
  },
  {
    id: "oil-fire",
    question: "A pan of oil catches fire on the stove. What is the safest thing to do?",
    options: [
      "Pour water on it.",
      "Cover it with a lid and turn off the heat.",
      "Carry the pan outside.",
      "Fan the flames.",
    ],
    answer: "B",
  },
  {
    id: "clubs",
    question:
      "In a class of 30, 18 play football, 12 play chess and 5 play both. How many play neither?",
    options: ["0", "10", "5", "25"],
    answer: "C",
  },
  {
    id: "mislabelled",
    question:
      'Three boxes are labelled "apples", "oranges" and "mixed", and every label is wrong. You take one fruit from the box labelled "mixed" and it is an apple. What is in the box labelled "oranges"?',
    options: ["Apples", "Oranges", "It cannot be known.", "Mixed fruit"],
    answer: "D",
  },
  {
    id: "coin-streak",
    question:
      "A fair coin has landed heads five times in a row. What is the chance that the next toss is heads?",
    options: ["Exactly 1/2", "Less than 1/2", "More than 1/2", "1/32"],
    answer: "A",
  },
  {
    id: "youngest",
    question:
      "Tom is older than Uma. Vic is younger than Uma. Wes is older than Tom. Who is the youngest?",
    options: ["Tom", "Vic", "Uma", "Wes"],
    answer: "B",
  },
  {
    id: "analogy",
    question: "Glove is to hand as sock is to …",
    options: ["shoe", "wool", "foot", "knee"],
    answer: "C",
  },
  {
    id: "machines",
    question:
      "If 5 machines make 5 gadgets in 5 minutes, how long do 100 machines take to make 100 gadgets?",
    options: ["1 minute", "20 minutes", "100 minutes", "5 minutes"],
    answer: "D",
  },
  {
    id: "calendar",
    question: "In a certain year, March 1 is a Monday. What day of the week is March 22 that year?",
    options: ["Monday", "Sunday", "Tuesday", "Wednesday"],
    answer: "A",
  },
  {
    id: "one-true",
    question:
      "A key is in exactly one place: the drawer, the box or the shelf. Exactly one of these statements is true: (1) The key is in the drawer. (2) The key is not in the box. (3) The key is not in the drawer. Where is the key?",
    options: ["In the drawer", "In the box", "On the shelf", "It cannot be known."],
    answer: "B",
  },
  {
    id: "thunder",
    question: "Why do we usually see lightning before we hear its thunder?",
    options: [
      "Thunder happens after the lightning ends.",
      "Ears react more slowly than eyes.",
      "Light travels much faster than sound.",
      "Lightning is closer to us than thunder.",
    ],
    answer: "C",
  },
  {
    id: "mirror",
    question:
      "A driver reads the word on the ambulance behind her correctly in her rear-view mirror. How is the word printed on the front of the ambulance?",
    options: ["Upside down", "In small letters", "Normally", "Mirror-reversed"],
    answer: "D",
  },
  {
    id: "umbrella",
    question:
      "Leo takes an umbrella whenever the forecast says rain. Today Leo has no umbrella. Which must be true?",
    options: [
      "The forecast did not say rain.",
      "It is not raining.",
      "Leo lost his umbrella.",
      "It will rain later.",
    ],
    answer: "A",
  },
];
