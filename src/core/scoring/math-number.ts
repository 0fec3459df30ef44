/** Reading numbers the way people and models write them: "1,234", "$12.50", "45%", "\frac{3}{4}". */

/**
 * One number token as found in free text: optional sign, currency, thousands separators, decimals,
 * a simple fraction or a LaTeX fraction, an optional percent sign. Units after it are left out.
 */
export const NUMBER_TOKEN =
  /(?:(?<![\w)\]}])[-−])?(?:\\?\$\s?)?(?:\\[dt]?frac\{\s*-?\d+(?:\.\d+)?\s*\}\{\s*-?\d+(?:\.\d+)?\s*\}|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?(?:\s?\/\s?\d+(?:\.\d+)?)?|\.\d+)(?:\s?(?:\\?%|percent\b))?/g;

/** Clean LaTeX and typography that wrap a number without changing its value. */
function unwrap(raw: string): string {
  let s = raw.trim();
  s = s.replace(/\\text\{([^{}]*)\}/g, "$1").replace(/\\mathrm\{([^{}]*)\}/g, "$1");
  s = s.replace(/\\left|\\right|\\[,!;: ]/g, "");
  s = s.replace(/\\\$/g, "$").replace(/\\%/g, "%");
  s = s.replace(/^\$+|\$+$/g, "");
  s = s.replace(/−/g, "-");
  return s.trim();
}

/**
 * The numeric value of an answer such as "42", "-3.5", "1,234", "$12.50", "45%", "3/4",
 * "\frac{3}{4}", "−5" or "18 dollars"; null when it does not start with a number.
 * A percent sign is dropped, not divided: GSM8K-style answers write 45% as 45.
 */
export function parseMathNumber(raw: string): number | null {
  const s = unwrap(raw);
  const m =
    /^(-)?\s*(?:\$\s*)?(?:\\[dt]?frac\{\s*(-?[\d.]+)\s*\}\{\s*(-?[\d.]+)\s*\}|(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.?\d+(?:[eE][-+]?\d+)?)(?:\s*\/\s*(\d+(?:\.\d+)?))?)/.exec(
      s,
    );
  if (!m) return null;
  const sign = m[1] === "-" ? -1 : 1;
  let value: number;
  if (m[2] !== undefined && m[3] !== undefined) {
    value = Number(m[2]) / Number(m[3]);
  } else {
    const whole = Number((m[4] ?? "").replace(/,/g, ""));
    value = m[5] !== undefined ? whole / Number(m[5]) : whole;
  }
  const result = sign * value;
  return Number.isFinite(result) ? result : null;
}

/** Equal within a relative tolerance of 1e-6 (absolute 1e-9 near zero), so 0.1+0.2 equals 0.3. */
export function numbersMatch(expected: number, got: number, relTol = 1e-6): boolean {
  if (expected === got) return true;
  const diff = Math.abs(expected - got);
  return diff <= 1e-9 || diff <= relTol * Math.max(Math.abs(expected), Math.abs(got));
}

/** A number shown back in a reason: integers plainly, others with up to 6 significant digits. */
export function showNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6)));
}
