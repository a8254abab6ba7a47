"use client";

import { useEffect, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

export type ConnectionState = "connected" | "connecting" | "offline" | "refused";

export interface Collaboration {
  doc: Y.Doc;
  provider: WebsocketProvider | null;
  state: ConnectionState;
  /** True once the first sync completed; stays true while reconnecting, so editors stay mounted. */
  loaded: boolean;
  /** Why the server refused the connection (close codes 4400–4499), in Swedish. */
  refusal: string | null;
  /** Own edits made while not connected that the server has not been sent yet. */
  unsent: boolean;
}

const REFUSALS: Record<number, string> = {
  4401: "Din inloggning har gått ut. Logga in igen för att fortsätta.",
  4403: "Du har inte behörighet till detta tjänsteutlåtande.",
  4404: "Tjänsteutlåtandet finns inte.",
  4400: "Anslutningen avbröts av servern på grund av ett fel.",
  4429: "Anslutningen stängdes: för mycket skickades innan tjänsteutlåtandet hade laddats. Ladda om sidan.",
};

/** Shown when the server refused one of this page's edits (4403 "Refused: …"); the text is fetched anew. */
const REFUSED_EDIT =
  "En ändring avvisades eftersom du inte får ändra där. Texten har hämtats på nytt från servern.";

function collaborationUrl(): string {
  const protocol = window.location.protocol === "https:" ? "wss:" : "ws:";
  return `${protocol}//${window.location.host}/collab`;
}

/**
 * Keeps the statement's document in the browser's IndexedDB, so edits made offline survive closing
 * the tab and are merged, and sent, when the statement is opened again.
 */
function keepInBrowser(statementId: string, doc: Y.Doc): IndexeddbPersistence | null {
  return typeof indexedDB === "undefined" ? null : new IndexeddbPersistence(`beredning:${statementId}`, doc);
}

/**
 * Warns before the page is left while own edits have not been sent: they stay in this browser
 * (IndexedDB) until the statement is opened here again, but nobody else sees them until then.
 */
function useUnloadWarning(unsent: boolean) {
  useEffect(() => {
    if (!unsent) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsent]);
}

/**
 * One Y.Doc and one WebSocket per statement page, shared by all its section editors. Edits made
 * offline stay in the Y.Doc, and in IndexedDB, and are sent when the connection returns.
 */
export function useCollaboration(statementId: string): Collaboration {
  const [doc, setDoc] = useState(() => new Y.Doc());
  const [provider, setProvider] = useState<WebsocketProvider | null>(null);
  const [state, setState] = useState<ConnectionState>("connecting");
  const [loaded, setLoaded] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [unsent, setUnsent] = useState(false);
  useUnloadWarning(unsent);

  useEffect(() => {
    const created = new WebsocketProvider(collaborationUrl(), statementId, doc, { maxBackoffTime: 5000 });
    const kept = keepInBrowser(statementId, doc);
    // An own edit while not synced waits to be sent; the sync after reconnecting sends it.
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin !== created && origin !== kept && !(created.wsconnected && created.synced)) setUnsent(true);
    };
    doc.on("update", onUpdate);
    const online = () => (navigator.onLine ? "connecting" : "offline");
    // The status event may have fired before this effect subscribed: start from the provider's fields.
    setState(created.wsconnected ? "connected" : online());
    created.on("status", ({ status }: { status: string }) => {
      setState(status === "connected" ? "connected" : online());
    });
    created.on("sync", (isSynced: boolean) => {
      if (!isSynced) return;
      setLoaded(true);
      setUnsent(false);
    });
    created.on("closed", ({ code, reason }: { code: number; reason: string }) => {
      if (code === 4403 && reason.startsWith("Refused")) {
        // This copy holds an edit the server will never take: it is replaced by the server's state.
        setRefusal(REFUSED_EDIT);
        setLoaded(false);
        setDoc(new Y.Doc());
        return;
      }
      setRefusal(REFUSALS[code] ?? "Servern stängde anslutningen.");
      setState("refused");
    });
    // A dead network does not always close a WebSocket at once; going offline is made explicit, so
    // the indicator is honest and edits queue in the Y.Doc until the connection is back.
    const wentOffline = () => {
      created.disconnect();
      setState("offline");
    };
    const cameOnline = () => {
      setState("connecting");
      created.connect();
    };
    window.addEventListener("offline", wentOffline);
    window.addEventListener("online", cameOnline);
    setProvider(created);
    return () => {
      window.removeEventListener("offline", wentOffline);
      window.removeEventListener("online", cameOnline);
      doc.off("update", onUpdate);
      created.destroy();
      void kept?.destroy();
    };
  }, [doc, statementId]);

  return { doc, provider, state, loaded, refusal, unsent };
}
