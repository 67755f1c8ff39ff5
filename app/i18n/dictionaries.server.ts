// Both languages, for the server: it renders either and answers API errors in the caller's language. A browser
// bundle gets an empty module here (the `.server` convention) and loads only the reader's dictionary.
import { en } from "./en";
import { es } from "./es";

export const serverDictionaries = { es, en };
