/**
 * The shape of a stored conversation, schema version 2, and the upgrade from version 1.
 * v1 (never shipped outside development builds, kept so its data still opens): `model` instead of
 * `modelId`, no sampling `params`, messages without ids and with `model` instead of `modelId`.
 */
import type { SerializedError } from "../errors";
import type { FinishReason, SamplingParams, Usage } from "../engine/types";
import type { DocumentSchema } from "./versioned";

export const CONVERSATION_SCHEMA_VERSION = 2;

export interface ConversationMessage {
  id: string;
  role: "user" | "assistant" | "system";
  content: string;
  /** Thinking text of reasoning models, shown folded. */
  reasoning?: string;
  /** The model that wrote an assistant message (it can change within a conversation). */
  modelId?: string;
  usage?: Usage;
  finishReason?: FinishReason;
  error?: SerializedError;
  /** The recording an answer was replayed from; absent for live answers. */
  replayOf?: string;
  /** For an answer of the routed team: which member answered and why. */
  route?: MessageRoute;
  /** The user sent this answer of the routed team to `modelId` themself (the router was skipped). */
  chosenMember?: true;
}

/** How the routed team (or the prompt-specialized generalist) chose who wrote an answer, and why. */
export interface MessageRoute {
  member: string;
  label: string;
  confidence: number;
  reason: "specialist" | "unsure" | "no-specialist";
  routingMs: number;
  /** Unsure of the message alone, the router read it with the conversation's earlier ones. */
  followUp?: true;
  /**
   * For the prompt-specialized generalist: the label whose domain prompt the member was told
   * (null: none, the router was unsure); absent for the routed team.
   */
  prompt?: string | null;
  /** The member had to be loaded (a model switch). */
  switched: boolean;
}

export interface Conversation {
  id: string;
  title: string;
  /** ms since the epoch. */
  createdAt: number;
  updatedAt: number;
  /** The model new answers come from. */
  modelId: string;
  systemPrompt: string;
  params: SamplingParams;
  messages: ConversationMessage[];
}

export interface ConversationSummary {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  modelId: string;
  messageCount: number;
}

/** Version 1, for the migration only. */
export interface ConversationV1 {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  model: string;
  systemPrompt?: string;
  messages: { role: ConversationMessage["role"]; content: string; model?: string }[];
}

/** Upgrade a version-1 conversation: rename `model`, default params, give messages ids. */
export function migrateConversationV1(data: unknown): Conversation {
  const v1 = data as ConversationV1;
  return {
    id: v1.id,
    title: v1.title,
    createdAt: v1.createdAt,
    updatedAt: v1.updatedAt,
    modelId: v1.model,
    systemPrompt: v1.systemPrompt ?? "",
    params: {},
    messages: v1.messages.map((m, i) => ({
      id: `${v1.id}-${i}`,
      role: m.role,
      content: m.content,
      ...(m.model === undefined ? {} : { modelId: m.model }),
    })),
  };
}

function isConversation(data: unknown): data is Conversation {
  const c = data as Conversation;
  return (
    typeof c === "object" &&
    c !== null &&
    typeof c.id === "string" &&
    typeof c.modelId === "string" &&
    typeof c.params === "object" &&
    Array.isArray(c.messages)
  );
}

export const conversationSchema: DocumentSchema<Conversation> = {
  name: "conversation",
  version: CONVERSATION_SCHEMA_VERSION,
  migrations: { 1: migrateConversationV1 },
  validate: isConversation,
};

/** The list entry for a conversation. */
export function summarizeConversation(c: Conversation): ConversationSummary {
  return {
    id: c.id,
    title: c.title,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    modelId: c.modelId,
    messageCount: c.messages.length,
  };
}
