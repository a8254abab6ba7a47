import type { AdminTemplateSection } from "@/contracts/templates";

export { keyFromTitle, moved } from "@/domain/template-editing";

/** A section being edited: the stored fields, an id for React, and whether the key was typed. */
export interface SectionDraft extends AdminTemplateSection {
  uid: string;
  keyTyped: boolean;
}

let counter = 0;
const nextUid = () => `section-${++counter}`;

export function draftOf(section: AdminTemplateSection): SectionDraft {
  return { ...section, uid: nextUid(), keyTyped: true };
}

export function emptyDraft(): SectionDraft {
  return {
    key: "",
    title: "",
    guidance: null,
    ownership: "avdelning",
    ownerUnitIds: [],
    approvals: [{ role: "avdelningschef", unitId: null }],
    startingContent: null,
    uid: nextUid(),
    keyTyped: false,
  };
}

/** What the API is sent for a section: the draft without its editing state. */
export function sectionInput({ uid: _uid, keyTyped: _keyTyped, ...section }: SectionDraft) {
  return section;
}
