/** A call the clerk (or a newer as-of date) cancelled: raised in the worker at a checkpoint and in the UI at once; screens show nothing for it. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'Cancelled';
  }
}
