"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { sendJson } from "../send-json";

/** Sends an admin API request; on success the page's data is read again, on failure the message is kept. */
export function useAdminAction() {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function run(url: string, method: "POST" | "PATCH" | "DELETE", body?: unknown): Promise<boolean> {
    setBusy(true);
    const problem = await sendJson(url, method, body);
    setBusy(false);
    setMessage(problem);
    if (problem === null) router.refresh();
    return problem === null;
  }
  return { message, busy, run };
}
