"use client";

import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { EditorContent, useEditor } from "@tiptap/react";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import { sectionExtensions } from "@/editor/extensions";

interface SectionEditorProps {
  sectionKey: string;
  title: string;
  fragment: Y.XmlFragment;
  provider: WebsocketProvider;
  editable: boolean;
  headingId: string;
}

/** One section's rich text, bound to its own Y.XmlFragment of the statement's Y.Doc. */
export function SectionEditor({
  sectionKey,
  title,
  fragment,
  provider,
  editable,
  headingId,
}: SectionEditorProps) {
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        ...sectionExtensions(),
        Collaboration.configure({ fragment }),
        // The server replaces the name and colour with the signed-in user's; these are placeholders.
        CollaborationCaret.configure({ provider, user: { name: "", color: "#1f5f99" } }),
      ],
      editorProps: {
        attributes: {
          class: "section-text",
          "aria-labelledby": headingId,
          "aria-readonly": String(!editable),
          "data-section": sectionKey,
          ...(editable ? { "aria-multiline": "true", role: "textbox" } : {}),
        },
      },
    },
    [fragment, provider, editable],
  );
  return <EditorContent editor={editor} className="section-editor" aria-label={title} />;
}
