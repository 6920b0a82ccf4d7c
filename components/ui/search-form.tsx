/** A plain GET form: works without JavaScript and gives shareable URLs. */
export function SearchForm({ defaultValue, error }: { defaultValue?: string; error?: string }) {
  return (
    <form action="/" method="get" role="search" className="no-print w-full max-w-xl">
      <label htmlFor="catalog-search" className="sr-only">
        Search providers, services and responsibility areas
      </label>
      <div className="flex gap-2">
        <input
          id="catalog-search"
          name="q"
          type="search"
          defaultValue={defaultValue}
          placeholder="Search providers, services, areas, duties…"
          aria-describedby={error ? "catalog-search-error" : undefined}
          aria-invalid={error ? true : undefined}
          className="w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30"
        />
        <button
          type="submit"
          className="rounded-lg bg-slate-900 px-4 py-2 text-sm font-medium text-white hover:bg-slate-700"
        >
          Search
        </button>
      </div>
      <p id="catalog-search-error" aria-live="polite" className="mt-1 min-h-5 text-sm text-red-700">
        {error}
      </p>
    </form>
  );
}
