/**
 * The memory budget the user set, kept in settings: read and saved through the storage module,
 * which loads on first use, off the entry chunk.
 */
import { saveSettings, settingsStore } from "../../platform/stores";

export async function loadMemoryBudget(): Promise<number | undefined> {
  return (await (await settingsStore()).load()).memoryBudgetMB ?? undefined;
}

export async function saveMemoryBudget(mb: number | undefined): Promise<void> {
  await saveSettings({ memoryBudgetMB: mb ?? null });
}
