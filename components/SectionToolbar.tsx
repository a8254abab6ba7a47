"use client";

import { type Editor, useEditorState } from "@tiptap/react";
import { type KeyboardEvent, type ReactNode, useRef, useState } from "react";
import { LinkDialog } from "./LinkDialog";

interface ToolbarButton {
  label: string;
  /** What the button shows: a conventional glyph, or the label itself when no glyph is clear. */
  face: ReactNode;
  shortcut?: string;
  run: (editor: Editor, openLinkDialog: () => void) => void;
  isActive?: (editor: Editor) => boolean;
  isEnabled?: (editor: Editor) => boolean;
}

/** Toggles a mark on the selection; pressed where the selection has it. */
const markButton = (
  label: string,
  face: ReactNode,
  shortcut: string,
  mark: "bold" | "italic" | "underline",
): ToolbarButton => ({
  label,
  face,
  shortcut,
  run: (e) => e.chain().focus().toggleMark(mark).run(),
  isActive: (e) => e.isActive(mark),
});

/** Turns the paragraph into a heading of the level, or back; the label is the face. */
const headingButton = (label: string, level: 2 | 3): ToolbarButton => ({
  label,
  face: label,
  run: (e) => e.chain().focus().toggleHeading({ level }).run(),
  isActive: (e) => e.isActive("heading", { level }),
});

const BUTTONS: ToolbarButton[] = [
  markButton("Fetstil", <b>F</b>, "Ctrl+B", "bold"),
  markButton("Kursiv", <i>K</i>, "Ctrl+I", "italic"),
  markButton("Understruken", <u>U</u>, "Ctrl+U", "underline"),
  headingButton("Rubrik", 2),
  headingButton("Underrubrik", 3),
  {
    label: "Punktlista",
    face: "• Lista",
    run: (e) => e.chain().focus().toggleBulletList().run(),
    isActive: (e) => e.isActive("bulletList"),
  },
  {
    label: "Numrerad lista",
    face: "1. Lista",
    run: (e) => e.chain().focus().toggleOrderedList().run(),
    isActive: (e) => e.isActive("orderedList"),
  },
  {
    label: "Länk",
    face: "Länk",
    run: (_e, openLinkDialog) => openLinkDialog(),
    isActive: (e) => e.isActive("link"),
  },
  {
    label: "Infoga tabell",
    face: "Tabell",
    run: (e) => e.chain().focus().insertTable({ rows: 3, cols: 2, withHeaderRow: true }).run(),
    isEnabled: (e) => e.can().insertTable({ rows: 3, cols: 2, withHeaderRow: true }),
  },
  {
    label: "Ångra",
    face: "↶ Ångra",
    shortcut: "Ctrl+Z",
    run: (e) => e.chain().focus().undo().run(),
    isEnabled: (e) => e.can().undo(),
  },
  {
    label: "Gör om",
    face: "↷ Gör om",
    shortcut: "Ctrl+Shift+Z",
    run: (e) => e.chain().focus().redo().run(),
    isEnabled: (e) => e.can().redo(),
  },
];

const MOVES: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index, count) => (index + 1) % count,
  ArrowLeft: (index, count) => (index - 1 + count) % count,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

/**
 * Formatting for one section: one Tab stop, the arrow keys move between the buttons (roving
 * tabindex). Undo and redo only touch the user's own changes (Yjs undo manager).
 */
export function SectionToolbar({ editor, sectionTitle }: { editor: Editor; sectionTitle: string }) {
  const [current, setCurrent] = useState(0);
  const [linkOpen, setLinkOpen] = useState(false);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const state = useEditorState({
    editor,
    selector: ({ editor: at }) =>
      BUTTONS.map((button) => ({
        active: button.isActive?.(at) ?? false,
        enabled: button.isEnabled?.(at) ?? true,
      })),
  });
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const move = MOVES[event.key];
    if (!move) return;
    event.preventDefault();
    const next = move(current, BUTTONS.length);
    setCurrent(next);
    buttons.current[next]?.focus();
  };
  return (
    <>
      <div
        className="section-toolbar"
        role="toolbar"
        aria-label={`Formatering: ${sectionTitle}`}
        onKeyDown={onKeyDown}
      >
        {BUTTONS.map((button, index) => {
          const { active, enabled } = state[index] ?? { active: false, enabled: true };
          const tip = button.shortcut ? `${button.label} (${button.shortcut})` : button.label;
          return (
            <button
              key={button.label}
              ref={(element) => {
                buttons.current[index] = element;
              }}
              type="button"
              className="tool"
              tabIndex={index === current ? 0 : -1}
              aria-label={button.label}
              aria-keyshortcuts={button.shortcut?.replace("Ctrl", "Control")}
              aria-pressed={button.isActive ? active : undefined}
              aria-disabled={!enabled}
              onFocus={() => setCurrent(index)}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => enabled && button.run(editor, () => setLinkOpen(true))}
            >
              <span aria-hidden="true">{button.face}</span>
              <span className="tool-tip" aria-hidden="true">
                {tip}
              </span>
            </button>
          );
        })}
      </div>
      {linkOpen && <LinkDialog editor={editor} onClose={() => setLinkOpen(false)} />}
    </>
  );
}
