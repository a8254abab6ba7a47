import { Extension } from "@tiptap/core";

/** Moves the focus to the text of the section `step` sections away, if there is one. */
function focusSection(from: HTMLElement, step: 1 | -1): boolean {
  const all = [...document.querySelectorAll<HTMLElement>(".section-text")];
  const target = all[all.indexOf(from) + step];
  if (!target) return false;
  target.focus();
  target.scrollIntoView({ block: "nearest" });
  return true;
}

/** Alt+↓ and Alt+↑ move from one section's text to the next or the previous one. */
export const SectionNavigation = Extension.create({
  name: "sectionNavigation",
  addKeyboardShortcuts() {
    return {
      "Alt-ArrowDown": () => focusSection(this.editor.view.dom, 1),
      "Alt-ArrowUp": () => focusSection(this.editor.view.dom, -1),
    };
  },
});
