"use client";

import { useState } from "react";

interface Props {
  onConfirm: () => void;
}

/** Restoring the whole statement replaces every section's text, so it asks once more first. */
export function RestoreStatementButton({ onConfirm }: Props) {
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)}>
        Återställ hela utlåtandet till denna version
      </button>
    );
  }
  return (
    <fieldset className="confirm-restore" aria-labelledby="confirm-restore-text">
      <p id="confirm-restore-text">
        Alla avsnitt som skiljer sig från versionen får versionens text, och godkännanden av dem blir
        inaktuella. Den nuvarande texten sparas först som en version. Vill du återställa?
      </p>
      <button
        type="button"
        onClick={() => {
          setConfirming(false);
          onConfirm();
        }}
      >
        Ja, återställ hela utlåtandet
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Avbryt
      </button>
    </fieldset>
  );
}
