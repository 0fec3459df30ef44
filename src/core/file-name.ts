/** A file name from a title: lowercase words joined by dashes, at most 60 characters. */
export function fileSlug(title: string, fallback = "conversation"): string {
  const slug = title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || fallback;
}
