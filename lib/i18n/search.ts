/** Text as search compares it: no case, no diacritics, đ as d — so "dung" finds "Dũng" and "duc" finds "Đức". */
export const fold = (s: string) =>
  s.normalize("NFD").replace(/\p{M}+/gu, "").replace(/[đĐ]/g, "d").toLowerCase();
