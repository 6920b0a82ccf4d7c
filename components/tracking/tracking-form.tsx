"use client";
// Records where an obligation stands. Reason shows for the statuses that need one, approver for an
// accepted risk; the server checks it all again and answers field by field. The form names the
// version it was opened at, so a save over someone else's is refused, not lost.
import { useState } from "react";
import { saveObligationAction } from "@/lib/actions/tracking";
import { trackingStatusLabels, trackingStatuses, type TrackingStatus } from "@/lib/domain/tracking-status";
import {
  FormMessage,
  SelectField,
  SubmitButton,
  TextAreaField,
  TextField,
  useActionForm,
} from "@/components/forms/form-controls";

export interface TrackingFormValues {
  system: string;
  obligation: string;
  version: number;
  status: TrackingStatus;
  reason: string;
  approver: string;
  ownerId: string;
  dueDate: string;
  evidenceLinks: string[];
  notes: string;
}

const statusOptions = trackingStatuses.map((s) => ({ value: s, label: trackingStatusLabels[s] }));

export function TrackingForm({
  values,
  owners,
}: {
  values: TrackingFormValues;
  owners: readonly { id: string; name: string }[];
}) {
  const { state, pending, fieldError, formProps } = useActionForm(saveObligationAction);
  const [status, setStatus] = useState<TrackingStatus>(values.status);
  const needsReason = status === "not-applicable" || status === "risk-accepted";
  return (
    <form {...formProps} className="space-y-5">
      <input type="hidden" name="system" value={values.system} />
      <input type="hidden" name="obligation" value={values.obligation} />
      <input type="hidden" name="version" value={values.version} />
      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField
          label="Status"
          name="status"
          options={statusOptions}
          defaultValue={values.status}
          onChange={(value) => setStatus(value as TrackingStatus)}
          required
          error={fieldError("status")}
        />
        <SelectField
          label="Owner"
          name="ownerId"
          options={owners.map((o) => ({ value: o.id, label: o.name }))}
          defaultValue={values.ownerId}
          placeholder="Nobody yet"
          error={fieldError("ownerId")}
        />
        <TextField
          label="Due date"
          name="dueDate"
          type="date"
          defaultValue={values.dueDate}
          error={fieldError("dueDate")}
        />
        {status === "risk-accepted" ? (
          <TextField
            label="Approved by"
            name="approver"
            defaultValue={values.approver}
            required
            maxLength={200}
            hint="Who accepted the risk, e.g. the CISO."
            error={fieldError("approver")}
          />
        ) : null}
      </div>
      {needsReason ? (
        <TextAreaField
          label="Reason"
          name="reason"
          defaultValue={values.reason}
          required
          rows={3}
          maxLength={2000}
          error={fieldError("reason")}
        />
      ) : (
        <input type="hidden" name="reason" value="" />
      )}
      <TextAreaField
        label="Evidence links"
        name="evidenceLinks"
        defaultValue={values.evidenceLinks.join("\n")}
        rows={3}
        hint="One web address per line: a ticket, a runbook, a report."
        error={fieldError("evidenceLinks")}
      />
      <TextAreaField
        label="Notes"
        name="notes"
        defaultValue={values.notes}
        rows={4}
        maxLength={5000}
        error={fieldError("notes")}
      />
      <div className="flex flex-wrap items-center gap-4">
        <SubmitButton pending={pending}>Save</SubmitButton>
        <FormMessage state={state} />
      </div>
    </form>
  );
}
