// `npm start` serves in production mode unless told otherwise: React's production build, and Remix's error
// answers without stack traces. Imported first by server/index.ts, before Remix, React or the build load;
// NODE_ENV=development (or anything else set) is left alone. Cross-platform, unlike a shell prefix in package.json.
if (!process.env.NODE_ENV) process.env.NODE_ENV = "production";

export {};
