import { Extension } from "@tiptap/core";
import { Plugin, type PluginKey, type StateField } from "@tiptap/pm/state";
import { DecorationSet } from "@tiptap/pm/view";

/**
 * A Tiptap extension of one plugin that shows the decorations its state holds; `state` says how
 * that state starts and follows each transaction.
 */
export function decorationsExtension<S extends { decorations: DecorationSet }>(
  name: string,
  key: PluginKey<S>,
  state: StateField<S>,
) {
  return Extension.create({
    name,
    addProseMirrorPlugins() {
      return [
        new Plugin<S>({
          key,
          state,
          props: {
            decorations: (editorState) => key.getState(editorState)?.decorations ?? DecorationSet.empty,
          },
        }),
      ];
    },
  });
}
