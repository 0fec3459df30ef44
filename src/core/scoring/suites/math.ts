/** The built-in math suite: short word problems written for Polymath, with numeric answers. */
import { formatMathPrompt } from "../math";
import type { MathItem, Suite } from "../types";

const problems: [id: string, question: string, answer: string][] = [
  [
    "bakery",
    "A bakery bakes 14 trays of 12 muffins and sells 150 muffins. How many muffins are left?",
    "18",
  ],
  ["train", "A train travels at 84 km/h for 2.5 hours. How many kilometres does it travel?", "210"],
  [
    "savings",
    "Lena has $45 and saves $15 every week. After how many weeks will she have $240?",
    "13",
  ],
  [
    "discount",
    "A jacket costs $80. It is discounted by 25%, and then a $5 coupon is applied. What is the final price in dollars?",
    "55",
  ],
  [
    "fence",
    "A rectangular garden is 18 m long and 7 m wide. A fence goes all the way around it except for a 2 m wide gate. How many metres of fence are needed?",
    "48",
  ],
  [
    "library",
    "A library has 3 shelves with 45 books each and 2 shelves with 38 books each. It lends out 29 books. How many books are still on the shelves?",
    "182",
  ],
  [
    "pizza",
    "8 friends share 3 pizzas, each cut into 8 slices, equally. How many slices does each friend get?",
    "3",
  ],
  [
    "ages",
    "Sam is 4 times as old as his daughter. In 20 years he will be twice as old as she will be then. How old is his daughter now?",
    "10",
  ],
  [
    "average",
    "Ravi scored 78, 85, 92 and 88 on four tests. What must he score on the fifth test for his average over all five to be 86?",
    "87",
  ],
  [
    "paint",
    "A wall is 9 m wide and 4 m high, with a window 2 m by 1.5 m that is not painted. The wall gets two coats, and one can of paint covers 12 square metres. How many whole cans must be bought?",
    "6",
  ],
  [
    "movie",
    "A movie starts at 7:45 pm and lasts 2 hours and 35 minutes. How many minutes after 9:00 pm does it end?",
    "80",
  ],
  [
    "tank",
    "A tank holds 500 litres of water. A pipe adds 30 litres per minute while a leak loses 5 litres per minute. After how many minutes does the tank hold 1,200 litres?",
    "28",
  ],
  [
    "recipe",
    "A recipe for 4 people uses 300 g of flour. How many grams of flour are needed for 10 people?",
    "750",
  ],
  [
    "coins",
    "A jar holds 30 coins, all quarters (25 cents) and dimes (10 cents), worth $5.10 in total. How many quarters are in the jar?",
    "14",
  ],
  [
    "cyclist",
    "A cyclist rides 36 km in 1 hour and 30 minutes. What is her average speed in km/h?",
    "24",
  ],
  [
    "tickets",
    "Adult tickets cost $12 and child tickets cost $7. A group buys 5 adult tickets and some child tickets for $95 in total. How many child tickets did they buy?",
    "5",
  ],
  [
    "price-rise",
    "The price of a lamp rises from $40 to $52. By what percent did the price increase?",
    "30",
  ],
  [
    "stairs",
    "Each stair step is 17 cm high and each floor of a building is 3.4 m high. How many steps does Ana climb going up 5 floors?",
    "100",
  ],
  [
    "phone-plan",
    "A phone plan costs $20 per month plus $0.05 per text message. Jo sends 340 texts in a month. What is the bill in dollars?",
    "37",
  ],
  [
    "consecutive",
    "The sum of three consecutive integers is 96. What is the largest of them?",
    "33",
  ],
  [
    "marbles",
    "Ana has 3 times as many marbles as Ben, and together they have 64. Ana then gives Ben 10 marbles. How many marbles does Ana have now?",
    "38",
  ],
  [
    "rain",
    "It rained 12 mm on Monday, twice as much on Tuesday, and 5 mm less on Wednesday than on Tuesday. How many millimetres fell over the three days?",
    "55",
  ],
  [
    "tiles",
    "A floor 6 m by 4 m is covered with square tiles 40 cm on a side. How many tiles are needed?",
    "150",
  ],
  [
    "wages",
    "Omar earns $18.50 per hour and works 38 hours a week. How much does he earn in 4 weeks?",
    "2812",
  ],
  [
    "fuel",
    "A car uses 6.5 litres of fuel per 100 km. How many litres does it use for a 340 km trip?",
    "22.1",
  ],
  [
    "cookies",
    "A box holds 24 cookies. Maya eats a quarter of them, then her brother eats a third of the cookies that are left. How many cookies remain?",
    "12",
  ],
  [
    "plant",
    "A plant is 5 cm tall and grows 1.5 cm every week. How tall is it, in cm, after 8 weeks?",
    "17",
  ],
  [
    "change",
    "Kim buys 3 notebooks at $2.35 each and a pen for $1.20, and pays with a $10 bill. How much change does she get, in dollars?",
    "1.75",
  ],
];

const items: MathItem[] = problems.map(([id, question, answer]) => ({
  id: `math/${id}`,
  kind: "math",
  domain: "math",
  prompt: formatMathPrompt(question),
  answer,
}));

export const mathSuite: Suite = {
  id: "builtin-math",
  name: "Math word problems",
  description:
    "Grade-school word problems written for Polymath; the final number is checked with a small tolerance.",
  source: "built-in",
  items,
};
