import Link from "next/link";
import { currentUser } from "@/auth/current-user";
import { AppHeader } from "@/components/AppHeader";

/** 403: the page exists, but the signed-in user may not see it. */
export default async function Forbidden() {
  const user = await currentUser();
  return (
    <>
      {user && <AppHeader user={user} />}
      <main id="main" className="page">
        <h1>Ingen behörighet</h1>
        <p>
          Sidan är bara för administratörer. <Link href="/">Till listan</Link>
        </p>
      </main>
    </>
  );
}
