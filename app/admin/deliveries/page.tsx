// Change notifications as they are delivered: failed ones first to hand, with their errors and a retry.
import type { Metadata } from "next";
import Link from "next/link";
import { DeliveryList } from "@/components/admin/delivery-list";
import { requirePagePermission } from "@/lib/auth/require-page-permission";
import { deliveryStatuses, listDeliveries } from "@/lib/notifications/list-deliveries";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Deliveries",
  description: "Change notifications sent by email and webhook: what is pending, sent or failed, and why.",
};

type Props = { searchParams: Promise<{ status?: string | string[] }> };

const filters = [
  { value: "", label: "All" },
  ...deliveryStatuses.map((s) => ({ value: s, label: s[0]!.toUpperCase() + s.slice(1) })),
];

export default async function DeliveriesPage({ searchParams }: Props) {
  const actor = await requirePagePermission(["manage:users"], "/admin/deliveries");
  const raw = (await searchParams).status;
  const status = typeof raw === "string" && deliveryStatuses.includes(raw as never) ? raw : "";
  const deliveries = await listDeliveries({ actor, status: status || null });
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold text-slate-900">Deliveries</h1>
      <p className="mb-4 text-sm text-slate-600">
        Each change to an organization&apos;s obligations goes to its email readers and webhooks; failed deliveries stay
        here with their error until they are sent again.
      </p>
      <nav aria-label="Filter by status" className="mb-4">
        <ul className="flex flex-wrap gap-2 text-sm">
          {filters.map((f) => (
            <li key={f.value}>
              <Link
                href={f.value ? `/admin/deliveries?status=${f.value}` : "/admin/deliveries"}
                aria-current={status === f.value ? "page" : undefined}
                className={`inline-block rounded-full px-3 py-1 ring-1 ring-inset ${
                  status === f.value ? "bg-slate-900 text-white ring-slate-900" : "text-slate-800 ring-slate-300"
                }`}
              >
                {f.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <DeliveryList deliveries={deliveries} />
    </>
  );
}
