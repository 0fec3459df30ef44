/**
 * An incremental parser for server-sent events (the WHATWG `text/event-stream` rules), fed the
 * decoded text of a response as it arrives: chunks may split anywhere (inside a line, between CR
 * and LF), lines end in LF, CR or CRLF, `:` lines are comments (keep-alives), several `data:`
 * lines of one event join with "\n", and a blank line ends the event.
 */

/** One dispatched event: its `event:` name ("message" by default) and its joined data. */
export interface SseEvent {
  event: string;
  data: string;
}

export interface SseParser {
  /** Feed more text; returns the events it completed, in order. */
  push(text: string): SseEvent[];
  /** The stream ended: an event not yet closed by a blank line is dropped, as the spec says. */
  end(): SseEvent[];
}

export function createSseParser(): SseParser {
  let buffer = "";
  let data: string[] = [];
  let event = "";
  // A chunk ending in CR may be the first half of CRLF: the LF opening the next chunk is skipped.
  let skipLf = false;

  const line = (text: string, out: SseEvent[]): void => {
    if (text === "") {
      if (data.length > 0) out.push({ event: event || "message", data: data.join("\n") });
      data = [];
      event = "";
      return;
    }
    if (text.startsWith(":")) return;
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") data.push(value);
    else if (field === "event") event = value;
  };

  return {
    push(text) {
      const out: SseEvent[] = [];
      if (skipLf && text.startsWith("\n")) text = text.slice(1);
      skipLf = false;
      buffer += text;
      let start = 0;
      for (let i = 0; i < buffer.length; i++) {
        const c = buffer[i];
        if (c !== "\n" && c !== "\r") continue;
        line(buffer.slice(start, i), out);
        if (c === "\r") {
          if (i + 1 === buffer.length) skipLf = true;
          else if (buffer[i + 1] === "\n") i++;
        }
        start = i + 1;
      }
      buffer = buffer.slice(start);
      return out;
    },
    end() {
      buffer = "";
      data = [];
      event = "";
      return [];
    },
  };
}
