// Pages that are not hydrated load one small script of their own instead of React and Remix: an island
// (app/islands/<name>.ts, bundled by esbuild at build time into public/build/islands/<name>-<hash>.js). A route asks
// for one with `handle: { island: name }`; the server knows the hashed file names (server/islands.server.ts) and
// hands them to the render through this context, like the nonce. Only the server renders these pages.
import { createContext, useContext } from "react";

/** A route's handle asking for an island instead of hydration. */
export interface IslandHandle {
  island?: string;
  /** A page with no script at all: plain links and form posts (the public plan page, light on a cheap phone). */
  serverOnly?: boolean;
}

/** Island name -> URL of its bundle (content-hashed, served with the rest of /build). */
export const IslandsContext = createContext<Readonly<Record<string, string>>>({});

/** The island's script tag; nothing if it was not built (the page still works with plain form posts). */
export function IslandScript({ name, nonce }: { name: string; nonce: string | undefined }) {
  const src = useContext(IslandsContext)[name];
  return src ? <script type="module" src={src} nonce={nonce} /> : null;
}
