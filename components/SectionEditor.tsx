"use client";

import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { Placeholder } from "@tiptap/extensions";
import { type Editor, EditorContent, useEditor } from "@tiptap/react";
import { yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import { useEffect, useMemo, useRef } from "react";
import type { WebsocketProvider } from "y-websocket";
import type * as Y from "yjs";
import type { PresenceIdentity } from "@/domain/presence";
import {
  type AuthoredBlock,
  AuthorshipHighlights,
  authorshipHighlightsKey,
} from "@/editor/authorship-highlights";
import {
  CommentHighlights,
  commentHighlightsKey,
  type HighlightedThread,
  passageStarts,
} from "@/editor/comment-highlights";
import { sectionExtensions } from "@/editor/extensions";
import { cleanPastedHtml } from "@/editor/paste";
import { ReadOnlyText } from "@/editor/read-only";
import { sectionSchema } from "@/editor/schema";
import { SectionNavigation } from "@/editor/section-navigation";
import { SectionToolbar } from "./SectionToolbar";

interface SectionEditorProps {
  sectionKey: string;
  title: string;
  fragment: Y.XmlFragment;
  provider: WebsocketProvider;
  editable: boolean;
  /** Every approval the section needs is given: editing it warns that they will go stale. */
  approved: boolean;
  /** What belongs in the section, shown while it is empty. */
  guidance?: string;
  headingId: string;
  me: PresenceIdentity;
  threads: HighlightedThread[];
  activeThreadId: string | null;
  /** Who wrote each block, shown as colours when set (null: not shown). */
  authorship: AuthoredBlock[] | null;
  onEditor: (sectionKey: string, editor: Editor | null) => void;
  /** Reports where each thread's passage starts (null: deleted), whenever that may have changed. */
  onThreadPositions: (sectionKey: string, positions: Map<string, number | null>) => void;
}

/** Another user's caret: labelled with name and unit, coloured by unit (identity set by the server). */
function renderCaret(user: Record<string, unknown>): HTMLElement {
  const color = typeof user.color === "string" ? user.color : "#4a4a55";
  const caret = document.createElement("span");
  caret.classList.add("collaboration-carets__caret");
  caret.style.borderColor = color;
  const label = document.createElement("span");
  label.classList.add("collaboration-carets__label");
  label.style.backgroundColor = color;
  label.textContent = [user.name, user.unit].filter((part) => typeof part === "string" && part).join(" · ");
  caret.append(label);
  return caret;
}

/**
 * The fragment's current content as the editor's first document, so the editor's first selection
 * is valid in it (an empty placeholder document's selection points into a list otherwise).
 */
function initialContent(fragment: Y.XmlFragment) {
  return fragment.length > 0
    ? yXmlFragmentToProseMirrorRootNode(fragment, sectionSchema()).toJSON()
    : undefined;
}

/** One section's rich text, bound to its own Y.XmlFragment of the statement's Y.Doc. */
export function SectionEditor(props: SectionEditorProps) {
  const { sectionKey, title, fragment, provider, editable, headingId, me, threads, activeThreadId } = props;
  const { approved, guidance, authorship, onEditor, onThreadPositions } = props;
  const warn = editable && approved;
  // The text stays focusable and selectable when it may not be changed (ReadOnlyText), so that
  // keyboard users can select a passage to comment on.
  const readOnly = useRef(!editable);
  readOnly.current = !editable;
  // Read once per fragment: the editor takes its content only when it is created.
  const content = useMemo(() => initialContent(fragment), [fragment]);
  const editor = useEditor(
    {
      immediatelyRender: false,
      content,
      extensions: [
        ...sectionExtensions(),
        ReadOnlyText.configure({ isReadOnly: () => readOnly.current }),
        SectionNavigation,
        Placeholder.configure({ placeholder: guidance ?? "" }),
        Collaboration.configure({ fragment }),
        CollaborationCaret.configure({ provider, user: { ...me }, render: renderCaret }),
        CommentHighlights,
        AuthorshipHighlights,
      ],
      editorProps: {
        attributes: () => ({
          class: "section-text",
          "aria-labelledby": headingId,
          "data-section": sectionKey,
          role: "textbox",
          "aria-multiline": "true",
          "aria-readonly": String(readOnly.current),
          ...(guidance ? { "aria-placeholder": guidance } : {}),
        }),
        transformPastedHTML: cleanPastedHtml,
      },
      onFocus: () => provider.awareness.setLocalStateField("section", sectionKey),
    },
    [fragment, provider],
  );

  useEffect(() => {
    // A transaction of its own renders the attributes again (aria-readonly).
    if (editor && !editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta("readOnly", !editable));
  }, [editor, editable]);

  useEffect(() => {
    onEditor(sectionKey, editor);
    return () => onEditor(sectionKey, null);
  }, [editor, sectionKey, onEditor]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(
      editor.state.tr.setMeta(commentHighlightsKey, { threads, activeId: activeThreadId }),
    );
  }, [editor, threads, activeThreadId]);

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(authorshipHighlightsKey, { blocks: authorship }));
  }, [editor, authorship]);

  useEffect(() => {
    if (!editor) return;
    let last = "";
    const report = () => {
      const positions = passageStarts(editor.state);
      const key = JSON.stringify([...positions]);
      if (key === last) return;
      last = key;
      onThreadPositions(sectionKey, positions);
    };
    report();
    // Every edit is a transaction, so this also covers "update".
    editor.on("transaction", report);
    return () => {
      editor.off("transaction", report);
    };
  }, [editor, sectionKey, onThreadPositions]);

  return (
    <div className="section-editor">
      {editor && editable && <SectionToolbar editor={editor} sectionTitle={title} />}
      {warn && (
        <p className="approved-edit-warning">
          Avsnittet är godkänt. Om du ändrar texten blir godkännandena inaktuella och avsnittet måste
          godkännas igen.
        </p>
      )}
      <EditorContent editor={editor} />
    </div>
  );
}
