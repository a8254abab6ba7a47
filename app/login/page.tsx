import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/auth/current-user";
import { isOidcEnabled } from "@/auth/options";
import { LoginForm } from "@/components/LoginForm";

export const metadata: Metadata = { title: "Logga in" };
export const dynamic = "force-dynamic";

const DEFAULT_ERROR = "Inloggningen misslyckades. Kontrollera att ditt konto finns i Beredning.";

/** Why a sign-in through the identity provider was refused (auth/options.ts), in words for the user. */
const ERRORS: Record<string, string> = {
  OidcUnknownAccount:
    "Du är inloggad hos organisationen, men du har inget konto i Beredning. Be förvaltningens administratör för Beredning att lägga upp ett konto med din e-postadress, och logga sedan in igen.",
  OidcDeactivated:
    "Ditt konto i Beredning är avaktiverat. Kontakta förvaltningens administratör för Beredning om du ska ha tillgång igen.",
  OidcNoEmail:
    "Organisationens inloggning skickade ingen e-postadress, så Beredning kan inte veta vem du är. Kontakta förvaltningens IT-stöd.",
};

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
          {(typeof params.error === "string" && ERRORS[params.error]) || DEFAULT_ERROR}
        </p>
      )}
      <LoginForm
        callbackUrl={callbackUrl}
        oidcName={isOidcEnabled() ? (process.env.OIDC_NAME ?? "organisationens inloggning") : null}
      />
    </main>
  );
}
