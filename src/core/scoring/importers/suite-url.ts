/** Reading the address typed into "From a URL". */

/** The address and the file name it ends with, or null when it is not an http(s) address. */
export function parseSuiteUrl(text: string): { href: string; fileName: string } | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const last = url.pathname.split("/").pop() ?? "";
  let fileName: string;
  try {
    fileName = decodeURIComponent(last);
  } catch {
    fileName = last;
  }
  return { href: url.href, fileName: fileName || url.hostname };
}
