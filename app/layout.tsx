import type { Metadata } from "next";
import localFont from "next/font/local";
import Link from "next/link";
import { Toaster } from "sonner";
import "./globals.css";

const inter = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "Webhook Portal", template: "%s · Webhook Portal" },
  description: "Configure, preview, test and simulate BioStation 3 webhooks.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900">
          Skip to content
        </a>
        <header className="border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
          <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3">
            <Link href="/places" className="flex items-center gap-2 font-semibold tracking-tight">
              <span aria-hidden className="inline-block size-6 rounded-md bg-gradient-to-br from-blue-600 to-indigo-500" />
              Webhook Portal
            </Link>
            <nav aria-label="Main" className="flex gap-4 text-sm text-zinc-600 dark:text-zinc-300">
              <Link href="/places" className="hover:text-zinc-900 dark:hover:text-white">Places</Link>
              <Link href="/inspector" className="hover:text-zinc-900 dark:hover:text-white">Inspector</Link>
            </nav>
          </div>
        </header>
        <main id="main" className="mx-auto max-w-7xl px-4 py-6">{children}</main>
        <Toaster richColors closeButton position="bottom-right" theme="system" />
      </body>
    </html>
  );
}
