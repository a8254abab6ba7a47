/**
 * The save button of an admin row's form and the button beside it that activates an inactive unit
 * or user and deactivates an active one.
 */
export function SaveAndActiveToggle({
  saveClassName,
  active,
  busy,
  onToggle,
}: {
  saveClassName: string;
  active: boolean;
  busy: boolean;
  onToggle: () => void;
}) {
  return (
    <>
      <button type="submit" className={saveClassName} disabled={busy}>
        Spara
      </button>
      <button type="button" className="button secondary" disabled={busy} onClick={onToggle}>
        {active ? "Avaktivera" : "Aktivera"}
      </button>
    </>
  );
}
