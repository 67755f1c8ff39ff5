/** @type {import('@remix-run/dev').AppConfig} */
export default {
  ignoredRouteFiles: ["**/.*", "**/*.test.*"],
  serverModuleFormat: "esm",
  serverPlatform: "node",
  // The Express server in server/ hosts this build; it also owns the database and sockets.
  serverDependenciesToBundle: [],
};
