import type { ConnectionState } from "./useCollaboration";

const LABELS: Record<ConnectionState, string> = {
  connected: "Ansluten",
  connecting: "Återansluter…",
  offline: "Offline – dina ändringar sparas när anslutningen är tillbaka",
  refused: "Inte ansluten",
};

export function ConnectionStatus({ state }: { state: ConnectionState }) {
  return (
    <p className={`connection-status ${state}`} role="status" aria-live="polite" data-state={state}>
      <span className="dot" aria-hidden="true" />
      {LABELS[state]}
    </p>
  );
}
