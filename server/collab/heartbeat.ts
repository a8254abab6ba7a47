/** What the heartbeat needs of a socket (a `ws` WebSocket has both). */
export interface PingableSocket {
  ping(): void;
  terminate(): void;
}

/** The heartbeat checks a share of the sockets about this often. */
const TICK_MS = 1000;

/**
 * Terminates sockets whose peer has stopped answering pings (a laptop closed, a network gone),
 * so their rooms can unload. Every socket is pinged once per `intervalMs` and terminated if it has
 * not answered the previous ping, so a dead one goes within two intervals. The sockets are pinged
 * a share at a time, every second, so the pings never stall the relaying (docs/decisions/0001).
 */
export class Heartbeat<Socket extends PingableSocket> {
  /** Sockets by the tick that checks them; a socket joins the share with the fewest. */
  private readonly shares: Set<Socket>[];
  private readonly shareOf = new Map<Socket, Set<Socket>>();
  private readonly answered = new WeakSet<Socket>();
  private nextShare = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(intervalMs: number) {
    const shareCount = Math.max(1, Math.round(intervalMs / TICK_MS));
    this.shares = Array.from({ length: shareCount }, () => new Set<Socket>());
    this.timer = setInterval(() => this.checkNextShare(), intervalMs / shareCount);
    this.timer.unref();
  }

  /** Starts checking the socket; it counts as having answered until its first ping. */
  add(socket: Socket): void {
    if (this.shareOf.has(socket)) return;
    const share = this.shares.reduce((smallest, candidate) =>
      candidate.size < smallest.size ? candidate : smallest,
    );
    share.add(socket);
    this.shareOf.set(socket, share);
    this.answered.add(socket);
  }

  /** A pong (or any sign of life) from the socket's peer. */
  noteAnswer(socket: Socket): void {
    if (this.shareOf.has(socket)) this.answered.add(socket);
  }

  /** Stops checking the socket (it has closed). */
  remove(socket: Socket): void {
    this.shareOf.get(socket)?.delete(socket);
    this.shareOf.delete(socket);
  }

  get size(): number {
    return this.shareOf.size;
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private checkNextShare(): void {
    const share = this.shares[this.nextShare] as Set<Socket>;
    this.nextShare = (this.nextShare + 1) % this.shares.length;
    for (const socket of [...share]) {
      if (!this.answered.has(socket)) {
        this.remove(socket);
        socket.terminate();
        continue;
      }
      this.answered.delete(socket);
      socket.ping();
    }
  }
}
