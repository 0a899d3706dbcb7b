import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { getConfig } from "@/lib/config/config";
import { getViewer } from "@/lib/auth/viewer";
import { Header } from "@/components/shell/header";
import { SimulatorBanner } from "@/components/shell/simulator-banner";

export const metadata: Metadata = {
  title: { default: "Release Desk", template: "%s · Release Desk" },
  description: "Releases from testing to production: runs, staging, acceptance, rollback.",
};

// Every page depends on who is asking and on live GitHub data; nothing is prerendered at build time.
export const dynamic = "force-dynamic";

export default async function RootLayout({ children }: { children: ReactNode }) {
  const config = getConfig();
  const viewer = await getViewer();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white"
        >
          Skip to content
        </a>
        {config.simulator ? <SimulatorBanner apiUrl={config.github.apiUrl} /> : null}
        <Header viewer={viewer} />
        <main id="main" className="mx-auto max-w-7xl px-4 py-6">
          {children}
        </main>
      </body>
    </html>
  );
}
