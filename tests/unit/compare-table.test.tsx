import { renderToStaticMarkup } from "react-dom/server";
import { expect, test } from "vitest";
import { HandsTable } from "@/components/compare/hands-table";
import { compareHands, modelColumns, serviceColumns } from "@/lib/model/compare-hands";
import { documentToServiceDetail, partiesToDto } from "@/lib/transfer/document-to-dto";
import { comparisonDto, type ComparisonDto } from "@/lib/validation/api";
import { providerDocumentSchema } from "@/lib/validation/provider-document";
import { seedProviders } from "@/prisma/seed";

function comparison(slug: string, byModels: boolean): ComparisonDto {
  const doc = providerDocumentSchema.parse(seedProviders.find((p) => p.slug === slug));
  const services = doc.services.map((s) => documentToServiceDetail(doc, s.slug)!);
  const result = compareHands(byModels ? modelColumns(services[0]!) : serviceColumns(services));
  return comparisonDto.parse({
    provider: { slug: doc.slug, name: doc.name },
    parties: partiesToDto(doc.parties),
    service: byModels ? { slug: services[0]!.slug, name: services[0]!.name } : null,
    serviceCount: services.length,
    modelChoices: [],
    ...result,
    leftOpen: [],
    caption: "",
  });
}

test("each cell links to its area's row under the column's deployment model and says who holds it", () => {
  const data = comparison("contain", true);
  const html = renderToStaticMarkup(<HandsTable data={data} rows={data.changing} caption="Changes" showHands />);
  expect(html).toContain(
    'href="/providers/contain/services/platform?model=cloud-services#area-kubernetes-control-plane"',
  );
  expect(html).toContain(
    'href="/providers/contain/services/platform?model=customer-datacenters#area-underlying-infrastructure"',
  );
  // Column headers open the service under that model.
  expect(html).toContain('href="/providers/contain/services/platform?model=contain-datacenters"');
  // Screen readers hear the area and the column before the badge; a third party is named.
  expect(html).toContain("Kubernetes Control Plane in Cloud Services: </span>");
  expect(html).toContain("· Hyperscaler");
  expect(html).toContain("Changes hands: held 3 different ways");
  expect(html.match(/<tr>/g)).toHaveLength(1 + data.changing.length);
});

test("services link without a model, and an area missing from a service is said in words", () => {
  const data = comparison("danubedata", false);
  const html = renderToStaticMarkup(<HandsTable data={data} rows={data.stable} caption="Same" showHands={false} />);
  expect(html).toContain('href="/providers/danubedata/services/vps#area-physical-infrastructure"');
  expect(html).toContain("not in this service");
  expect(html).not.toContain("Changes hands");
  expect(html).not.toContain("?model=");
});
