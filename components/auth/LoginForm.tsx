"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

export function LoginForm() {
  const t = useTranslations("login");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    const res = await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirect: false });
    if (res?.ok && !res.error) {
      // Full navigation: the new session decides the language and what is visible.
      window.location.assign("/meetings");
      return;
    }
    setBusy(false);
    setError(res?.error === "RATE_LIMITED" ? t("rateLimited") : res?.error === "CredentialsSignin" ? t("invalid") : t("failed"));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate={false}>
      <h1 className="text-xl font-semibold">{t("title")}</h1>
      <div>
        <label htmlFor="email" className="mb-1 block font-medium">{t("email")}</label>
        <input id="email" name="email" type="email" autoComplete="username" required
          className="min-h-12 w-full rounded-lg border border-slate-300 px-3 text-lg" />
      </div>
      <div>
        <label htmlFor="password" className="mb-1 block font-medium">{t("password")}</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required
          className="min-h-12 w-full rounded-lg border border-slate-300 px-3 text-lg" />
      </div>
      {error && <p role="alert" className="rounded-lg bg-red-50 p-3 text-red-800">{error}</p>}
      <button type="submit" disabled={busy}
        className="min-h-12 w-full rounded-lg bg-brand-600 text-lg font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {busy ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
