"use client";

import { useEffect, useState } from "react";
import type * as Y from "yjs";
import { fragmentPlainText } from "@/editor/section-content";

/** A section's current plain text, following every edit (used only where a diff is shown). */
export function useSectionText(fragment: Y.XmlFragment, enabled: boolean): string {
  const [text, setText] = useState(() => (enabled ? fragmentPlainText(fragment) : ""));
  useEffect(() => {
    if (!enabled) return;
    const update = () => setText(fragmentPlainText(fragment));
    update();
    fragment.observeDeep(update);
    return () => fragment.unobserveDeep(update);
  }, [fragment, enabled]);
  return text;
}
