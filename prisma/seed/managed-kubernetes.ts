// Generic managed Kubernetes (EKS / GKE / AKS) — built from the explainer in
// shared/seed-docs/001_fe7b90040fa261a7.txt. Not a single provider's statement: a reference model.
import type { ProviderDocumentInput } from "@/lib/validation/provider-document";
import { area } from "./helpers";

export const managedKubernetes: ProviderDocumentInput = {
  slug: "managed-kubernetes",
  name: "Managed Kubernetes (reference model)",
  summary:
    "A generic reference model for managed Kubernetes services such as Amazon EKS, Google GKE and Azure AKS, built from a vendor-neutral explainer rather than from any one provider's own statement. The cloud provider secures the physical infrastructure, the Kubernetes control plane and the patching of infrastructure-level components; the customer secures everything running inside the cluster — workloads, access, network policy, monitoring — and configures it to meet its compliance obligations.",
  brandColor: "#326ce5",
  source: {
    title: "Shared Responsibility Model (managed Kubernetes explainer)",
    document: "shared/seed-docs/001_fe7b90040fa261a7.txt",
    url: "https://armosec.io/glossary/shared-responsibility-model",
    retrieved: "2026-11-22",
  },
  parties: [
    { key: "provider", role: "provider", name: "Cloud provider" },
    { key: "customer", role: "customer", name: "Customer" },
  ],
  compliance: [
    {
      kind: "framework",
      name: "GDPR",
      notes: "Named as a standard customers meet by configuring resources and workloads.",
    },
    {
      kind: "framework",
      name: "HIPAA",
      notes: "Named as a standard customers meet by configuring resources and workloads.",
    },
    {
      kind: "framework",
      name: "PCI DSS",
      notes: "Named as a standard customers meet by configuring resources and workloads.",
    },
    {
      kind: "framework",
      name: "SOC 2",
      notes: "Named as a standard customers meet by configuring resources and workloads.",
    },
  ],
  contacts: [],
  sections: [
    {
      slug: "best-practices",
      title: "Best practices",
      body: [
        "1. **Know the boundary.** Be clear where the provider's duties stop and yours start; gaps there show up as unpatched software, loose IAM policies or unprotected workloads.",
        "2. **Defend in depth.** Layer controls — network policies, pod security standards, runtime security tooling — so one failure does not open the whole system.",
        "3. **Audit regularly.** Check clusters and cloud accounts against the standards you must meet; posture management (CSPM) tools can find misconfigurations and policy violations automatically.",
        "4. **Automate.** Use Infrastructure as Code and CI/CD pipelines with built-in security checks for vulnerability scanning, patching and compliance checks, to cut human error as environments change.",
        "5. **Keep talking.** Maintain clear channels with the provider to resolve issues quickly, share threat intelligence and roll out security updates in time.",
      ].join("\n"),
    },
    {
      slug: "open-source-tooling",
      title: "Where open-source tooling helps",
      body: "The explainer points to open-source tools (for example Kubescape, Prometheus and Tetragon) for visibility into infrastructure and workloads, for automating threat detection, vulnerability scanning and compliance checks, and for runtime threat detection — with the community often reacting quickly to new vulnerabilities.",
    },
  ],
  crossCuttingAreas: [],
  services: [
    {
      slug: "managed-kubernetes",
      name: "Managed Kubernetes (EKS / GKE / AKS)",
      category: "CaaS",
      summary:
        "Managed Kubernetes in general: the provider runs and secures the control plane (scheduling, orchestration) and the infrastructure under the cluster; the customer secures pods, services and containerised applications, access control and network policies.",
      layers: [],
      deploymentModels: [],
      areas: [
        area(
          "Infrastructure",
          [
            "Physical and environmental security of the data centers hosting the cluster",
            "Hardware, networking and storage",
            "Virtualization and hypervisor security",
          ],
          [],
          {
            notes:
              "The first duty is from the managed Kubernetes list; the others from the explainer's general examples of provider duties.",
          },
        ),
        area(
          "Control plane",
          [
            "Security of the Kubernetes control plane",
            "Scheduling and orchestration",
            "Infrastructure that keeps the cluster running",
          ],
          [],
          {
            plane: "control",
            notes:
              'The explainer lists this as "Managed services": the provider secures the control plane of EKS, GKE and AKS.',
          },
        ),
        area(
          "Patching and updates",
          [
            "Updates and security patches for infrastructure-level components, including operating systems and the hypervisor",
          ],
          [],
        ),
        area(
          "Workload security",
          [],
          [
            "Secure container images and how they are configured to run in the cluster",
            "Use trusted base images",
            "Scan images regularly for security flaws",
          ],
          { plane: "data" },
        ),
        area(
          "Access controls",
          [],
          [
            "Role-Based Access Control (RBAC)",
            "Identity and access management (IAM) policies",
            "Authentication across services",
          ],
        ),
        area(
          "Network security",
          [],
          [
            "Correctly configured network policies",
            "Restrict ingress and egress traffic",
            "Service mesh to enforce security across services",
          ],
          { plane: "data" },
        ),
        area(
          "Monitoring and logging",
          [],
          [
            "Set up monitoring and logging tools, Kubernetes-native (e.g. Prometheus, Fluentd) or cloud tools (e.g. AWS CloudTrail)",
            "Continuously track security events",
          ],
          { plane: "data" },
        ),
        area(
          "Compliance",
          [],
          ["Configure resources and workloads to meet standards such as GDPR, HIPAA, PCI DSS and SOC 2"],
        ),
      ],
    },
  ],
};
