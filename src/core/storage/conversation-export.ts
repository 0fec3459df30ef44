/**
 * Conversation export: Markdown for reading and sharing, JSON (versioned, same schema as storage)
 * for backup and re-import. Pure functions over a Conversation.
 */
import { parseJsonText } from "../json-reader";
import { PolymathError } from "../errors";
import type { SamplingParams } from "../engine/types";
import { formatDuration, formatRate } from "../format";
import {
  CONVERSATION_SCHEMA_VERSION,
  conversationSchema,
  type Conversation,
  type ConversationMessage,
} from "./conversation-schema";
import { readDocument } from "./versioned";

export const CONVERSATION_JSON_FORMAT = "polymath-conversation";

export interface ConversationJson {
  format: typeof CONVERSATION_JSON_FORMAT;
  schema: number;
  exportedAt: string;
  data: Conversation;
}

/** The conversation as a JSON string that `parseConversationJson` reads back. */
export function conversationToJson(c: Conversation, exportedAt = new Date()): string {
  const doc: ConversationJson = {
    format: CONVERSATION_JSON_FORMAT,
    schema: CONVERSATION_SCHEMA_VERSION,
    exportedAt: exportedAt.toISOString(),
    data: c,
  };
  return JSON.stringify(doc, null, 2);
}

/** Read an exported conversation, upgrading older schema versions (`malformed-input`, `schema-too-new`). */
export function parseConversationJson(text: string): Conversation {
  const doc = parseJsonText(
    "Conversation",
    text,
    "The file may be cut short or edited by hand; export it again.",
  );
  if ((doc as Partial<ConversationJson> | null)?.format !== CONVERSATION_JSON_FORMAT) {
    throw new PolymathError("unsupported-format", "This file is not a Polymath conversation.");
  }
  return readDocument(conversationSchema, doc);
}

/** The conversation as Markdown: a header with model and settings, then each turn with metrics. */
export function conversationToMarkdown(c: Conversation): string {
  const lines: string[] = [`# ${oneLine(c.title) || "Untitled conversation"}`, ""];
  lines.push(`- Model: \`${c.modelId}\``);
  lines.push(`- Started: ${new Date(c.createdAt).toISOString()}`);
  const settings = describeParams(c.params);
  if (settings) lines.push(`- Settings: ${settings}`);
  lines.push("");
  if (c.systemPrompt.trim()) {
    lines.push("## System prompt", "", quote(c.systemPrompt), "");
  }
  for (const m of c.messages) lines.push(...messageToMarkdown(m, c.modelId), "");
  return lines.join("\n").trimEnd() + "\n";
}

function messageToMarkdown(m: ConversationMessage, defaultModel: string): string[] {
  if (m.role === "user") return ["## User", "", m.content];
  if (m.role === "system") return ["## System", "", quote(m.content)];
  const out = [`## Assistant · \`${m.modelId ?? defaultModel}\``, ""];
  if (m.reasoning?.trim()) {
    out.push("<details><summary>Reasoning</summary>", "", m.reasoning.trim(), "", "</details>", "");
  }
  out.push(m.content || "*(no answer)*");
  if (m.error) out.push("", `> **Error (${m.error.code}):** ${oneLine(m.error.message)}`);
  const metrics = describeMetrics(m);
  if (metrics) out.push("", `*${metrics}*`);
  return out;
}

function describeMetrics(m: ConversationMessage): string {
  const parts: string[] = [];
  if (m.usage) {
    const u = m.usage;
    parts.push(`${u.promptTokens} prompt + ${u.completionTokens} answer tokens`);
    parts.push(`first token ${formatDuration(u.ttftMs)}`);
    parts.push(`prefill ${formatRate(u.prefillTokensPerS)}`);
    parts.push(`decode ${formatRate(u.decodeTokensPerS)}`);
    parts.push(`total ${formatDuration(u.totalMs)}`);
  }
  if (m.finishReason && m.finishReason !== "stop") parts.push(`finished: ${m.finishReason}`);
  if (m.replayOf) parts.push(`replayed from ${m.replayOf}, not a live answer`);
  if (m.route)
    parts.push(
      `routed team → ${m.route.member} (${m.route.label}, ${Math.round(m.route.confidence * 100)}% sure)`,
    );
  if (m.chosenMember && m.modelId) parts.push(`routed team → ${m.modelId} (chosen by the user)`);
  return parts.join(" · ");
}

function describeParams(p: SamplingParams): string {
  const parts: string[] = [];
  if (p.temperature !== undefined) parts.push(`temperature ${p.temperature}`);
  if (p.top_p !== undefined) parts.push(`top-p ${p.top_p}`);
  if (p.max_tokens !== undefined) parts.push(`max tokens ${p.max_tokens}`);
  if (p.seed !== undefined) parts.push(`seed ${p.seed}`);
  if (p.enable_thinking !== undefined) parts.push(`thinking ${p.enable_thinking ? "on" : "off"}`);
  if (p.stop?.length) parts.push(`stop ${p.stop.map((s) => JSON.stringify(s)).join(", ")}`);
  return parts.join(", ");
}

function quote(text: string): string {
  return text
    .split("\n")
    .map((l) => (l ? `> ${l}` : ">"))
    .join("\n");
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
