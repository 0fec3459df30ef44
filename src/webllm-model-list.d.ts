declare module "virtual:webllm-model-list" {
  import type { ModelRecord } from "./core/catalog/types";
  /** web-llm's `prebuiltAppConfig.model_list`, read from the installed package at build time. */
  export const modelList: ModelRecord[];
  /** The installed @mlc-ai/web-llm version, e.g. "0.2.86". */
  export const webllmVersion: string;
  /** The model library version web-llm expects, e.g. "v0_2_86/base". */
  export const modelVersion: string;
}
