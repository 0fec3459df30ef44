/**
 * The composition root: the one place that creates the app's state, wiring each class to its
 * collaborators. Shared state (navigation, theme, device, runtimes, replay) is made here with the
 * app; each view's state is made by this root's part for that view (`state/app/*-root.ts`) the
 * first time the view opens, so its code loads then, off the entry chunk. It lives as long as the
 * page, so an answer keeps streaming while another view is open. Nothing runs on import:
 * `main.ts` calls `createApp()`; an embed page can build its own root from the same classes,
 * without navigation or the other views.
 */
import type { ModelDescription } from "../core/runs/compare/candidates";
import type { BenchState } from "./bench/bench.svelte";
import type { ChatState } from "./chat/chat.svelte";
import type { ConversationLibrary } from "./chat/chat-library.svelte";
import type { ArenaState } from "./compare/arena.svelte";
import type { CompareSession } from "./compare/compare.svelte";
import type { CompareHistory } from "./compare/history.svelte";
import type { CompareSetup } from "./compare/setup.svelte";
import type { EmbedDialogState } from "./compare/embed-dialog.svelte";
import { isRemoteModelId } from "../core/engine/remote/model-id";
import type { EndpointForm } from "./models/endpoint-form.svelte";
import type { ModelsState } from "./models/models.svelte";
import type { CatalogState } from "./shared/catalog.svelte";
import type { TeamEditor } from "./app/team-root";
import type { DownloadConsent } from "./shared/consent.svelte";
import type { HomeState } from "./home/home.svelte";
import type { PwaState } from "./shared/pwa.svelte";
import type { NetworkState } from "./shared/network.svelte";
import { DeviceState } from "./shared/device.svelte";
import { EngineState } from "./shared/engines.svelte";
import { Nav } from "./shared/nav.svelte";
import type { DomainPromptsState } from "./shared/domain-prompts.svelte";
import type { ReplayFile } from "./shared/replay-file.svelte";
import { Theme } from "./shared/theme.svelte";

/** What the Chat view works with. */
export interface ChatViewState {
  chat: ChatState;
  library: ConversationLibrary;
  catalog: CatalogState;
  consent: DownloadConsent;
  /** The recording file being replayed and its pace. */
  replayFile: ReplayFile;
  /** The routed team ("Auto"), as its editor shows it; null while there is none. */
  teamEditor: () => TeamEditor | null;
  /** The prompt-specialized generalist's domain prompts (shared with the bench), editable. */
  domainPrompts: DomainPromptsState;
  /** A model's name, as the recording or the catalog gives it. */
  modelName: (id: string) => string;
}

/** What the Compare view works with. */
export interface CompareViewState {
  session: CompareSession;
  setup: CompareSetup;
  history: CompareHistory;
  arena: ArenaState;
  catalog: CatalogState;
  consent: DownloadConsent;
  /** The Embed dialog: the `<iframe>` snippet for a comparison or the recording replayed. */
  embedDialog: EmbedDialogState;
  /** A model as its runtime knows it (the recording's annotations for a replayed one). */
  describe: (modelId: string) => ModelDescription;
  /** The recording file being replayed and its pace. */
  replayFile: ReplayFile;
  /** The routed team (a column), as its editor shows it; null while there is none. */
  teamEditor: () => TeamEditor | null;
  /** The prompt-specialized generalist's domain prompts (shared with the bench), editable. */
  domainPrompts: DomainPromptsState;
}

/** What the first screen works with. */
export interface HomeViewState {
  home: HomeState;
  consent: DownloadConsent;
}

/** What the Models view works with. */
export interface ModelsViewState {
  models: ModelsState;
  catalog: CatalogState;
  /** Remote endpoints: the add form and the list. */
  endpoints: EndpointForm;
}

export class App {
  readonly nav = new Nav();
  readonly theme = new Theme();
  // The budget's storage code loads on first use, off the entry chunk.
  readonly device = new DeviceState({
    load: async () => (await import("./app/device-budget")).loadMemoryBudget(),
    save: async (mb) => (await import("./app/device-budget")).saveMemoryBudget(mb),
  });
  readonly engines = new EngineState({
    webllm: async () => new (await import("../platform/webllm/worker-engine")).WorkerEngine(),
    // The CPU runtime's chunk loads when a GGUF model is first used or its cache is asked.
    wllama: async () => (await import("./app/cpu-root")).startCpuRuntime(await this.catalog()),
    runtimeOf: (id) => this.#catalogState?.byId(id)?.runtime,
    remote: {
      serves: isRemoteModelId,
      // The remote engine is its own chunk, loaded on the first remote answer.
      start: () => import("../platform/remote-engine").then((m) => m.startRemote(this.catalog())),
    },
  });
  /**
   * What the lazy roots made: the views' states (so an update can wait for running work) and the
   * network state (made with the offline part after the first paint; online until then).
   */
  made = $state.raw<{
    chat?: ChatState;
    compare?: CompareSession;
    bench?: BenchState;
    network?: NetworkState;
  }>({});

  #catalog: Promise<CatalogState> | null = null;
  #catalogState: CatalogState | null = null;
  #pwa: Promise<PwaState> | null = null;
  #replayFile: Promise<ReplayFile> | null = null;
  #chat: Promise<ChatViewState> | null = null;
  #compare: Promise<CompareViewState> | null = null;
  #models: Promise<ModelsViewState> | null = null;
  #bench: Promise<BenchState> | null = null;
  #consent: Promise<DownloadConsent> | null = null;
  #home: Promise<HomeViewState> | null = null;

  /** Start what follows the page: hash navigation and the device probe. */
  start(): void {
    this.nav.start();
    void this.device.start();
  }

  /** The service worker, the network state and a waiting update: its own chunk, started by the
   * shell's banner after the first paint. */
  pwa(): Promise<PwaState> {
    return (this.#pwa ??= import("./app/pwa-root").then((m) => m.createPwa(this)));
  }

  /** The model catalog (web-llm's list and custom models), made once. */
  catalog(): Promise<CatalogState> {
    this.#catalog ??= import("./app/catalog-root").then(
      (m) => (this.#catalogState = m.createCatalog(this)),
    );
    return this.#catalog;
  }

  /** The question asked before any model download (one for every view). */
  consent(): Promise<DownloadConsent> {
    this.#consent ??= import("./app/consent-root").then((m) => m.createConsent(this));
    return this.#consent;
  }

  /** The recording file being replayed and its pace (its module loads with the first view). */
  replayFile(): Promise<ReplayFile> {
    this.#replayFile ??= import("./shared/replay-file.svelte").then(
      ({ ReplayFile }) => new ReplayFile(this.engines),
    );
    return this.#replayFile;
  }

  home(): Promise<HomeViewState> {
    this.#home ??= import("./app/home-root").then((m) => m.createHome(this));
    return this.#home;
  }

  // Each view's state needs the catalog: start it beside the view's own chunk, not after it.

  chat(): Promise<ChatViewState> {
    void this.catalog();
    this.#chat ??= import("./app/chat-root").then((m) => m.createChatView(this));
    return this.#chat;
  }

  compare(): Promise<CompareViewState> {
    void this.catalog();
    this.#compare ??= import("./app/compare-root").then((m) => m.createCompareView(this));
    return this.#compare;
  }

  models(): Promise<ModelsViewState> {
    void this.catalog();
    this.#models ??= import("./app/models-root").then((m) => m.createModelsView(this));
    return this.#models;
  }

  bench(): Promise<BenchState> {
    void this.catalog();
    this.#bench ??= import("./app/bench-root").then((m) => m.createBenchView(this));
    return this.#bench;
  }
}

/** Build the app's state (once, in `main.ts`). */
export function createApp(): App {
  return new App();
}
