"use client";

/**
 * Sends a request (with a JSON body, if any) to one of the app's APIs; resolves to the message to
 * show the user (the server's own, or a general one), or to null on success.
 */
export async function sendJson(
  url: string,
  method: "POST" | "PATCH" | "DELETE",
  body?: unknown,
): Promise<string | null> {
  try {
    const response = await fetch(url, {
      method,
      // Declared JSON even without a body: the server refuses other state-changing requests (CSRF).
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.ok) return null;
    const answer = (await response.json().catch(() => ({}))) as { error?: string };
    return answer.error ?? `Något gick fel (${response.status}).`;
  } catch {
    return "Servern kunde inte nås. Försök igen.";
  }
}
