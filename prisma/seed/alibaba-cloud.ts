// Alibaba Cloud Container Compute Service (ACS) — transcribed from shared/seed-docs/003_62f773309a65b13e.txt.
// The two security-item tables were flattened to text; where an item's description cell is empty
// (its bullet list was lost), the duties are left empty and a note says so.
import type { ProviderDocumentInput } from "@/lib/validation/provider-document";
import { area } from "./helpers";

const NO_DESCRIPTION =
  "The source text carries no description for this item (its list appears to have been lost when the page was flattened to text).";

export const alibabaCloud: ProviderDocumentInput = {
  slug: "alibaba-cloud",
  name: "Alibaba Cloud",
  summary:
    "Alibaba Cloud's model for Container Compute Service (ACS), a serverless, fully hosted Kubernetes platform. Alibaba Cloud secures the infrastructure, the elastic compute pools and the control plane (the control plane side); customers secure their applications, O&M configuration and business components (the data plane side). Each party is liable for the risks it introduces, and both follow least privilege for resources they manage together.",
  brandColor: "#ff6a00",
  source: {
    title: "Container Compute Service (ACS) — Shared responsibility model",
    document: "shared/seed-docs/003_62f773309a65b13e.txt",
    url: "https://alibabacloud.com/help/en/cs/security-responsibility-sharing-model",
    retrieved: "2026-11-22",
  },
  parties: [
    { key: "provider", role: "provider", name: "Alibaba Cloud" },
    {
      key: "customer",
      role: "customer",
      name: "Customer",
      description: 'A customer of ACS (the source calls the ACS console "the platform").',
    },
  ],
  compliance: [
    {
      kind: "framework",
      name: "CIS Kubernetes Benchmarks",
      notes: "Named as one of the common security standards Alibaba Cloud uses to harden ACS control plane components.",
    },
  ],
  contacts: [],
  sections: [
    {
      slug: "who-owns-what",
      title: "Who owns what",
      body: [
        "- **Alibaba Cloud** keeps the serverless platform secure and reliable: infrastructure security, secure storage and processing of data, confidentiality, privacy and integrity of customer data, compliant infrastructure and operations, and protection of customer applications from attack.",
        "- **Customers** secure their serverless applications: application data, access control, code and code audits, and authentication and authorisation so that only the right people and teams reach their applications.",
        "",
        "Where a responsibility is shared, Alibaba Cloud takes the first steps to reduce the risk.",
      ].join("\n"),
    },
    {
      slug: "customer-liability",
      title: "Customers answer for the risks they create",
      body: [
        "- A customer who deploys risky pods or grants excessive permissions is liable for the business interruptions that follow.",
        "- Privileged features (privileged mode, extra capabilities) are off by default and must be applied for. A customer who enables them carries the consequences of any stability or security problems, such as attacks on other pods in the cluster.",
      ].join("\n"),
    },
    {
      slug: "co-managed-resources",
      title: "Co-managed resources and least privilege",
      body: [
        "Some resources, such as the pod security groups a customer creates, are ideally fully hosted by Alibaba Cloud but may be managed partly by the customer. For these:",
        "",
        "- **Whoever introduces a risk is liable for it.** A customer answers for failures caused by its risky pods or malware-infected images; Alibaba Cloud vouches that the pods ACS itself manages are free of such risks.",
        "- **Both sides apply least privilege.** A customer who exposes too much to the internet bears the consequences; Alibaba Cloud ensures that ACS pod security groups are not over-exposed and that customer pods carry no container-escape risk.",
      ].join("\n"),
    },
  ],
  crossCuttingAreas: [],
  services: [
    {
      slug: "acs",
      name: "Container Compute Service (ACS)",
      category: "CaaS",
      summary:
        "Serverless container service with a hosted cluster architecture. Alibaba Cloud hosts the infrastructure of ACS clusters and secures their runtime environment and components, hardening the control plane against common standards such as the CIS Kubernetes Benchmarks; customers' security and O&M engineers secure the applications they deploy and configure and update their cloud resources.",
      layers: [],
      deploymentModels: [],
      areas: [
        // Control plane side: Alibaba Cloud
        area("Infrastructure security", [], [], { assignment: "provider", plane: "control", notes: NO_DESCRIPTION }),
        area("Security of elastic computing resource pools", [], [], {
          assignment: "provider",
          plane: "control",
          notes: NO_DESCRIPTION,
        }),
        area(
          "Security of control plane components and hosted components",
          [
            "Cluster authentication",
            "Certificate management",
            "Secret management",
            "Assessment of ports exposed to external access",
            "VPC isolation",
            "Security group configurations",
          ],
          [],
          {
            plane: "control",
            interpretation:
              'The source\'s one-sentence description ("Conducts cluster authentication, …") was split into the activities it lists; "assessment of" was read as applying to the exposed ports only.',
          },
        ),
        area(
          "Security of non-hosted components and charts in the marketplace",
          ["Standardizes the key configurations to ensure security."],
          [],
          {
            key: "marketplace-security-control-plane",
            plane: "control",
            notes:
              "The same security item also appears on the customer's data plane side (without a description there); the two rows are told apart by their plane.",
          },
        ),
        // Data plane side: customers
        area("Application security", [], [], { assignment: "customer", plane: "data", notes: NO_DESCRIPTION }),
        area(
          "O&M security",
          [],
          [
            "Network configuration of the business cloud",
            "Storage configuration of the business cloud",
            "Business observability configuration",
          ],
          {
            plane: "data",
            interpretation:
              'The source\'s one-sentence description ("Manage the network configuration and storage configuration of the business cloud and the business observability configuration.") was split into its three configuration duties.',
          },
        ),
        area(
          "Business component security",
          [],
          [
            "Strictly limit the business logic of operators and webhooks in case they compromise the security of other applications.",
          ],
          { plane: "data" },
        ),
        area("Security of non-hosted components and charts in the marketplace", [], [], {
          key: "marketplace-security-data-plane",
          assignment: "customer",
          plane: "data",
          notes: `${NO_DESCRIPTION} The same security item also appears on Alibaba Cloud's control plane side.`,
        }),
      ],
    },
  ],
};
