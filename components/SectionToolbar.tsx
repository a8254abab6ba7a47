"use client";

import { type Editor, useEditorState } from "@tiptap/react";

interface ToolbarButton {
  label: string;
  shortcut?: string;
  run: (editor: Editor) => void;
  isActive?: (editor: Editor) => boolean;
  isEnabled?: (editor: Editor) => boolean;
  text: string;
}

function toggleLink(editor: Editor) {
  if (editor.isActive("link")) {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    return;
  }
  const href = window.prompt("Länkens adress (https://…)", "https://");
  if (!href || href === "https://") return;
  editor.chain().focus().extendMarkRange("link").setLink({ href }).run();
}

const BUTTONS: ToolbarButton[] = [
  {
    label: "Fetstil",
    shortcut: "Ctrl+B",
    text: "F",
    run: (e) => e.chain().focus().toggleBold().run(),
    isActive: (e) => e.isActive("bold"),
  },
  {
    label: "Kursiv",
    shortcut: "Ctrl+I",
    text: "K",
    run: (e) => e.chain().focus().toggleItalic().run(),
    isActive: (e) => e.isActive("italic"),
  },
  {
    label: "Understruken",
    shortcut: "Ctrl+U",
    text: "U",
    run: (e) => e.chain().focus().toggleUnderline().run(),
    isActive: (e) => e.isActive("underline"),
  },
  {
    label: "Rubrik",
    text: "R1",
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    isActive: (e) => e.isActive("heading", { level: 2 }),
  },
  {
    label: "Underrubrik",
    text: "R2",
    run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
    isActive: (e) => e.isActive("heading", { level: 3 }),
  },
  {
    label: "Punktlista",
    text: "•",
    run: (e) => e.chain().focus().toggleBulletList().run(),
    isActive: (e) => e.isActive("bulletList"),
  },
  {
    label: "Numrerad lista",
    text: "1.",
    run: (e) => e.chain().focus().toggleOrderedList().run(),
    isActive: (e) => e.isActive("orderedList"),
  },
  { label: "Länk", text: "Länk", run: toggleLink, isActive: (e) => e.isActive("link") },
  {
    label: "Ångra",
    shortcut: "Ctrl+Z",
    text: "↶",
    run: (e) => e.chain().focus().undo().run(),
    isEnabled: (e) => e.can().undo(),
  },
  {
    label: "Gör om",
    shortcut: "Ctrl+Shift+Z",
    text: "↷",
    run: (e) => e.chain().focus().redo().run(),
    isEnabled: (e) => e.can().redo(),
  },
];

/** Formatting for one section; undo and redo only touch the user's own changes (Yjs undo manager). */
export function SectionToolbar({ editor, sectionTitle }: { editor: Editor; sectionTitle: string }) {
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) =>
      BUTTONS.map((button) => ({
        active: button.isActive?.(current) ?? false,
        enabled: button.isEnabled?.(current) ?? true,
      })),
  });
  return (
    <div className="section-toolbar" role="toolbar" aria-label={`Formatering: ${sectionTitle}`}>
      {BUTTONS.map((button, index) => {
        const { active, enabled } = state[index] ?? { active: false, enabled: true };
        return (
          <button
            key={button.label}
            type="button"
            className="tool"
            aria-label={button.label}
            title={button.shortcut ? `${button.label} (${button.shortcut})` : button.label}
            aria-pressed={button.isActive ? active : undefined}
            disabled={!enabled}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => button.run(editor)}
          >
            {button.text}
          </button>
        );
      })}
    </div>
  );
}
