import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PgliteThread } from "./pglite-thread";

/* PGlite in its worker thread, exercised through the interface Drizzle's PGlite driver uses. */
describe("PgliteThread", () => {
  let thread: PgliteThread;

  beforeAll(async () => {
    thread = await PgliteThread.open({});
    await thread.query("create table notes (id serial primary key, body text not null, data bytea)");
  }, 60_000);

  afterAll(() => thread.close());

  it("returns rows in object and array mode, with bytea as bytes", async () => {
    await thread.query("insert into notes (body, data) values ($1, $2)", [
      "första",
      new Uint8Array([1, 2, 255]),
    ]);
    const objects = await thread.query<{ body: string; data: Uint8Array }>(
      "select body, data from notes where body = $1",
      ["första"],
    );
    expect(objects.rows).toEqual([{ body: "första", data: new Uint8Array([1, 2, 255]) }]);
    const arrays = await thread.query<unknown[]>("select body from notes where body = $1", ["första"], {
      rowMode: "array",
    });
    expect(arrays.rows).toEqual([["första"]]);
  });

  it("leaves the types Drizzle parses itself as text", async () => {
    const identity = (value: string) => value;
    const { rows } = await thread.query<unknown[]>(
      "select '2026-11-27 10:00:00+00'::timestamptz, '2026-11-27 10:00:00+00'::timestamptz",
      [],
      { rowMode: "array", parsers: { 1184: identity } },
    );
    expect(typeof rows[0]?.[0]).toBe("string");
  });

  it("refuses parsers that would have to run in the worker", async () => {
    await expect(
      thread.query("select 1", [], { parsers: { 23: (value) => Number(value) + 1 } }),
    ).rejects.toThrow(/identity parsers only/);
  });

  it("commits a transaction, and rolls one back when its work throws", async () => {
    await thread.transaction(async (tx) => {
      await tx.query("insert into notes (body) values ('kept')");
    });
    await expect(
      thread.transaction(async (tx) => {
        await tx.query("insert into notes (body) values ('dropped')");
        throw new Error("changed my mind");
      }),
    ).rejects.toThrow("changed my mind");
    const { rows } = await thread.query<{ body: string }>(
      "select body from notes where body in ('kept', 'dropped') order by body",
    );
    expect(rows.map((row) => row.body)).toEqual(["kept"]);
  });

  it("reports a COMMIT that fails instead of treating it as committed", async () => {
    await thread.query("create table deferred_ids (id int primary key deferrable initially deferred)");
    const failure = await thread
      .transaction(async (tx) => {
        await tx.query("insert into deferred_ids values (1), (1)");
      })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "23505" });
    const { rows } = await thread.query("select * from deferred_ids");
    expect(rows).toEqual([]);
  });

  it("makes other queries wait until an open transaction ends", async () => {
    const order: string[] = [];
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inside: () => void = () => {};
    const entered = new Promise<void>((resolve) => {
      inside = resolve;
    });
    const transaction = thread.transaction(async (tx) => {
      await tx.query("insert into notes (body) values ('in transaction')");
      inside();
      await held;
      order.push("transaction ends");
    });
    await entered;
    const outside = thread
      .query<{ count: number }>("select count(*)::int as count from notes where body = 'in transaction'")
      .then((result) => {
        order.push("outside query answered");
        return result.rows[0]?.count;
      });
    release();
    await transaction;
    expect(await outside).toBe(1);
    expect(order).toEqual(["transaction ends", "outside query answered"]);
  });

  it("carries PostgreSQL's error fields across the thread", async () => {
    await thread.query("create table unique_names (name text primary key)");
    await thread.query("insert into unique_names values ('a')");
    const failure = await thread
      .query("insert into unique_names values ('a')")
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).toMatchObject({ code: "23505", constraint: "unique_names_pkey" });
  });

  it("serves another thread's connection through a shared port, whose closing leaves PGlite open", async () => {
    const other = PgliteThread.overPort(thread.sharePort());
    await other.query("insert into notes (body) values ('via the port')");
    const { rows } = await thread.query<{ body: string }>(
      "select body from notes where body = 'via the port'",
    );
    expect(rows).toEqual([{ body: "via the port" }]);
    const failure = await other.query("select * from no_such_table").catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "42P01" });

    await other.close();
    await expect(other.query("select 1")).rejects.toThrow(/closed/);
    expect((await thread.query<{ one: number }>("select 1 as one")).rows).toEqual([{ one: 1 }]);
  });
});
