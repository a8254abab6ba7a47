import Link from "next/link";
import { currentUser } from "@/auth/current-user";
import { AppHeader } from "@/components/AppHeader";

export default async function NotFound() {
  const user = await currentUser();
  return (
    <>
      <AppHeader user={user} />
      <main id="main" className="page">
        <h1>Sidan finns inte</h1>
        <p>
          Tjänsteutlåtandet eller sidan du söker finns inte, eller så saknar du behörighet.{" "}
          <Link href="/">Till listan</Link>
        </p>
      </main>
    </>
  );
}
