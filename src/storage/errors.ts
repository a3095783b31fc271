/** A write refused because the data changed or exists: the message is for the clerk. */
export class StorageConflict extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StorageConflict";
  }
}
