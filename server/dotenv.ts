// A `.env` file in the working directory is read at start-up (`npm start`, `npm run cocrea`), as .env.example says.
// Variables already set in the environment win over the file. Imported first, before anything reads process.env.
import fs from "node:fs";
import path from "node:path";

const file = path.resolve(".env");
if (fs.existsSync(file)) process.loadEnvFile(file);

export {};
