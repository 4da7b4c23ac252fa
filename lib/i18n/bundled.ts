// Every message, both languages, as modules: the browser's copy. It arrives in a script chunk that the browser caches
// across pages and visits (it changes only with a new build), instead of riding inside every page's answer (the RSC
// payload carried all of them, ~30 KB, on every render). The server keeps reading messages/ itself
// (lib/i18n/messages.ts); tests/messages.test.ts checks this list against the files there.
import vi_app from "../../messages/vi/app.json";
import vi_audit from "../../messages/vi/audit.json";
import vi_confidentiality from "../../messages/vi/confidentiality.json";
import vi_conflict from "../../messages/vi/conflict.json";
import vi_dates from "../../messages/vi/dates.json";
import vi_documents from "../../messages/vi/documents.json";
import vi_errors from "../../messages/vi/errors.json";
import vi_kind from "../../messages/vi/kind.json";
import vi_live from "../../messages/vi/live.json";
import vi_login from "../../messages/vi/login.json";
import vi_meeting from "../../messages/vi/meeting.json";
import vi_meetings from "../../messages/vi/meetings.json";
import vi_nav from "../../messages/vi/nav.json";
import vi_notifications from "../../messages/vi/notifications.json";
import vi_opinions from "../../messages/vi/opinions.json";
import vi_prep from "../../messages/vi/prep.json";
import vi_print from "../../messages/vi/print.json";
import vi_reader from "../../messages/vi/reader.json";
import vi_role from "../../messages/vi/role.json";
import vi_status from "../../messages/vi/status.json";
import vi_votes from "../../messages/vi/votes.json";
import en_app from "../../messages/en/app.json";
import en_audit from "../../messages/en/audit.json";
import en_confidentiality from "../../messages/en/confidentiality.json";
import en_conflict from "../../messages/en/conflict.json";
import en_dates from "../../messages/en/dates.json";
import en_documents from "../../messages/en/documents.json";
import en_errors from "../../messages/en/errors.json";
import en_kind from "../../messages/en/kind.json";
import en_live from "../../messages/en/live.json";
import en_login from "../../messages/en/login.json";
import en_meeting from "../../messages/en/meeting.json";
import en_meetings from "../../messages/en/meetings.json";
import en_nav from "../../messages/en/nav.json";
import en_notifications from "../../messages/en/notifications.json";
import en_opinions from "../../messages/en/opinions.json";
import en_prep from "../../messages/en/prep.json";
import en_print from "../../messages/en/print.json";
import en_reader from "../../messages/en/reader.json";
import en_role from "../../messages/en/role.json";
import en_status from "../../messages/en/status.json";
import en_votes from "../../messages/en/votes.json";
import type { Locale } from "./config.ts";

export const bundledMessages: Record<Locale, Record<string, unknown>> = {
  vi: {
    app: vi_app, audit: vi_audit, confidentiality: vi_confidentiality, conflict: vi_conflict, dates: vi_dates,
    documents: vi_documents, errors: vi_errors, kind: vi_kind, live: vi_live, login: vi_login, meeting: vi_meeting,
    meetings: vi_meetings, nav: vi_nav, notifications: vi_notifications, opinions: vi_opinions, prep: vi_prep,
    print: vi_print, reader: vi_reader, role: vi_role, status: vi_status, votes: vi_votes,
  },
  en: {
    app: en_app, audit: en_audit, confidentiality: en_confidentiality, conflict: en_conflict, dates: en_dates,
    documents: en_documents, errors: en_errors, kind: en_kind, live: en_live, login: en_login, meeting: en_meeting,
    meetings: en_meetings, nav: en_nav, notifications: en_notifications, opinions: en_opinions, prep: en_prep,
    print: en_print, reader: en_reader, role: en_role, status: en_status, votes: en_votes,
  },
};
