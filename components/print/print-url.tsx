"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useSyncExternalStore } from "react";

// The origin never changes while the page lives: nothing to subscribe to.
const subscribe = () => () => {};
const browserOrigin = () => window.location.origin;
// The server cannot know the address the reader used (proxies); hydration keeps the path alone.
const noOrigin = () => "";

/** The page's address as the reader sees it (without the #fragment); follows client-side navigation. */
export function PrintUrl() {
  const origin = useSyncExternalStore(subscribe, browserOrigin, noOrigin);
  const pathname = usePathname();
  const search = useSearchParams().toString();
  return <span className="[overflow-wrap:anywhere]">{`${origin}${pathname}${search ? `?${search}` : ""}`}</span>;
}
