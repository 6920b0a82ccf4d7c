// What `npm run db:backup` and `npm run db:restore` tell the operator when they refuse or fail: the
// commands print the message and exit 1; anything else is a defect and keeps its stack.
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupError";
  }
}
