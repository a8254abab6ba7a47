import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";

// Every page is rendered per request, so that Next.js puts the request's CSP nonce on its scripts.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Beredning", template: "%s – Beredning" },
  description: "Gemensam beredning av tjänsteutlåtanden",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="sv">
      <body>
        <a className="skip-link" href="#main">
          Hoppa till innehållet
        </a>
        {children}
      </body>
    </html>
  );
}
