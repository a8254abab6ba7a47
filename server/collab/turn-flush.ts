/**
 * Runs `flush` after work that arrives in bursts, coalescing it: the first flush of an event-loop
 * turn runs in a microtask (a quiet source adds no delay), later ones wait for the end of the turn,
 * so a busy turn flushes once instead of once per socket read.
 */
export class TurnFlush {
  private scheduled = false;
  private flushedThisTurn = false;

  constructor(private readonly flush: () => void) {}

  schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    if (this.flushedThisTurn) setImmediate(this.run);
    else queueMicrotask(this.run);
  }

  private readonly endTurn = () => {
    this.flushedThisTurn = false;
  };

  private readonly run = () => {
    this.scheduled = false;
    if (!this.flushedThisTurn) {
      this.flushedThisTurn = true;
      setImmediate(this.endTurn);
    }
    this.flush();
  };
}
