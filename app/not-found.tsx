import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-xl rounded-xl border border-slate-200 bg-white p-8 text-center">
      <h1 className="text-xl font-semibold text-slate-900">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">
        There is nothing at this address. It may have moved, or never existed.
      </p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-blue-700 underline">
        Back to the catalog
      </Link>
    </div>
  );
}
