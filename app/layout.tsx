import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { PAGE_FONTS_URL } from "@/lib/map/style";
import "./globals.css";

export const metadata: Metadata = {
  title: "Strikeline",
  description: "Strike events and the reprisals they provoke, mapped from news reports.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#1f2937" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        {/* The map's font files (scripts/build-basemap.ts): one download serves text and labels. */}
        <link rel="stylesheet" href={PAGE_FONTS_URL} />
      </head>
      <body>{children}</body>
    </html>
  );
}
