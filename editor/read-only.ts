import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";

interface ReadOnlyTextOptions {
  /** Read at every change, so a section can turn read-only while open (justering). */
  isReadOnly: () => boolean;
}

const refuse = () => true;

/**
 * Text the user may read, select and comment on, but not change. ProseMirror's own read-only mode
 * (contenteditable="false") leaves no caret, so keyboard users could not select a passage; here
 * the caret stays, and every change of the user's own is refused, while others' edits (applied by
 * the Yjs binding) still arrive. The collaboration server refuses such changes as well.
 */
export const ReadOnlyText = Extension.create<ReadOnlyTextOptions>({
  name: "readOnlyText",
  addOptions() {
    return { isReadOnly: () => false };
  },
  addProseMirrorPlugins() {
    const readOnly = () => this.options.isReadOnly();
    const guard = (handler: () => boolean) => () => readOnly() && handler();
    return [
      new Plugin({
        key: new PluginKey("readOnlyText"),
        filterTransaction: (transaction) => {
          if (!transaction.docChanged || !readOnly()) return true;
          const meta = transaction.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
          return meta?.isChangeOrigin === true;
        },
        props: {
          handleTextInput: guard(refuse),
          handlePaste: guard(refuse),
          handleDrop: guard(refuse),
          handleDOMEvents: {
            beforeinput: (_view: EditorView, event: Event) => {
              if (!readOnly()) return false;
              event.preventDefault();
              return true;
            },
          },
        },
      }),
    ];
  },
});
