// Contain Platform — transcribed from shared/seed-docs/000_d7bf59eaa6ae72fc.txt.
// The page's interactive figure survives only as a run of labels (layers, components, deployment
// models, legend: Customer / Contain / Hyperscaler / Customer + Contain / All), so every layer,
// component and per-model assignment below is the team's reading and carries an `interpretation`.
// The matrix rows are the page's "Our Responsibility" and "Your Responsibility" bullets.
// One file per source document, kept whole (over 400 lines) so it reads side by side with the source.
import type { ProviderDocumentInput } from "@/lib/validation/provider-document";
import { area } from "./helpers";

const FIGURE = "Figure flattened to text;";

type Assignment = ProviderDocumentInput["services"][number]["deploymentModels"][number]["assignments"][number];

const infrastructure = ["servers", "networking", "storage"] as const;

/** The three Infrastructure components (and the "Underlying Infrastructure" row) under one model. */
function infrastructureBy(who: "customer" | "hyperscaler" | "provider", why: string): Assignment[] {
  const assigned: Pick<Assignment, "assignment" | "parties"> =
    who === "hyperscaler" ? { assignment: "third-party", parties: ["hyperscaler"] } : { assignment: who };
  return [
    ...infrastructure.map((c) => ({ component: `infrastructure/${c}`, ...assigned, interpretation: why })),
    { area: "underlying-infrastructure", ...assigned, interpretation: why },
  ];
}

const customerInfra = (model: string) =>
  infrastructureBy(
    "customer",
    `Under ${model} the servers, network and storage are the customer's; Contain operates the platform on infrastructure the customer manages.`,
  );
const hyperscalerInfra = (model: string) =>
  infrastructureBy(
    "hyperscaler",
    `Under ${model} the physical infrastructure belongs to a hyperscaler (the legend's "Hyperscaler"). The "Underlying Infrastructure" bullet says Contain manages infrastructure in the cloud provider environment too; we read that as operating on top of the hyperscaler's infrastructure, not owning it.`,
  );
const containInfra = (model: string) =>
  infrastructureBy(
    "provider",
    `Under ${model} Contain runs the infrastructure in its own datacenters ("we manage the physical servers, networking, and storage in our datacenters").`,
  );

/** Security on a public cloud: the legend's "All", the hyperscaler joining customer and Contain. */
const securityWithHyperscaler = (model: string): Assignment => ({
  component: "platform/security",
  assignment: "shared",
  parties: ["customer", "provider", "hyperscaler"],
  interpretation: `Under ${model} a hyperscaler secures the infrastructure the platform runs on, so Security is the legend's "All": customer, Contain and hyperscaler.`,
});

const VARIANT = (group: string) =>
  `The source names this model only as a label under ${group}, and says nothing about how responsibility divides under it. Readers see ${group}'s assignments, which it inherits.`;

export const contain: ProviderDocumentInput = {
  slug: "contain",
  name: "Contain",
  summary:
    "Contain operates a managed, production-grade Kubernetes platform. In short: Contain runs the platform and its managed services, the customer runs its applications on it. Who owns the infrastructure underneath depends on where the platform is deployed — the customer's datacenters, a public cloud (a hyperscaler) or Contain's own datacenters — and on the agreement with the customer. Whatever the model, the customer must use the services securely within its cluster's accepted risk profile.",
  brandColor: "#4f46e5",
  source: {
    title: "Contain — Shared Responsibility Model",
    document: "shared/seed-docs/000_d7bf59eaa6ae72fc.txt",
    url: "https://docs.contain.dk/concepts/shared-responsibility",
    retrieved: "2026-11-22",
  },
  parties: [
    { key: "provider", role: "provider", name: "Contain" },
    { key: "customer", role: "customer", name: "Customer" },
    {
      key: "hyperscaler",
      role: "third-party",
      name: "Hyperscaler",
      description: "Public cloud provider whose infrastructure (and possibly managed services) the platform runs on.",
    },
  ],
  compliance: [],
  contacts: [],
  sections: [
    {
      slug: "how-it-is-divided",
      title: "How the work is divided",
      body: [
        "- **Contain** owns the lifecycle, security and operation of the platform: the Kubernetes clusters, their nodes, the curated core components (Contain Base), guardrails and the managed services.",
        "- **The customer** owns what it builds and deploys: code, images, configuration, application-level security, data, resource sizing and instrumentation.",
        "",
        "The split of the lower layers moves with the deployment model. In some set-ups Contain manages everything except the workloads; in others it operates clusters on infrastructure the customer runs. Either way, the customer decides how securely the provided services are used, within the risk profile it accepts for each cluster (for example, over-provisioning may be fine in development but not in production).",
      ].join("\n"),
    },
    {
      slug: "reading-the-figure",
      title: "How we read the figure",
      body: [
        "The source figure is interactive and reached us only as a list of labels, so its colours are our reading of the surrounding text:",
        "",
        '- Application components are the customer\'s, as the "Your Responsibility" bullets say; **Deployment** is shared by customer and Contain (the customer declares the desired state in GitOps, the platform deploys it), the legend\'s "Customer + Contain".',
        "- Platform components are Contain's; **Security** is shared by customer and Contain, and by all three parties (the legend's \"All\") on a public cloud, where a hyperscaler is involved.",
        "- Infrastructure (servers, networking, storage) has no owner of its own: it follows the deployment model — the customer in its own datacenters, a hyperscaler in the public cloud (which also runs the control plane when its managed Kubernetes service is used), Contain in Contain's datacenters.",
        "- The source names five more models as variants (Customer IaaS, Air-Gapped, Cloud Services, Cloud IaaS, Contain IaaS) without saying how they differ from their group. We read Cloud Services as the hyperscaler's managed Kubernetes (the hyperscaler runs the control plane); the other four are marked as left open by the source and show their group's assignments.",
      ].join("\n"),
    },
  ],
  crossCuttingAreas: [],
  services: [
    {
      slug: "platform",
      name: "Contain Platform",
      category: "PaaS",
      summary:
        "Managed Kubernetes platform (clusters, core components, guardrails, managed services) run by Contain, on infrastructure owned by the customer, a hyperscaler or Contain depending on the deployment model.",
      layers: [
        {
          key: "infrastructure",
          name: "Infrastructure",
          description: "Physical servers, networking and storage underneath the clusters.",
          interpretation: `${FIGURE} no layer-wide assignment, because the owner depends on the deployment model; see its components and the per-model assignments.`,
          components: [
            {
              key: "servers",
              name: "Servers",
              assignment: null,
              area: "underlying-infrastructure",
              interpretation: `${FIGURE} who holds it depends on where the platform runs (the customer in its own datacenters, a hyperscaler in a public cloud, Contain in its datacenters), so it has no default: each deployment model assigns it.`,
            },
            {
              key: "networking",
              name: "Networking",
              assignment: null,
              area: "underlying-infrastructure",
              interpretation: `${FIGURE} who holds it depends on where the platform runs (the customer in its own datacenters, a hyperscaler in a public cloud, Contain in its datacenters), so it has no default: each deployment model assigns it.`,
            },
            {
              key: "storage",
              name: "Storage",
              assignment: null,
              area: "underlying-infrastructure",
              interpretation: `${FIGURE} who holds it depends on where the platform runs (the customer in its own datacenters, a hyperscaler in a public cloud, Contain in its datacenters), so it has no default: each deployment model assigns it.`,
            },
          ],
        },
        {
          key: "platform",
          name: "Platform",
          description: "The Kubernetes clusters and the core services that support them.",
          assignment: "provider",
          interpretation: `${FIGURE} "we manage the platform and its managed-services".`,
          components: [
            {
              key: "control-plane",
              name: "Control Plane",
              assignment: "provider",
              area: "kubernetes-control-plane",
              interpretation: `${FIGURE} read from the "Kubernetes Control Plane" bullet (Contain).`,
            },
            {
              key: "worker-nodes",
              name: "Worker Nodes",
              assignment: "provider",
              area: "worker-nodes",
              interpretation: `${FIGURE} read from the "Worker Nodes" bullet (Contain).`,
            },
            {
              key: "components",
              name: "Components",
              assignment: "provider",
              area: "core-components",
              interpretation: `${FIGURE} read from the "Core Components" bullet (Contain).`,
            },
            {
              key: "security",
              name: "Security",
              assignment: "shared",
              parties: ["customer", "provider"],
              area: "platform-security",
              interpretation: `${FIGURE} Contain secures the platform and the customer must use it securely within its risk profile, in every deployment model. A hyperscaler joins them only on a public cloud (the legend's "All"); that model adds it.`,
              areaInterpretation:
                "The \"Platform Security\" bullet lists Contain's duties only. The figure's Security box also involves the customer, whom the page makes responsible for using the services securely within its risk profile, and, on a public cloud, the hyperscaler; so the box is shared while the matrix row stays Contain's.",
            },
            {
              key: "services",
              name: "Services",
              assignment: "provider",
              area: "managed-services",
              interpretation: `${FIGURE} read from the "Managed Services" bullet (Contain).`,
            },
            {
              key: "guardrails",
              name: "Guardrails",
              assignment: "provider",
              area: "guardrails",
              interpretation: `${FIGURE} read from the "Guardrails" bullet (Contain).`,
            },
          ],
        },
        {
          key: "application",
          name: "Application",
          description: "The customer's workloads running on the platform.",
          assignment: "customer",
          interpretation: `${FIGURE} "you manage your applications running on the platform".`,
          components: [
            {
              key: "code",
              name: "Code",
              assignment: "customer",
              area: "application-code-images",
              interpretation: `${FIGURE} read from "Application Code & Images" (customer).`,
            },
            {
              key: "images",
              name: "Images",
              assignment: "customer",
              area: "application-code-images",
              interpretation: `${FIGURE} read from "Application Code & Images" (customer).`,
            },
            {
              key: "configuration",
              name: "Configuration",
              assignment: "customer",
              area: "application-configuration",
              interpretation: `${FIGURE} read from "Application Configuration" (customer).`,
            },
            {
              key: "app-security",
              name: "App Security",
              assignment: "customer",
              area: "application-security",
              interpretation: `${FIGURE} read from "Application Security": the customer is responsible for the security of its own code; the platform's services may help but do not make the application secure, so Contain carries no part of it.`,
            },
            {
              key: "data-ownership",
              name: "Data Ownership",
              assignment: "customer",
              area: "data",
              interpretation: `${FIGURE} read from "Data" (the customer owns its application data).`,
              areaInterpretation:
                'The box is about owning the data, which is the customer\'s alone. The matrix row "Data" also carries what the text adds for Contain — keeping the services the data relies on (backup, databases) running — so it is shared.',
            },
            {
              key: "instrumentation",
              name: "Instrumentation",
              assignment: "customer",
              area: "application-observability",
              interpretation: `${FIGURE} read from "Application Observability" (customer instruments its applications).`,
            },
            {
              key: "resources",
              name: "Resources",
              assignment: "customer",
              area: "resource-management",
              interpretation: `${FIGURE} read from "Resource Management" (customer).`,
            },
            {
              key: "deployment",
              name: "Deployment",
              assignment: "shared",
              parties: ["customer", "provider"],
              interpretation: `${FIGURE} read as "Customer + Contain": the customer defines the desired state in its GitOps repository, the platform deploys it.`,
            },
          ],
        },
      ],
      areas: [
        // "Our Responsibility (Managing the Platform)"
        area("Underlying Infrastructure", ["Manage physical servers", "Manage networking", "Manage storage"], [], {
          layer: "infrastructure",
          notes:
            "In Contain's datacenters or the cloud provider environment; who actually holds this depends on the deployment model.",
          cells: [
            {
              party: "hyperscaler",
              duties: [
                {
                  text: "Provide and run the physical servers, networking and storage of its cloud, where the platform runs on one",
                },
              ],
            },
          ],
          assignmentReason:
            "Contain carries this by default (Contain Datacenters); the hyperscaler's part applies in the deployment models on a public cloud, which assign the infrastructure to it.",
          interpretation:
            'The bullet says Contain manages infrastructure "in our datacenters or the cloud provider environment"; the legend names a "Hyperscaler". We read the cloud provider as owning the physical infrastructure it rents out, so the hyperscaler gets that duty of its own.',
        }),
        area(
          "Kubernetes Control Plane",
          [
            "Health and availability of the API server, scheduler, etcd and other control plane components",
            "Control plane security",
            "Control plane upgrades",
          ],
          [],
          { layer: "platform", plane: "control" },
        ),
        area(
          "Worker Nodes",
          [
            "Manage the virtual or physical machines applications run on",
            "Operating system patching",
            "Container runtime management",
            "Node health and scaling",
          ],
          [],
          { layer: "platform" },
        ),
        area(
          "Core Components",
          [
            "Manage the curated component stack of the Contain Base service",
            "Networking (CNI)",
            "Storage (CSI)",
            "Ingress",
            "DNS",
            "Certificate management",
            "Security policy",
            "Observability agents",
          ],
          [],
          { layer: "platform" },
        ),
        area(
          "Platform Security",
          [
            "Configure the platform according to industry best practices",
            "Harden the platform against threats",
            "Meet compliance standards",
          ],
          [],
          { layer: "platform" },
        ),
        area(
          "Guardrails",
          ["Develop and maintain guardrails that help customers build and run applications securely"],
          [],
          { layer: "platform" },
        ),
        area("Managed Services", ["Deploy and operate all managed services offered with the Contain Platform"], [], {
          layer: "platform",
        }),
        // "Your Responsibility (Managing Your Applications)"
        area(
          "Application Code & Images",
          [],
          ["Application source code", "Container images", "Third-party dependencies"],
          { layer: "application" },
        ),
        area(
          "Application Configuration",
          [],
          [
            "Define the desired state in Kubernetes manifests (e.g. Deployments, Services, ConfigMaps)",
            "Manage the configuration via the GitOps repository",
          ],
          { layer: "application" },
        ),
        area(
          "Application Security",
          [],
          [
            "Security of the application's own code",
            "Scan container images for vulnerabilities",
            "Manage application-level secrets",
            "Define RBAC rules for application users and service accounts",
          ],
          {
            layer: "application",
            notes:
              "The platform offers services that can help with some of this, but does not by itself make the application secure.",
          },
        ),
        area(
          "Data",
          ["Keep the services the customer uses (backup, databases, etc.) working and running"],
          ["Own the application data", "Data security", "Backup and recovery strategy"],
          {
            layer: "application",
            notes:
              "Listed under the customer's responsibilities, but the text adds that Contain is responsible for the services the customer relies on for its data being up and running.",
          },
        ),
        area("Resource Management", [], ["Set resource requests and limits (CPU and memory) for applications"], {
          layer: "application",
        }),
        area("Application Observability", [], ["Instrument applications to expose metrics, logs and traces"], {
          layer: "application",
          notes:
            "Applies only if observability is enabled; the instrumented output is consumed by Contain's central observability platform.",
        }),
      ],
      deploymentModels: [
        {
          key: "customer-datacenters",
          name: "Customer Datacenters",
          description: "The platform runs in the customer's own datacenters.",
          interpretation: `${FIGURE} model name and grouping taken from the label list; assignments are our reading of "we operate clusters and services on infrastructure that you manage".`,
          assignments: customerInfra("Customer Datacenters"),
        },
        {
          key: "public-cloud",
          name: "Public Cloud",
          description: "The platform runs on a hyperscaler's public cloud.",
          interpretation: `${FIGURE} model name and grouping taken from the label list; assignments are our reading.`,
          assignments: [...hyperscalerInfra("Public Cloud"), securityWithHyperscaler("Public Cloud")],
        },
        {
          key: "contain-datacenters",
          name: "Contain Datacenters",
          description: "The platform runs in Contain's own datacenters.",
          interpretation: `${FIGURE} model name and grouping taken from the label list; assignments are our reading of "in our datacenters".`,
          assignments: containInfra("Contain Datacenters"),
        },
        {
          key: "customer-iaas",
          name: "Customer IaaS",
          group: "customer-datacenters",
          description: "On an IaaS layer the customer operates in its datacenters.",
          interpretation: VARIANT("Customer Datacenters"),
          open: true,
          assignments: [],
        },
        {
          key: "air-gapped",
          name: "Air-Gapped",
          group: "customer-datacenters",
          description: "In customer datacenters without a connection to outside networks.",
          interpretation: VARIANT("Customer Datacenters"),
          open: true,
          assignments: [],
        },
        {
          key: "cloud-services",
          name: "Cloud Services",
          group: "public-cloud",
          description: "On a hyperscaler's managed services, including its managed Kubernetes control plane.",
          interpretation: `${FIGURE} read as a variant of Public Cloud that uses the hyperscaler's managed Kubernetes service, so the hyperscaler runs the control plane; the rest it inherits from Public Cloud.`,
          assignments: [
            {
              component: "platform/control-plane",
              assignment: "third-party",
              parties: ["hyperscaler"],
              interpretation: "With the hyperscaler's managed Kubernetes, the hyperscaler runs the control plane.",
            },
            {
              area: "kubernetes-control-plane",
              assignment: "third-party",
              parties: ["hyperscaler"],
              interpretation: "With the hyperscaler's managed Kubernetes, the hyperscaler runs the control plane.",
            },
          ],
        },
        {
          key: "cloud-iaas",
          name: "Cloud IaaS",
          group: "public-cloud",
          description: "On a hyperscaler's virtual machines, with Contain running the clusters.",
          interpretation: VARIANT("Public Cloud"),
          open: true,
          assignments: [],
        },
        {
          key: "contain-iaas",
          name: "Contain IaaS",
          group: "contain-datacenters",
          description: "On Contain's own IaaS in its datacenters.",
          interpretation: VARIANT("Contain Datacenters"),
          open: true,
          assignments: [],
        },
      ],
    },
  ],
};
