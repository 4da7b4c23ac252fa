"use client";
import { useEffect, useState } from "react";
import { api } from "@/lib/http/client";

export interface UserOption { id: string; name: string; title: string | null; email: string; role: string }

/** Active users for the pickers (staff only; the API refuses others). */
export function useUsers(enabled: boolean) {
  const [users, setUsers] = useState<UserOption[]>([]);
  useEffect(() => {
    if (enabled) api<{ users: UserOption[] }>("GET", "/api/v1/users").then((r) => setUsers(r.users), () => setUsers([]));
  }, [enabled]);
  return users;
}
