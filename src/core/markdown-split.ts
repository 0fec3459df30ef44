/**
 * While an answer streams, only its end changes. Splitting the text at the last paragraph break
 * outside a code fence lets the view keep the finished blocks' HTML and re-render only the tail.
 */

/** Index where the still-growing tail of `text` starts (0 when all of it may still change). */
export function stableSplit(text: string): number {
  let inFence = false;
  let fence = "";
  let split = 0;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const end = text.indexOf("\n", lineStart);
    const lineEnd = end === -1 ? text.length : end;
    const line = text.slice(lineStart, lineEnd);
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker) {
      if (!inFence) {
        inFence = true;
        fence = marker;
      } else if (
        marker[0] === fence[0] &&
        marker.length >= fence.length &&
        !/\S/.test(line.slice(line.indexOf(marker) + marker.length))
      ) {
        inFence = false;
      }
    } else if (!inFence && line.trim() === "" && end !== -1 && lineStart > 0) {
      // A blank line outside a fence ends a block; the next block starts after it.
      split = end + 1;
    }
    if (end === -1) break;
    lineStart = end + 1;
  }
  return split;
}
