import { z } from "zod";

/** POST /api/statements/:id/versions */
export const namedVersionRequest = z.object({
  name: z.string().trim().min(1, "ange ett namn").max(200, "namnet får vara högst 200 tecken"),
  note: z.string().trim().max(2000, "anteckningen får vara högst 2000 tecken").optional(),
});
export type NamedVersionRequest = z.infer<typeof namedVersionRequest>;

/** POST /api/statements/:id/sections/:key/restore */
export const restoreSectionRequest = z.object({
  versionId: z.uuid("ska vara en versions id"),
});
export type RestoreSectionRequest = z.infer<typeof restoreSectionRequest>;

/** POST /api/statements/:id/restore: a chef restores every section from the version. */
export const restoreStatementRequest = restoreSectionRequest;

export const versionKind = z.enum(["final", "approval", "quiet", "named"]);

export const versionSummary = z.object({
  id: z.string(),
  kind: versionKind,
  name: z.string().nullable(),
  note: z.string().nullable(),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type VersionSummaryBody = z.infer<typeof versionSummary>;

/** GET /api/statements/:id/versions */
export const versionList = z.object({ versions: z.array(versionSummary) });

/** GET /api/statements/:id/versions/:versionId */
export const versionDetail = versionSummary.extend({
  sections: z.array(
    z.object({ key: z.string(), title: z.string(), contentHash: z.string(), text: z.string() }),
  ),
});
export type VersionDetailBody = z.infer<typeof versionDetail>;

export const diffPart = z.object({ kind: z.enum(["same", "added", "removed"]), text: z.string() });

/** GET /api/statements/:id/versions/:a/diff/:b (b may be "current") */
export const versionDiff = z.object({
  from: z.string(),
  to: z.string(),
  sections: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      changed: z.boolean(),
      /** Word-level, only for changed sections. */
      parts: z.array(diffPart),
      /** The same by paragraph: changed ones word by word, one unchanged one of context, the rest counted. */
      paragraphs: z.array(
        z.union([
          z.object({ kind: z.literal("context"), text: z.string() }),
          z.object({ kind: z.literal("changed"), parts: z.array(diffPart) }),
          z.object({ kind: z.literal("collapsed"), paragraphs: z.number() }),
        ]),
      ),
    }),
  ),
});
export type VersionDiffBody = z.infer<typeof versionDiff>;

/** POST .../restore answers with the section's new content hash. */
export const restoredSection = z.object({
  sectionKey: z.string(),
  versionId: z.string(),
  contentHash: z.string(),
});
export type RestoredSectionBody = z.infer<typeof restoredSection>;

/** POST /api/statements/:id/restore answers with the sections it changed (unchanged ones are left). */
export const restoredStatement = z.object({
  versionId: z.string(),
  sections: z.array(restoredSection.omit({ versionId: true })),
});
export type RestoredStatementBody = z.infer<typeof restoredStatement>;

/** A writer as the authorship view shows them: their (first) unit and its presence colour. */
export const paragraphAuthor = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string().nullable(),
  color: z.string(),
});
export type ParagraphAuthor = z.infer<typeof paragraphAuthor>;

/** GET /api/statements/:id/authorship: per paragraph of the current text, the users who wrote it. */
export const paragraphAuthorship = z.object({
  sections: z.array(
    z.object({
      key: z.string(),
      title: z.string(),
      paragraphs: z.array(
        z.object({
          text: z.string(),
          authors: z.array(paragraphAuthor),
        }),
      ),
    }),
  ),
});
export type ParagraphAuthorship = z.infer<typeof paragraphAuthorship>;
