import * as Y from "yjs";

/*
 * A freshly started process decodes Yjs updates with code the JIT has not optimised yet: the
 * first long statement opened after a deploy took 80–110 ms to rebuild instead of about 10 ms.
 * Start-up therefore runs the codec paths that opening a statement uses (encode and apply of a
 * snapshot with a history of edits, in both update formats) on a small synthetic document.
 */
const EDITS = 1500;
const ROUNDS = 8;

let warmed = false;

/** Once per process (the JIT's state is per process); returns the milliseconds spent. */
export function warmUpYjs(): number {
  if (warmed) return 0;
  warmed = true;
  const started = performance.now();
  const source = new Y.Doc();
  const fragment = source.getXmlFragment("warm-up");
  const paragraph = new Y.XmlElement("paragraph");
  fragment.insert(0, [paragraph]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  for (let edit = 0; edit < EDITS; edit++) {
    // Inserts at moving positions and some deletions, so the history has many small items.
    text.insert((edit * 31) % (text.length + 1), "ab");
    if (edit % 4 === 3) text.delete((edit * 17) % text.length, 1);
  }
  text.format(0, 10, { bold: true });
  for (let round = 0; round < ROUNDS; round++) {
    Y.applyUpdateV2(new Y.Doc(), Y.encodeStateAsUpdateV2(source));
    Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(source));
  }
  source.destroy();
  return performance.now() - started;
}
