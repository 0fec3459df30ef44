/** A chat's conversation as the chat runs it: the stored shape, with plain mutable messages. */
import type { Conversation, ConversationMessage } from "../../storage/conversation-schema";

/** A message as the chat keeps it (`replayOf` marks answers played from a recording). */
export type ChatMessage = ConversationMessage;
export type ChatConversation = Omit<Conversation, "messages"> & { messages: ChatMessage[] };

/** An empty, unsaved conversation. */
export function blankConversation(id: string, now: number, modelId: string): ChatConversation {
  return {
    id,
    title: "New chat",
    createdAt: now,
    updatedAt: now,
    modelId,
    systemPrompt: "",
    params: {},
    messages: [],
  };
}
