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
    `Under ${model} Contain runs the infrastructure in its own datacenters (the default, stated explicitly for clarity).`,
  );

export const contain: ProviderDocumentInput = {
  slug: "contain",
  name: "Contain",
  summary:
    "Contain operates a managed, production-grade Kubernetes platform. In short: Contain runs the platform and its managed services, the customer runs its applications on it. Who owns the infrastructure underneath depends on where the platform is deployed — the customer's datacenters, a public cloud (a hyperscaler) or Contain's own datacenters — and on the agreement with the customer. Whatever the model, the customer must use the services securely within its cluster's accepted risk profile.",
  brandColor: "#4f46e5",
  source: { title: "Contain — Shared Responsibility Model", document: "shared/seed-docs/000_d7bf59eaa6ae72fc.txt" },
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
        "- Application components are the customer's, except **App Security** and **Deployment**, shared by customer and Contain (the platform helps with guardrails and GitOps).",
        "- Platform components are Contain's; **Security** is shared by all three parties (the legend's \"All\").",
        "- Infrastructure (servers, networking, storage) follows the deployment model: the customer in its own datacenters, a hyperscaler in the public cloud (which also runs the control plane when its managed Kubernetes service is used), Contain in Contain's datacenters.",
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
              assignment: "provider",
              interpretation: `${FIGURE} taken from the "Underlying Infrastructure" bullet; Contain by default (Contain Datacenters), changed per deployment model.`,
            },
            {
              key: "networking",
              name: "Networking",
              assignment: "provider",
              interpretation: `${FIGURE} taken from the "Underlying Infrastructure" bullet; Contain by default (Contain Datacenters), changed per deployment model.`,
            },
            {
              key: "storage",
              name: "Storage",
              assignment: "provider",
              interpretation: `${FIGURE} taken from the "Underlying Infrastructure" bullet; Contain by default (Contain Datacenters), changed per deployment model.`,
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
              interpretation: `${FIGURE} read from the "Kubernetes Control Plane" bullet (Contain).`,
            },
            {
              key: "worker-nodes",
              name: "Worker Nodes",
              assignment: "provider",
              interpretation: `${FIGURE} read from the "Worker Nodes" bullet (Contain).`,
            },
            {
              key: "components",
              name: "Components",
              assignment: "provider",
              interpretation: `${FIGURE} read from the "Core Components" bullet (Contain).`,
            },
            {
              key: "security",
              name: "Security",
              assignment: "shared",
              parties: ["customer", "provider", "hyperscaler"],
              interpretation: `${FIGURE} read as the legend's "All": Contain secures the platform, the customer uses it securely within its risk profile, and a hyperscaler secures its infrastructure where one is used.`,
            },
            {
              key: "services",
              name: "Services",
              assignment: "provider",
              interpretation: `${FIGURE} read from the "Managed Services" bullet (Contain).`,
            },
            {
              key: "guardrails",
              name: "Guardrails",
              assignment: "provider",
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
              interpretation: `${FIGURE} read from "Application Code & Images" (customer).`,
            },
            {
              key: "images",
              name: "Images",
              assignment: "customer",
              interpretation: `${FIGURE} read from "Application Code & Images" (customer).`,
            },
            {
              key: "configuration",
              name: "Configuration",
              assignment: "customer",
              interpretation: `${FIGURE} read from "Application Configuration" (customer).`,
            },
            {
              key: "app-security",
              name: "App Security",
              assignment: "shared",
              parties: ["customer", "provider"],
              interpretation: `${FIGURE} read as "Customer + Contain": the customer owns application security, but the platform provides services (guardrails) that help.`,
            },
            {
              key: "data-ownership",
              name: "Data Ownership",
              assignment: "customer",
              interpretation: `${FIGURE} read from "Data" (the customer owns its application data).`,
            },
            {
              key: "instrumentation",
              name: "Instrumentation",
              assignment: "customer",
              interpretation: `${FIGURE} read from "Application Observability" (customer instruments its applications).`,
            },
            {
              key: "resources",
              name: "Resources",
              assignment: "customer",
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
          interpretation: `${FIGURE} model name and grouping taken from the label list; assignments are our reading.`,
          assignments: customerInfra("Customer Datacenters"),
        },
        {
          key: "public-cloud",
          name: "Public Cloud",
          description: "The platform runs on a hyperscaler's public cloud.",
          interpretation: `${FIGURE} model name and grouping taken from the label list; assignments are our reading.`,
          assignments: hyperscalerInfra("Public Cloud"),
        },
        {
          key: "contain-datacenters",
          name: "Contain Datacenters",
          description: "The platform runs in Contain's own datacenters.",
          interpretation: `${FIGURE} model name and grouping taken from the label list; assignments are our reading.`,
          assignments: containInfra("Contain Datacenters"),
        },
        {
          key: "customer-iaas",
          name: "Customer IaaS",
          group: "customer-datacenters",
          description: "On an IaaS layer the customer operates in its datacenters.",
          interpretation: `${FIGURE} read as a variant of Customer Datacenters; the group's assignments are repeated here.`,
          assignments: customerInfra("Customer IaaS"),
        },
        {
          key: "air-gapped",
          name: "Air-Gapped",
          group: "customer-datacenters",
          description: "In customer datacenters without a connection to outside networks.",
          interpretation: `${FIGURE} read as a variant of Customer Datacenters; the group's assignments are repeated here.`,
          assignments: customerInfra("Air-Gapped"),
        },
        {
          key: "cloud-services",
          name: "Cloud Services",
          group: "public-cloud",
          description: "On a hyperscaler's managed services, including its managed Kubernetes control plane.",
          interpretation: `${FIGURE} read as a variant of Public Cloud that uses the hyperscaler's managed Kubernetes service.`,
          assignments: [
            ...hyperscalerInfra("Cloud Services"),
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
          interpretation: `${FIGURE} read as a variant of Public Cloud using only the hyperscaler's IaaS.`,
          assignments: hyperscalerInfra("Cloud IaaS"),
        },
        {
          key: "contain-iaas",
          name: "Contain IaaS",
          group: "contain-datacenters",
          description: "On Contain's own IaaS in its datacenters.",
          interpretation: `${FIGURE} read as a variant of Contain Datacenters; the group's assignments are repeated here.`,
          assignments: containInfra("Contain IaaS"),
        },
      ],
    },
  ],
};
