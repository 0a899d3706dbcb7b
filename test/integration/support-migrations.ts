import { join } from "node:path";
export { migrate } from "@/lib/db/migrate";
export const MIGRATIONS_DIR_FOR_TESTS = join(process.cwd(), "prisma", "migrations");
