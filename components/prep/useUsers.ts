"use client";
import { useEffect, useState } from "react";
import type { z } from "zod";
import { call } from "@/lib/http/client";
import { userOps } from "@/lib/users/operations";
import type { userListJson } from "@/lib/users/schema";

export type UserOption = z.output<typeof userListJson>["users"][number];

/** Active users for the pickers (staff only; the API refuses others). */
export function useUsers(enabled: boolean) {
  const [users, setUsers] = useState<UserOption[]>([]);
  useEffect(() => {
    if (enabled) call(userOps.list).then((r) => setUsers(r.users), () => setUsers([]));
  }, [enabled]);
  return users;
}
