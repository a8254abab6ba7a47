import * as Y from "yjs";

/**
 * The Yjs updates of `count` keystrokes, one update each, typed in turn by `writers` separate
 * clients into the text `textName`, in typing order.
 */
export function keystrokeUpdates(writers: number, count: number, textName: string): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const docs = Array.from({ length: writers }, () => new Y.Doc());
  for (const doc of docs) doc.on("update", (update: Uint8Array) => updates.push(update));
  for (let index = 0; index < count; index++) {
    const text = (docs[index % writers] as Y.Doc).getText(textName);
    text.insert(text.length, String.fromCharCode(97 + (index % 26)));
  }
  return updates;
}
