// Imported only dynamically (by ./math.ts): KaTeX and its stylesheet travel together in one lazy
// chunk. A separate dynamic import of the CSS would make a CSS-only chunk, which Vite drops.
import "katex/dist/katex.min.css";

export { default } from "katex";
