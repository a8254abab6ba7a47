"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { type ApiAnswer, problemOf } from "../api-client";

/** Runs an admin API call; on success the page's data is read again, on failure the message is kept. */
export function useAdminAction() {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(call: () => Promise<ApiAnswer<unknown>>): Promise<boolean> {
    setBusy(true);
    const problem = problemOf(await call());
    setBusy(false);
    setMessage(problem);
    if (problem === null) router.refresh();
    return problem === null;
  }
  return { message, busy, run };
}
