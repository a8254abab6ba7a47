/*
 * The layer rules of CONTRIBUTING.md, checked by `npm run depcheck` (part of `npm test`):
 * domain/ <- db/, workflow/ <- app/ and server/; components/ reach the server only through the API.
 */
const forbid = (name, comment, from, to) => ({
  name,
  comment,
  severity: "error",
  from: { path: from },
  to: { path: to },
});

module.exports = {
  forbidden: [
    forbid(
      "components-use-the-api",
      "components/ run in the browser and talk to the server through the HTTP API (contracts/).",
      "^components/",
      "^(db|workflow|server|auth|seed|events)/",
    ),
    forbid(
      "workflow-not-server",
      "Use cases do not depend on the process around them; the collaboration server implements their ports.",
      "^workflow/",
      "^(server|app|components)/",
    ),
    forbid(
      "domain-is-framework-free",
      "domain/ holds the rules alone: it imports nothing of the app's other folders.",
      "^domain/",
      "^(app|components|server|workflow|db|auth|seed|events|contracts|editor|bench|tests|e2e)/",
    ),
    forbid(
      "contracts-are-shapes",
      "contracts/ are shared by browser and server: schemas over domain/ only.",
      "^contracts/",
      "^(app|components|server|workflow|db|auth|seed|events|editor|bench|tests|e2e)/",
    ),
    forbid(
      "db-below-use-cases",
      "db/ stores and queries; it knows nothing of use cases, editor, auth or servers.",
      "^db/",
      "^(app|components|server|workflow|auth|seed|events|editor|bench)/",
    ),
    forbid(
      "document-renders-a-model",
      "document/ renders a statement's document model to HTML, DOCX and PDF; workflow/ builds the model.",
      "^document/",
      "^(app|components|server|workflow|db|auth|seed|events|bench|tests|e2e)/",
    ),
    forbid(
      "product-not-tests-or-bench",
      "Product code never imports tests, the bench or the end-to-end specs.",
      "^(app|components|server|workflow|db|domain|contracts|document|editor|events|auth|seed)/",
      "^(tests|bench|e2e)/",
    ),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "\\.test\\.tsx?$" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
