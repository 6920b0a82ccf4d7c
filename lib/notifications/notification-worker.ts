// Runs the outbox (lib/notifications/deliver-notifications.ts) and the daily digests every few
// seconds in a long-lived process (npm start's). It has its own small database client, so it never
// takes connections the pages need; one run at a time (the next is scheduled when one ends), and
// a failed run is logged in a line and tried again at the next tick: it never stops the process.
import "server-only";
import { createPrismaClient } from "@/lib/database/client";
import { env } from "@/lib/env";
import { deliverDueNotifications } from "./deliver-notifications";
import { sendDailyDigests } from "./send-daily-digests";
import type { EmailSettings } from "./send-email";

export function startNotificationWorker(options: {
  databaseUrl: string;
  /** The portal's public origin for links in messages: env.publicOrigin, else the address it serves on. */
  origin: string;
  intervalMs?: number;
  email?: EmailSettings | null;
  log: (line: string) => void;
}): () => Promise<void> {
  const intervalMs = options.intervalMs ?? 5000;
  const email = options.email === undefined ? env.email : options.email;
  const db = createPrismaClient(options.databaseUrl, { max: 2 });
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const run = async () => {
    try {
      const delivered = await deliverDueNotifications({ db, email, origin: options.origin });
      if (delivered.sent || delivered.retrying || delivered.failed)
        options.log(
          `Notifications: ${delivered.sent} sent, ${delivered.retrying} to retry, ${delivered.failed} failed`,
        );
      const digests = await sendDailyDigests({ db, email, origin: options.origin });
      if (digests.sent || digests.failed)
        options.log(`Daily digests: ${digests.sent} sent, ${digests.failed} failed (tried again later)`);
    } catch (error) {
      options.log(`Notification worker: this run failed (${briefly(error)}); trying again in ${intervalMs} ms`);
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = run().finally(schedule);
    }, intervalMs);
    // The worker alone never keeps the process alive.
    timer.unref();
  };
  schedule();

  return async () => {
    stopped = true;
    clearTimeout(timer);
    await running;
    await db.$disconnect();
  };
}

function briefly(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (
    message
      .split("\n")
      .find((line) => line.trim())
      ?.trim()
      .slice(0, 200) ?? "unknown error"
  );
}
