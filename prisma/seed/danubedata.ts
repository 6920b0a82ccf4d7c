// DanubeData — transcribed from shared/seed-docs/004_827cda325b6e9bfa.txt.
// Table rows are exact: each cell's items joined with ", " reproduce the source cell; "N/A" sides are notApplicable.
// One file per source document, kept whole (over 400 lines) so it reads side by side with the source.
import type { ProviderDocumentInput, ServiceInput } from "@/lib/validation/provider-document";
import { area, NA } from "./helpers";

const service = (s: Omit<ServiceInput, "layers" | "deploymentModels">): ServiceInput => ({
  ...s,
  layers: [],
  deploymentModels: [],
});

export const danubedata: ProviderDocumentInput = {
  slug: "danubedata",
  name: "DanubeData",
  summary:
    'Cloud provider whose model splits security into "of the cloud" (DanubeData: data centres, hardware, network, hypervisors, container orchestration, the management plane behind its dashboard and API) and "in the cloud" (customer: data, deployed applications, access settings, and the operating systems and software it manages). Customer duties shrink as services get more managed, but data, access decisions and application-level security always stay with the customer. One matrix per service, plus cross-cutting areas that apply to every service.',
  brandColor: "#0b5fa5",
  source: {
    title: "DanubeData — Shared Responsibility Model",
    document: "shared/seed-docs/004_827cda325b6e9bfa.txt",
    url: "https://danubedata.ro/shared-responsibility",
    retrieved: "2026-11-22",
  },
  parties: [
    { key: "provider", role: "provider", name: "DanubeData" },
    { key: "customer", role: "customer", name: "Customer" },
  ],
  compliance: [
    {
      kind: "basis",
      name: "CISPE Code of Conduct for Cloud Infrastructure Service Providers",
      clause: "section 5.1",
      notes: "The document states the model is established in accordance with this section.",
    },
    {
      kind: "framework",
      name: "GDPR",
      notes: "Cross-cutting Compliance area: DanubeData acts as data processor, the customer as data controller.",
    },
  ],
  contacts: [
    {
      kind: "url",
      label: "Documentation",
      value: "https://docs.danubedata.ro",
      purpose: "Per-service guides, security best practices and configuration recommendations.",
    },
    {
      kind: "email",
      label: "Security questions",
      value: "security@danubedata.ro",
      purpose: "Security architecture, compliance and responsible disclosure.",
    },
    {
      kind: "email",
      label: "General support",
      value: "support@danubedata.ro",
      purpose: "Technical help with service configuration and operations.",
    },
    {
      kind: "email",
      label: "Data Protection Officer",
      value: "dpo@danubedata.ro",
      purpose: "Data protection enquiries, GDPR questions and DPA requests.",
    },
  ],
  sections: [
    {
      slug: "of-and-in-the-cloud",
      title: "Security of the cloud, security in the cloud",
      body: [
        "- **DanubeData** secures what every offering runs on: facilities, hardware, networking, hypervisors, container orchestration and the management plane reached through the dashboard and API.",
        "- **The customer** secures what it puts on top: its data, its applications, the access it grants, and any operating system or software it manages itself.",
        "",
        "The more managed the service, the more shifts to DanubeData — VPS leaves the most with the customer. Customers are expected to check that they cover their part; DanubeData offers documentation, tooling and support to help.",
      ].join("\n"),
    },
  ],
  crossCuttingAreas: [
    area(
      "Identity & Access Management",
      [
        "Platform RBAC",
        "MFA infrastructure (TOTP and Passkeys)",
        "OAuth provider integration",
        "API token system",
        "session management",
      ],
      [
        "Team member management",
        "API key rotation",
        "SSH key management",
        "password policies",
        "enabling MFA for all team members",
      ],
    ),
    area(
      "Encryption",
      [
        "TLS in transit for all services (TLS 1.2+)",
        "encryption at rest for managed services (AES-256)",
        "KMS infrastructure (HashiCorp Vault)",
      ],
      [
        "Application-level encryption",
        "client-side encryption decisions",
        "KMS key management",
        "enforcing TLS in client connections",
      ],
    ),
    area(
      "Logging & Monitoring",
      [
        "Infrastructure monitoring (Prometheus/Grafana)",
        "platform audit logs (90-day retention)",
        "health checks",
        "alerting infrastructure",
        "centralised log aggregation (Loki)",
      ],
      ["Application logging", "business metrics", "alert threshold configuration", "log review and analysis"],
    ),
    area(
      "Compliance",
      [
        "GDPR compliance as data processor",
        "CISPE Code of Conduct adherence",
        "Data Processing Agreement (DPA) maintenance",
        "sub-processor transparency",
      ],
      [
        "GDPR compliance as data controller",
        "data classification",
        "Data Protection Impact Assessments (DPIAs)",
        "lawful basis for processing",
        "data subject rights fulfilment",
      ],
    ),
    area(
      "Backup & Recovery",
      [
        "Automated infrastructure backups per SLA commitments",
        "snapshot infrastructure",
        "offsite backup via Velero to self-hosted S3-compatible storage (Ceph RGW)",
      ],
      [
        "Application data backup strategy",
        "restore testing",
        "backup schedule configuration",
        "business continuity planning",
      ],
    ),
    area(
      "Network Security",
      [
        "Platform-level firewalls (Cilium network policies)",
        "DDoS mitigation",
        "network isolation between tenants",
        "ingress security",
      ],
      [
        "Firewall rule configuration",
        "application-level security",
        "IP whitelisting decisions",
        "VPN configuration where applicable",
      ],
    ),
  ],
  services: [
    service({
      slug: "vps",
      name: "Virtual Private Servers (VPS)",
      category: "IaaS",
      sourceSection: "§2.1",
      summary:
        "KubeVirt-based virtual machines. As the least managed offering, VPS leaves the guest operating system, the applications and the data inside the VM to the customer; DanubeData covers the physical layer, the hypervisor and the platform network.",
      areas: [
        area(
          "Physical Infrastructure",
          ["Data center security", "power", "cooling", "hardware procurement and maintenance"],
          NA,
        ),
        area(
          "Hypervisor & Host OS",
          ["KubeVirt hypervisor security", "host OS patching", "kernel updates", "container runtime security"],
          NA,
        ),
        area(
          "Network Infrastructure",
          ["Physical network", "DDoS protection", "platform-level firewalls", "tenant network isolation"],
          ["Firewall rule configuration", "application-level network security"],
        ),
        area("Guest Operating System", NA, [
          "OS patching",
          "security hardening",
          "configuration management",
          "system updates",
        ]),
        area("Applications & Data", NA, [
          "Application security",
          "data encryption",
          "data classification",
          "access management within the VM",
        ]),
        area(
          "Backups & Snapshots",
          ["Snapshot infrastructure", "automated snapshot scheduling", "snapshot storage"],
          ["Snapshot retention configuration", "restore testing", "application-level backup strategy"],
        ),
        area(
          "Access Management",
          ["Platform RBAC", "VNC console security", "API authentication"],
          ["SSH key management", "root passwords", "OS user accounts", "sudo policies"],
        ),
      ],
    }),
    service({
      slug: "managed-databases",
      name: "Managed Databases (MySQL, PostgreSQL, MariaDB)",
      category: "DBaaS",
      sourceSection: "§2.2",
      summary:
        "Managed MySQL, PostgreSQL and MariaDB. DanubeData runs the engine (provisioning, patching, replication, TLS); the customer keeps schema design, data management and access control inside the database.",
      areas: [
        area(
          "Physical Infrastructure",
          ["Data center security", "power", "cooling", "hardware procurement and maintenance"],
          NA,
        ),
        area(
          "Database Engine",
          ["Engine provisioning", "patching", "minor and major version upgrades", "runtime security"],
          NA,
        ),
        area(
          "Replication",
          ["Replica provisioning", "replication health monitoring", "failover management"],
          ["Read replica usage decisions", "read/write splitting in application code"],
        ),
        area(
          "Connection Security",
          ["TLS certificate provisioning", "encrypted connections", "CA certificate management"],
          ["Enforcing TLS in client connections", "client certificate configuration"],
        ),
        area(
          "Database Users & Roles",
          ["Admin credentials management", "initial user provisioning"],
          ["Application user management", "role-based access within the database", "privilege assignment"],
        ),
        area("Schema & Data", NA, [
          "Schema design",
          "query optimisation",
          "data classification",
          "data retention policies",
        ]),
        area(
          "Backups",
          ["Automated backups", "snapshot infrastructure", "backup storage and retention"],
          ["Backup schedule preferences", "restore testing", "logical backup strategy"],
        ),
        area(
          "Performance",
          ["Parameter groups infrastructure", "resource allocation", "storage performance"],
          ["Parameter tuning", "query optimisation", "indexing strategy", "connection pooling"],
        ),
      ],
    }),
    service({
      slug: "cache",
      name: "Cache Instances (Redis, Valkey, Dragonfly)",
      category: "DBaaS",
      sourceSection: "§2.3",
      summary:
        "Managed in-memory stores (Redis, Valkey, Dragonfly) with optional replicas. DanubeData runs the engine lifecycle and infrastructure; the customer designs keys and eviction and secures its connections.",
      areas: [
        area(
          "Physical Infrastructure",
          ["Data center security", "power", "cooling", "hardware procurement and maintenance"],
          NA,
        ),
        area("Cache Engine", ["Engine provisioning", "patching", "version management", "maintenance windows"], NA),
        area(
          "Replication",
          ["Replica provisioning", "replication health monitoring", "failover management"],
          ["Read replica usage decisions", "replica routing in application code"],
        ),
        area(
          "Connection Security",
          ["Network isolation between tenants", "TLS infrastructure"],
          ["Password management", "enforcing TLS in client connections", "credential rotation"],
        ),
        area("Data Management", NA, [
          "Key design",
          "eviction policies",
          "data sensitivity classification",
          "memory usage planning",
        ]),
        area(
          "Backups",
          ["Snapshot infrastructure", "snapshot storage and retention"],
          ["Snapshot scheduling configuration", "data persistence decisions", "restore testing"],
        ),
      ],
    }),
    service({
      slug: "object-storage",
      name: "Object Storage (S3-compatible)",
      category: "STaaS",
      sourceSection: "§2.4",
      summary:
        "S3-compatible object storage on Ceph RGW. DanubeData runs the storage engine, encryption at rest and tenant isolation; the customer sets access policies, lifecycle rules and any client-side encryption.",
      areas: [
        area(
          "Physical Infrastructure",
          ["Storage hardware", "data durability (99.999999999%)", "power", "cooling", "hardware maintenance"],
          NA,
        ),
        area(
          "Storage Engine",
          ["Ceph RGW provisioning", "availability management", "engine patching and upgrades"],
          NA,
        ),
        area(
          "Encryption",
          ["Server-side encryption at rest (AES-256)", "KMS infrastructure (HashiCorp Vault)"],
          ["Client-side encryption decisions", "KMS key management", "encryption policy configuration"],
        ),
        area(
          "Access Control",
          ["IAM infrastructure", "tenant isolation", "bucket namespace separation"],
          ["Bucket policies", "access key management", "CORS configuration", "presigned URL policies"],
        ),
        area("Data Management", NA, [
          "Lifecycle rules",
          "versioning configuration",
          "object retention",
          "data classification",
        ]),
        area(
          "Network Security",
          ["API endpoint security", "TLS for all connections", "DDoS protection"],
          ["Presigned URL management", "access key rotation", "secure credential storage"],
        ),
      ],
    }),
    service({
      slug: "serverless-containers",
      name: "Serverless Containers (Rapids)",
      category: "CaaS",
      sourceSection: "§2.5",
      summary:
        "Knative-based container deployments that scale to zero. DanubeData runs the runtime, the build pipeline and the network edge; the customer owns its code, its images and authentication.",
      areas: [
        area("Physical Infrastructure", ["Container runtime", "Knative infrastructure", "compute node management"], NA),
        area(
          "Build Pipeline",
          ["Kaniko build infrastructure", "container registry security", "build isolation"],
          ["Dockerfile/Buildpack configuration", "dependency security", "build-time secrets"],
        ),
        area(
          "Auto-scaling",
          ["Scale-to-zero infrastructure", "request routing", "load balancing"],
          ["Concurrency and scaling configuration", "resource limit decisions"],
        ),
        area(
          "Container Images",
          ["Base image availability", "registry infrastructure"],
          ["Image security", "vulnerability scanning", "dependency updates", "base image selection"],
        ),
        area("Application Code", NA, [
          "Code security",
          "secret management",
          "environment variable configuration",
          "input validation",
        ]),
        area(
          "Custom Domains",
          ["TLS certificate provisioning", "DNS infrastructure", "automatic certificate renewal"],
          ["DNS configuration", "domain ownership verification"],
        ),
        area(
          "Network Security",
          ["Ingress security", "DDoS protection", "tenant network isolation"],
          ["Authentication implementation", "rate limiting within the application", "IP whitelisting"],
        ),
      ],
    }),
    service({
      slug: "static-sites",
      name: "Static Sites",
      category: "PaaS",
      sourceSection: "§2.6",
      summary:
        "Static hosting built from a Git repository, with automatic TLS. DanubeData runs the whole build and hosting stack; the customer is left with source code security and published content.",
      areas: [
        area(
          "Build Infrastructure",
          ["Build pipeline", "deployment infrastructure", "build isolation", "registry management"],
          NA,
        ),
        area(
          "Hosting & CDN",
          ["Hosting infrastructure", "TLS certificates", "availability management", "DDoS protection"],
          NA,
        ),
        area("Source Code", NA, [
          "Code security",
          "dependency management",
          "vulnerability remediation in dependencies",
        ]),
        area(
          "Custom Domains",
          ["TLS certificate provisioning", "automatic certificate renewal"],
          ["DNS configuration", "domain ownership verification"],
        ),
        area("Content Security", NA, [
          "Content management",
          "password protection configuration",
          "compliance of published content",
        ]),
      ],
    }),
    service({
      slug: "managed-applications",
      name: "Managed Applications (WordPress, n8n, Ghost)",
      category: "SaaS",
      sourceSection: "§2.7",
      summary:
        "Pre-configured WordPress, n8n and Ghost instances. DanubeData provisions servers and keeps base images and runtimes patched; the customer manages plugins, users and content.",
      areas: [
        area(
          "Physical Infrastructure",
          ["Server provisioning", "resource allocation", "compute and storage infrastructure"],
          NA,
        ),
        area("Application Runtime", ["Base image updates", "runtime patching", "application engine maintenance"], NA),
        area("Plugins / Extensions", NA, ["Plugin security vetting", "plugin updates", "extension configuration"]),
        area("User Management", NA, [
          "Application users",
          "roles",
          "permissions",
          "password policies within the application",
        ]),
        area("Data & Content", NA, ["Content management", "data classification", "compliance of published content"]),
        area(
          "Backups",
          ["Automated backup infrastructure", "backup storage and retention"],
          ["Backup schedule preferences", "restore testing", "data export verification"],
        ),
        area(
          "Custom Domains",
          ["TLS certificate provisioning", "automatic certificate renewal"],
          ["DNS configuration", "domain ownership verification"],
        ),
      ],
    }),
    service({
      slug: "storage-share",
      name: "Storage Share (Managed Nextcloud)",
      category: "SaaS",
      sourceSection: "§2.8",
      summary:
        "Managed Nextcloud for file storage and collaboration. DanubeData provisions and updates the instance and its S3 backend; the customer manages users, sharing policies and app configuration.",
      areas: [
        area(
          "Physical Infrastructure",
          ["Server provisioning", "S3 storage backend", "compute and network infrastructure"],
          NA,
        ),
        area(
          "Nextcloud Runtime",
          ["Instance provisioning", "Nextcloud updates and patching", "PHP runtime maintenance"],
          NA,
        ),
        area("User Management", NA, ["User accounts", "sharing permissions", "group management", "password policies"]),
        area("File Sharing Policies", NA, [
          "Sharing links",
          "expiration settings",
          "password protection",
          "public share decisions",
        ]),
        area("Apps & Integration", NA, [
          "Nextcloud app configuration",
          "third-party integration decisions",
          "external storage mounts",
        ]),
        area(
          "Backups",
          ["Automated backups", "backup storage and retention"],
          ["Backup verification", "data export testing", "critical file versioning"],
        ),
      ],
    }),
  ],
};
