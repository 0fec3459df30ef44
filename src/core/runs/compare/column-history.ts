/**
 * Each column of a comparison is its own conversation with one model. These helpers derive that
 * conversation from the stored turns, the same way for running a follow-up, exporting a recording
 * (a replay matches requests by their exact messages) and promoting a column to a chat.
 */
import type { ChatMessage } from "../../engine/types";
import type { Conversation, ConversationMessage } from "../../storage/conversation-schema";
import type { StoredComparison } from "./comparisons";

/**
 * The messages sent to `modelId` for turn `turnIndex`: the system prompt (when set), every earlier
 * turn this model answered (prompt and its answer text; thinking text is not sent back), then this
 * turn's prompt. Turns the model did not answer (skipped, failed to load) are left out.
 */
export function columnMessages(
  comparison: Pick<StoredComparison, "systemPrompt" | "turns">,
  modelId: string,
  turnIndex: number,
  prompt = comparison.turns[turnIndex]?.prompt ?? "",
): ChatMessage[] {
  const messages: ChatMessage[] = [];
  if (comparison.systemPrompt.trim() !== "") {
    messages.push({ role: "system", content: comparison.systemPrompt });
  }
  for (const turn of comparison.turns.slice(0, turnIndex)) {
    const answer = turn.answers[modelId];
    if (!answer) continue;
    messages.push(
      { role: "user", content: turn.prompt },
      { role: "assistant", content: answer.text },
    );
  }
  messages.push({ role: "user", content: prompt });
  return messages;
}

/** One column as a normal chat conversation with that model (answers keep usage and errors). */
export function columnConversation(
  comparison: StoredComparison,
  modelId: string,
  options: { id: string; now: number },
): Conversation {
  const messages: ConversationMessage[] = [];
  comparison.turns.forEach((turn, i) => {
    const answer = turn.answers[modelId];
    if (!answer) return;
    messages.push({ id: `${options.id}-u${i}`, role: "user", content: turn.prompt });
    const reply: ConversationMessage = {
      id: `${options.id}-a${i}`,
      role: "assistant",
      content: answer.text,
      modelId,
      usage: { ...answer.usage },
      finishReason: answer.finishReason,
    };
    if (answer.reasoning) reply.reasoning = answer.reasoning;
    if (answer.error) reply.error = answer.error;
    const route = turn.routes?.[modelId];
    if (route) reply.route = { ...route };
    messages.push(reply);
  });
  return {
    id: options.id,
    title: comparison.title,
    createdAt: options.now,
    updatedAt: options.now,
    modelId,
    systemPrompt: comparison.systemPrompt,
    params: { ...comparison.params },
    messages,
  };
}
