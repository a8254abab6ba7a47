import type { ChildProcess } from "node:child_process";

/** Every message between the orchestrator and its children is a plain JSON object with a type. */
export interface Message {
  type: string;
  [field: string]: unknown;
}

/** Resolves with the next message of `type` from the child; rejects if it exits or `timeoutMs` passes. */
export function nextMessage<T extends Message>(
  child: ChildProcess,
  type: T["type"],
  timeoutMs: number,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: unknown) => {
      const typed = message as Message;
      if (typed?.type === "error") {
        cleanup();
        reject(new Error(`Child ${child.pid} failed: ${(message as { message?: string }).message ?? "?"}`));
      } else if (typed?.type === type) {
        cleanup();
        resolve(message as T);
      }
    };
    const onExit = (code: number | null, signal: string | null) => {
      cleanup();
      reject(new Error(`Child ${child.pid} exited (${code ?? signal}) while waiting for "${type}"`));
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for "${type}" from child ${child.pid}`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      child.off("message", onMessage);
      child.off("exit", onExit);
    };
    child.on("message", onMessage);
    child.once("exit", onExit);
  });
}

export function send(child: ChildProcess, message: Message): void {
  if (!child.connected) throw new Error(`Child ${child.pid} is not connected`);
  child.send(message);
}

/** In a child: the orchestrator's messages, one handler per type; a failing handler reports "error". */
export function onParentMessages(handlers: Record<string, (message: never) => unknown>): void {
  process.on("message", (message: unknown) => {
    const typed = message as Message;
    const handler = handlers[typed?.type];
    if (!handler) return;
    Promise.resolve()
      .then(() => handler(message as never))
      .catch((error: unknown) => {
        const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
        process.stderr.write(`${text}\n`);
        toParent({ type: "error", message: text } as Message);
      });
  });
}

export function toParent(message: Message): void {
  process.send?.(message);
}
