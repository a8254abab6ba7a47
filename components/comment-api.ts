"use client";

/** Sends a JSON request to the comments API; resolves to an error message, or null on success. */
export async function sendComment(
  url: string,
  method: "POST" | "PATCH" | "DELETE",
  body?: unknown,
): Promise<string | null> {
  try {
    const response = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.ok) return null;
    const answer = (await response.json().catch(() => ({}))) as { error?: string };
    return answer.error ?? `Något gick fel (${response.status}).`;
  } catch {
    return "Servern kunde inte nås. Försök igen.";
  }
}
