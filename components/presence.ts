"use client";

import { useEffect, useState } from "react";
import type { WebsocketProvider } from "y-websocket";
import type { PresenceIdentity } from "@/domain/presence";

export interface PresentUser extends PresenceIdentity {
  /** Key of the section the user is working in, if any. */
  section: string | null;
  isMe: boolean;
}

function isIdentity(value: unknown): value is PresenceIdentity {
  const user = value as Partial<PresenceIdentity> | null;
  return typeof user?.userId === "string" && typeof user.name === "string" && typeof user.color === "string";
}

/**
 * Who is in the statement, from awareness. Identities come from the server, which overwrites what
 * clients claim; the own entry is taken from the page's signed-in user. One row per user, even
 * with several tabs open.
 */
export function usePresence(provider: WebsocketProvider | null, me: PresenceIdentity): PresentUser[] {
  const [users, setUsers] = useState<PresentUser[]>([]);
  useEffect(() => {
    if (!provider) return;
    const { awareness } = provider;
    const update = () => {
      const byUser = new Map<string, PresentUser>();
      const ownState = awareness.getLocalState();
      byUser.set(me.userId, {
        ...me,
        section: (ownState?.section as string | undefined) ?? null,
        isMe: true,
      });
      for (const [clientId, state] of awareness.getStates()) {
        if (clientId === awareness.clientID || !isIdentity(state.user) || state.user.userId === me.userId)
          continue;
        const section = typeof state.section === "string" ? state.section : null;
        const existing = byUser.get(state.user.userId);
        if (!existing || (!existing.section && section))
          byUser.set(state.user.userId, { ...state.user, section, isMe: false });
      }
      setUsers([...byUser.values()]);
    };
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [provider, me]);
  return users;
}
