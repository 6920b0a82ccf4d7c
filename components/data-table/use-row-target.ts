"use client";

import { useEffect, useSyncExternalStore } from "react";

const subscribe = (onChange: () => void) => {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
};
const readHash = () => decodeURIComponent(window.location.hash.slice(1));
const noHash = () => "";

/**
 * The row a link points at (`…#area-backups`, from search results or another page), when this table has
 * it: the table opens the groups holding it and highlights it (CSS `:target` misses rows rendered after
 * the page opened), and it is scrolled to once rendered. Follows the fragment as it changes.
 */
export function useRowTarget<TData>(
  rows: readonly TData[],
  anchorOf: ((row: TData) => string) | undefined,
): { id: string; row: TData } | null {
  const hash = useSyncExternalStore(subscribe, readHash, noHash);
  const row = hash && anchorOf ? rows.find((r) => anchorOf(r) === hash) : undefined;
  const id = row === undefined ? null : hash;
  // The browser's own jump happened before the row existed (it may sit in a group that starts folded).
  useEffect(() => {
    if (id) document.getElementById(id)?.scrollIntoView({ block: "start" });
  }, [id]);
  return row === undefined || id === null ? null : { id, row };
}
