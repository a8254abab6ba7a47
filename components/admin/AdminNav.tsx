"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "/admin", label: "Översikt" },
  { href: "/admin/units", label: "Enheter" },
  { href: "/admin/users", label: "Användare" },
  { href: "/admin/inloggning", label: "Inloggning" },
  { href: "/admin/templates", label: "Mallar" },
];

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Administration" className="admin-nav">
      <ul>
        {LINKS.map(({ href, label }) => (
          <li key={href}>
            <Link href={href} aria-current={pathname === href ? "page" : undefined}>
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
