"use client";
// Opens the browser's print dialog; the button itself never appears on paper.

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} data-testid="print-button"
      className="inline-flex min-h-11 items-center rounded-lg bg-brand-600 px-5 font-medium text-white hover:bg-brand-700 print:hidden">
      {label}
    </button>
  );
}
