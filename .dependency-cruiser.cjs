/*
 * The layer rules of CONTRIBUTING.md, checked by `npm run depcheck` (part of `npm test`):
 * domain/ <- db/, workflow/ <- app/ and server/; components/ reach the server only through the API.
 */
module.exports = {
  forbidden: [
    {
      name: "components-use-the-api",
      comment: "components/ run in the browser and talk to the server through the HTTP API (contracts/).",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^(db|workflow|server|auth|seed|events)/" },
    },
    {
      name: "workflow-not-server",
      comment:
        "Use cases do not depend on the process around them; the collaboration server implements their ports.",
      severity: "error",
      from: { path: "^workflow/" },
      to: { path: "^(server|app|components)/" },
    },
    {
      name: "domain-is-framework-free",
      comment: "domain/ holds the rules alone: it imports nothing of the app's other folders.",
      severity: "error",
      from: { path: "^domain/" },
      to: { path: "^(app|components|server|workflow|db|auth|seed|events|contracts|editor|bench|tests|e2e)/" },
    },
    {
      name: "contracts-are-shapes",
      comment: "contracts/ are shared by browser and server: schemas over domain/ only.",
      severity: "error",
      from: { path: "^contracts/" },
      to: { path: "^(app|components|server|workflow|db|auth|seed|events|editor|bench|tests|e2e)/" },
    },
    {
      name: "db-below-use-cases",
      comment: "db/ stores and queries; it knows nothing of use cases, editor, auth or servers.",
      severity: "error",
      from: { path: "^db/" },
      to: { path: "^(app|components|server|workflow|auth|seed|events|editor|bench)/" },
    },
    {
      name: "product-not-tests-or-bench",
      comment: "Product code never imports tests, the bench or the end-to-end specs.",
      severity: "error",
      from: { path: "^(app|components|server|workflow|db|domain|contracts|editor|events|auth|seed)/" },
      to: { path: "^(tests|bench|e2e)/" },
    },
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
