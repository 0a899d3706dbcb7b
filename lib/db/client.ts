import { getConfig } from "@/lib/config/config";
import { openDatabase, type Database } from "./database";

// One client per process: PGlite allows a single instance per data folder, and Next's dev server
// re-evaluates modules, so the handle lives on globalThis.
const holder = globalThis as unknown as { releaseDeskDb?: Promise<Database> };

export function getDatabase(): Promise<Database> {
  holder.releaseDeskDb ??= openDatabase(getConfig().database).catch((error: unknown) => {
    holder.releaseDeskDb = undefined;
    throw error;
  });
  return holder.releaseDeskDb;
}

export async function getPrisma() {
  return (await getDatabase()).prisma;
}
