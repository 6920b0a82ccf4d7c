// The five seed providers, in the order they are written to the database.
import type { ProviderDocumentInput } from "@/lib/validation/provider-document";
import { alibabaCloud } from "./alibaba-cloud";
import { contain } from "./contain";
import { danubedata } from "./danubedata";
import { managedKubernetes } from "./managed-kubernetes";
import { stackit } from "./stackit";

export const seedProviders: ProviderDocumentInput[] = [danubedata, stackit, contain, alibabaCloud, managedKubernetes];
