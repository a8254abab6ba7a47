"use client";

import { useRouter } from "next/navigation";
import { signIn } from "next-auth/react";
import { type FormEvent, useState } from "react";
import { LOGIN_LOCKED_MESSAGE } from "@/domain/login-throttle";

interface LoginFormProps {
  callbackUrl: string;
  oidcName: string | null;
}

export function LoginForm({ callbackUrl, oidcName }: LoginFormProps) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => null);
    setPending(false);
    if (result?.ok) {
      router.replace(callbackUrl);
      router.refresh();
    } else if (result?.status === 429) {
      setError(LOGIN_LOCKED_MESSAGE);
    } else {
      setError("Fel e-postadress eller lösenord.");
    }
  }

  return (
    <form className="login-form" onSubmit={submit} noValidate>
      <label htmlFor="email">E-postadress</label>
      <input id="email" name="email" type="email" autoComplete="username" required />
      <label htmlFor="password">Lösenord</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button" disabled={pending}>
        {pending ? "Loggar in…" : "Logga in"}
      </button>
      {oidcName && (
        <button
          type="button"
          className="button secondary"
          onClick={() => void signIn("oidc", { callbackUrl })}
        >
          Logga in med {oidcName}
        </button>
      )}
    </form>
  );
}
