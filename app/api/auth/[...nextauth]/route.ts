import NextAuth from "next-auth";
import { publicRoute } from "@/lib/auth/guard";
import { authOptions } from "@/lib/auth/options";

type Ctx = { params: Promise<{ nextauth: string[] }> };

// next-auth reads the catch-all segment from the context; it is the sign-in flow itself, so public.
const handle = publicRoute<Ctx>("the sign-in flow", async (request, context) =>
  // next-auth 4's App Router handler takes (Request, { params }) and returns a Response.
  (NextAuth(authOptions()) as (req: Request, ctx: Ctx) => Promise<Response>)(request, context),
);

export const GET = handle;
export const POST = handle;
