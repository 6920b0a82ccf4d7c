// What a customer records about one obligation (lib/model/obligation-tracking.ts). A status that
// settles an obligation without doing it says why; accepting a risk also says who approved it.
import { z } from "zod";
import { trackingStatuses } from "@/lib/domain/tracking-status";
import { isWebUrl, webUrlMessage } from "@/lib/domain/web-url";
import { optionalText } from "./schema-parts";

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2027-03-31")
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
  }, "No such date")
  .refine((value) => value >= "1900-01-01" && value <= "2999-12-31", "Use a date between 1900 and 2999");

export const trackingInputSchema = z
  .strictObject({
    status: z.enum(trackingStatuses, { error: "Choose a status" }),
    reason: optionalText(2000),
    approver: optionalText(200),
    ownerId: z.string().trim().max(100).optional(),
    dueDate: isoDate.or(z.literal("")).optional(),
    // One message for the field, naming the link: a form shows the links as lines of one box.
    evidenceLinks: z
      .array(z.string().trim())
      .max(20, "At most 20 links")
      .superRefine((links, context) =>
        links.forEach((link, i) => {
          const problem = link.length > 2000 ? "At most 2000 characters" : isWebUrl(link) ? null : webUrlMessage;
          if (problem) context.addIssue({ code: "custom", message: `Link ${i + 1}: ${problem}` });
        }),
      )
      .transform((links) => [...new Set(links)])
      .default([]),
    notes: optionalText(5000),
  })
  .superRefine((value, context) => {
    if ((value.status === "not-applicable" || value.status === "risk-accepted") && !value.reason)
      context.addIssue({ code: "custom", path: ["reason"], message: "Say why (required for this status)" });
    if (value.status === "risk-accepted" && !value.approver)
      context.addIssue({ code: "custom", path: ["approver"], message: "Name who accepted the risk" });
  });
