import Link from "next/link";
import type { ReactNode } from "react";
import type { Viewer } from "@/contracts/session";
import { AppHeader } from "./AppHeader";

/** A page below a statement (history, audit log): the app header, a link back and the heading. */
export function StatementSubpage({
  user,
  statementId,
  heading,
  children,
}: {
  user: Viewer;
  statementId: string;
  heading: string;
  children: ReactNode;
}) {
  return (
    <>
      <AppHeader user={user} />
      <main id="main" className="page">
        <p>
          <Link href={`/statements/${statementId}`}>← Tillbaka till utlåtandet</Link>
        </p>
        <h1>{heading}</h1>
        {children}
      </main>
    </>
  );
}
