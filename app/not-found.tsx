import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="page">
      <h1>Sidan finns inte</h1>
      <p>
        Tjänsteutlåtandet eller sidan du söker finns inte, eller så saknar du behörighet.{" "}
        <Link href="/">Till listan</Link>
      </p>
    </main>
  );
}
