import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Heartbeat, type PingableSocket } from "./heartbeat";

class FakeSocket implements PingableSocket {
  pings = 0;
  terminated = false;
  ping() {
    this.pings++;
  }
  terminate() {
    this.terminated = true;
  }
}

const INTERVAL_MS = 30_000;

describe("Heartbeat", () => {
  let heartbeat: Heartbeat<FakeSocket>;

  beforeEach(() => {
    vi.useFakeTimers();
    heartbeat = new Heartbeat<FakeSocket>(INTERVAL_MS);
  });

  afterEach(() => {
    heartbeat.stop();
    vi.useRealTimers();
  });

  it("pings a share of the sockets every second, each socket once per interval", () => {
    const sockets = Array.from({ length: 300 }, () => new FakeSocket());
    for (const socket of sockets) heartbeat.add(socket);
    const pingsPerSecond: number[] = [];
    let before = 0;
    for (let second = 0; second < 30; second++) {
      vi.advanceTimersByTime(1000);
      for (const socket of sockets) heartbeat.noteAnswer(socket);
      const total = sockets.reduce((sum, socket) => sum + socket.pings, 0);
      pingsPerSecond.push(total - before);
      before = total;
    }
    expect(pingsPerSecond).toEqual(Array.from({ length: 30 }, () => 10));
    expect(sockets.every((socket) => socket.pings === 1 && !socket.terminated)).toBe(true);
  });

  it("keeps a socket that answers every ping, however long", () => {
    const socket = new FakeSocket();
    heartbeat.add(socket);
    for (let interval = 0; interval < 10; interval++) {
      vi.advanceTimersByTime(INTERVAL_MS);
      heartbeat.noteAnswer(socket);
    }
    expect(socket.pings).toBe(10);
    expect(socket.terminated).toBe(false);
    expect(heartbeat.size).toBe(1);
  });

  it("terminates a socket that has not answered its ping within two intervals, and forgets it", () => {
    const silent = new FakeSocket();
    const answering = new FakeSocket();
    heartbeat.add(silent);
    heartbeat.add(answering);
    vi.advanceTimersByTime(INTERVAL_MS);
    heartbeat.noteAnswer(answering);
    expect(silent.pings).toBe(1);
    expect(silent.terminated).toBe(false);
    vi.advanceTimersByTime(INTERVAL_MS);
    expect(silent.terminated).toBe(true);
    expect(answering.terminated).toBe(false);
    expect(heartbeat.size).toBe(1);
    vi.advanceTimersByTime(3 * INTERVAL_MS);
    expect(silent.pings).toBe(1);
  });

  it("neither pings nor terminates a removed socket, and fills the emptied share first", () => {
    const sockets = Array.from({ length: 60 }, () => new FakeSocket());
    for (const socket of sockets) heartbeat.add(socket);
    const removed = sockets.slice(0, 30);
    for (const socket of removed) heartbeat.remove(socket);
    for (let second = 0; second < 60; second++) {
      for (const socket of sockets) heartbeat.noteAnswer(socket);
      vi.advanceTimersByTime(1000);
    }
    expect(removed.every((socket) => socket.pings === 0 && !socket.terminated)).toBe(true);
    expect(heartbeat.size).toBe(30);
    // The 30 removed were the first of each of the 30 shares: each share holds one again.
    const newcomers = Array.from({ length: 30 }, () => new FakeSocket());
    for (const socket of newcomers) heartbeat.add(socket);
    const remaining = [...sockets.slice(30), ...newcomers];
    let before = remaining.reduce((sum, socket) => sum + socket.pings, 0);
    for (let second = 0; second < 30; second++) {
      for (const socket of remaining) heartbeat.noteAnswer(socket);
      vi.advanceTimersByTime(1000);
      const total = remaining.reduce((sum, socket) => sum + socket.pings, 0);
      expect(total - before).toBe(2);
      before = total;
    }
  });

  it("checks every socket each interval when the interval is shorter than a tick", () => {
    const short = new Heartbeat<FakeSocket>(500);
    try {
      const socket = new FakeSocket();
      short.add(socket);
      vi.advanceTimersByTime(500);
      expect(socket.pings).toBe(1);
      vi.advanceTimersByTime(500);
      expect(socket.terminated).toBe(true);
    } finally {
      short.stop();
    }
  });
});
