// SPEC §10: ids are unique within their file. Remembers where each id was
// first seen. Exports usually list ids in increasing order, and such ids
// cannot repeat, so the hash map (a third of the typing time for a million
// entries) is only built once the order breaks.
export class FirstLines {
  private lastId: string | null = null;
  private orderedIds: string[] = [];
  private orderedLines: number[] = [];
  private lines: Map<string, number> | null = null;

  /** Records `id` on `line`; returns the line it was first seen on when it is a repeat, else null. */
  claim(id: string, line: number): number | null {
    if (this.lines === null) {
      // Any strict order proves the ids unique; the native comparison of UTF-16 units is the cheapest.
      if (this.lastId === null || this.lastId < id) {
        this.lastId = id;
        this.orderedIds.push(id);
        this.orderedLines.push(line);
        return null;
      }
      this.lines = new Map(this.orderedIds.map((seen, index) => [seen, this.orderedLines[index] as number]));
      this.orderedIds = [];
      this.orderedLines = [];
    }
    const first = this.lines.get(id);
    if (first !== undefined) return first;
    this.lines.set(id, line);
    return null;
  }
}
