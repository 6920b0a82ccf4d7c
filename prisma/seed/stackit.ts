// STACKIT Edge Cloud — transcribed from shared/seed-docs/002_f12fdbf47cd227cc.txt.
// The component table was flattened to text: per row, the STACKIT items come first, then the
// customer items. "Hardware-" and "Workloads-" mean the STACKIT cell is "-" (an empty list, not N/A).
// Layer and component assignments come from the figure's colours: green STACKIT = provider,
// blue = customer, yellow = best effort.
import type { ProviderDocumentInput } from "@/lib/validation/provider-document";
import { area } from "./helpers";

export const stackit: ProviderDocumentInput = {
  slug: "stackit",
  name: "STACKIT",
  summary:
    "STACKIT's model for STACKIT Edge Cloud (STEC). STACKIT runs the platform and the Edge Cloud service with its APIs; the customer drives its edge estate through the STEC instance CRDs and is responsible for its edge clusters, hardware and workloads. The Talos Linux operating system on the edge hosts is supported on a best-effort basis only.",
  brandColor: "#004e5a",
  source: {
    title: "STACKIT Edge Cloud — The shared responsibility model",
    document: "shared/seed-docs/002_f12fdbf47cd227cc.txt",
    // The transcribed text is this page as served at this address (its German-locale banner included).
    url: "https://docs.stackit.cloud/de/products/runtime/edge-cloud/basics/shared-responsibility",
    retrieved: "2026-11-22",
  },
  parties: [
    { key: "provider", role: "provider", name: "STACKIT" },
    { key: "customer", role: "customer", name: "Customer" },
  ],
  compliance: [],
  contacts: [],
  sections: [
    {
      slug: "reading-the-stack",
      title: "Reading the stack",
      body: [
        "The source figure stacks the service from the bottom up:",
        "",
        "1. **STACKIT Platform** and **STACKIT Edge Cloud** (Instance API, Instance Components, Supporting Services) — run by STACKIT.",
        "2. **STEC Instance CRDs** (EdgeHost, EdgeImage, EdgeCluster) — the customer's handle on its edge resources.",
        "3. **Edge Clusters** — the customer's; the figure draws three identical clusters, each running Talos Linux (best effort) with the EdgeHostLet extension inside.",
        "",
        "The table below the figure adds two rows the figure does not draw: the edge **hardware** and the **workloads**, both on the customer side.",
      ].join("\n"),
    },
  ],
  crossCuttingAreas: [],
  services: [
    {
      slug: "edge-cloud",
      name: "STACKIT Edge Cloud",
      category: "CaaS",
      summary:
        "Service for running Kubernetes edge clusters on Talos Linux hosts, managed through STACKIT Edge Cloud custom resources (CRDs). STACKIT provides the service components, APIs and the operator behind the CRDs; the customer declares the desired state, protects access and keeps its systems updated.",
      layers: [
        {
          key: "stackit-platform",
          name: "STACKIT Platform",
          description: "Base layer of the figure.",
          assignment: "provider",
          components: [],
        },
        {
          key: "edge-cloud",
          name: "STACKIT Edge Cloud",
          assignment: "provider",
          area: "stackit-edge-cloud",
          areaInterpretation:
            "The figure colours this layer green: STACKIT provides and runs it. The table's row gives the customer duties too — installing security updates, restricting access, credential hygiene — so the matrix row is shared. Both are the source's own: the figure says who runs the layer, the table who has work to do around it.",
          components: [
            { key: "instance-api", name: "Instance API", assignment: "provider" },
            { key: "instance-components", name: "Instance Components", assignment: "provider" },
            { key: "supporting-services", name: "Supporting Services", assignment: "provider" },
          ],
        },
        {
          key: "instance-crds",
          name: "STEC Instance CRDs",
          description: "Bridges the STACKIT layers and the edge clusters.",
          assignment: "customer",
          area: "stec-instance-crds",
          areaInterpretation:
            "The figure colours the CRDs blue: the customer uses them to declare its edge estate. The table's row also gives STACKIT a duty — providing and maintaining what the exposed CRDs need — so the matrix row is shared.",
          components: [
            { key: "edge-host", name: "EdgeHost", assignment: "customer" },
            { key: "edge-image", name: "EdgeImage", assignment: "customer" },
            { key: "edge-cluster", name: "EdgeCluster", assignment: "customer" },
          ],
        },
        {
          key: "edge-clusters",
          name: "Edge Clusters",
          description:
            "The figure draws three identical Edge Cluster boxes in blue, each holding several Talos Linux instances (yellow), every one marked with the EdgeHostLet diamond.",
          assignment: "customer",
          area: "edge-clusters",
          areaInterpretation:
            "The figure colours the clusters blue: they are the customer's. The table's row also gives STACKIT a duty — the operator that acts on the desired state the customer declares — so the matrix row is shared.",
          components: [
            {
              key: "talos-linux",
              name: "Talos Linux",
              description: "Operating system of the edge hosts.",
              assignment: "best-effort",
              parties: ["provider"],
              instances: 3,
              area: "talos-linux",
              interpretation:
                "The figure draws Talos Linux in yellow (best effort) inside each of its three Edge Cluster boxes; it does not say how many instances a cluster holds. Drawn here as one box per cluster (×3) inside the blue Edge Clusters layer.",
            },
            {
              key: "edgehostlet",
              name: "EdgeHostLet",
              description: "STACKIT-provided extension present in every Talos Linux instance.",
              assignment: "shared",
              parties: ["customer", "provider"],
              area: "edgehostlet",
              markerOn: "talos-linux",
              interpretation:
                'The figure gives EdgeHostLet no colour of its own: its key says "diamond = EdgeHostLet", drawn inside each Talos Linux instance, so it is drawn the same way here. Its assignment is the table\'s: STACKIT provides and maintains the extension, the customer must not alter it and protects it against modification.',
            },
          ],
        },
      ],
      areas: [
        area(
          "STACKIT Edge Cloud",
          [
            "Provide and maintain all the components required to use STACKIT Edge Cloud.",
            "Provide access to customer facing APIs.",
            "Fix security vulnerabilities in a timely manner.",
          ],
          [
            "Review and install security updates when they are made available.",
            "Restrict and protect access to the system.",
            "Maintain a good credential hygiene to protect the service from unauthorized access.",
          ],
          { layer: "edge-cloud" },
        ),
        area(
          "STEC instance CRDs",
          ["Provide and maintain all the components required to use the exposed STACKIT Edge Cloud CRDs."],
          [
            "Use the provided CRDs to manage the underlaying external components such as EdgeHosts, EdgeClusters and EdgeImages.",
            "Take responsibility for correct configuration data being provided to the CRDs and the actions triggered by those configuration changes.",
            "Maintain secure settings and change management.",
          ],
          { layer: "instance-crds" },
        ),
        area(
          "Edge clusters",
          [
            "Provide and maintain a operator that interacts with the desired state defined in the EdgeCluster resource by the Customer.",
          ],
          [
            "Define the desired state of the EdgeCluster resource.",
            "Monitor the EdgeCluster resource for events.",
            "Take responsibility for setting changes.",
          ],
          { layer: "edge-clusters" },
        ),
        area(
          "Talos Linux",
          [
            "Provide download access to the latest supported Talos Linux and associated Kubernetes images.",
            "Provide best effort support.",
          ],
          [
            "Review and install security updates when they are made available.",
            "Restrict and protect access to the system.",
            "Maintain secure settings and change management.",
            "Monitor the system for security notifications, events, alerts and abnormal behavior.",
          ],
          {
            assignment: "best-effort",
            layer: "edge-clusters",
            interpretation:
              "Both sides list duties, but the figure colours Talos Linux yellow and STACKIT's own duty is best-effort support, so the row is best effort rather than shared.",
          },
        ),
        area("Hardware", [], ["Restrict and protect access to the system."], {
          notes: 'The STACKIT cell is "-" (nothing listed), not N/A. The figure draws no hardware layer.',
        }),
        area(
          "Workloads",
          [],
          [
            "Review and install security updates when they are made available.",
            "Do not alter and protect STACKIT provided applications against modification.",
          ],
          { notes: 'The STACKIT cell is "-" (nothing listed), not N/A. The figure draws no workload layer.' },
        ),
        area(
          "EdgeHostLet",
          ["Provide and maintain the EdgeHostLet extension."],
          ["Do not alter and protect the EdgeHostLet against modification."],
          { layer: "edge-clusters" },
        ),
      ],
      deploymentModels: [],
    },
  ],
};
