import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/auth/current-user";
import { isOidcEnabled } from "@/auth/options";
import { LoginForm } from "@/components/LoginForm";

export const metadata: Metadata = { title: "Logga in" };
export const dynamic = "force-dynamic";

/** Only same-site paths are followed after login, never another site. */
function safeReturnPath(value: string | string[] | undefined): string {
  const path = Array.isArray(value) ? value[0] : value;
  return path?.startsWith("/") && !path.startsWith("//") ? path : "/";
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeReturnPath(params.callbackUrl);
  if (await currentUser()) redirect(callbackUrl);
  return (
    <main id="main" className="login-page">
      <h1>Beredning</h1>
      <p>Logga in för att arbeta med tjänsteutlåtanden.</p>
      {params.error && (
        <p className="form-error" role="alert">
          Inloggningen misslyckades. Kontrollera att ditt konto finns i Beredning.
        </p>
      )}
      <LoginForm
        callbackUrl={callbackUrl}
        oidcName={isOidcEnabled() ? (process.env.OIDC_NAME ?? "organisationens inloggning") : null}
      />
    </main>
  );
}
