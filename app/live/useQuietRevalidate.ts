// Reloading a page's data when someone else changed something, without stepping on the page's own forms:
// a revalidation started while a fetcher is still reloading after its action can leave that fetcher "loading"
// for good (remix-run/remix#10668, #8298). So while a form or a reload is in flight the request is remembered,
// and made once everything is idle.
import { useFetchers, useNavigation, useRevalidator } from "@remix-run/react";
import { useCallback, useEffect, useRef } from "react";

export function useQuietRevalidate(): () => void {
  const revalidator = useRevalidator();
  const fetchers = useFetchers();
  const navigation = useNavigation();
  const busy = fetchers.some((f) => f.state !== "idle") || revalidator.state !== "idle" || navigation.state !== "idle";
  const state = useRef({ busy, pending: false, revalidate: revalidator.revalidate });
  state.current.busy = busy;
  state.current.revalidate = revalidator.revalidate;
  useEffect(() => {
    if (!busy && state.current.pending) {
      state.current.pending = false;
      state.current.revalidate();
    }
  }, [busy]);
  return useCallback(() => {
    if (state.current.busy) state.current.pending = true;
    else state.current.revalidate();
  }, []);
}
