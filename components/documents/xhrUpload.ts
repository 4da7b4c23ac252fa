"use client";
// Multipart uploads with real progress. fetch() cannot report upload progress, XMLHttpRequest can; errors come back
// as the same ApiError the JSON client throws, so the UI shows them the same way.
import { ApiError } from "@/lib/http/client";

export interface UploadHandle<T> {
  done: Promise<T>;
  abort: () => void;
}

/** POSTs `form` to `url`; `onProgress` gets 0..1 while the body is being sent (then the server checks the PDF). */
export function xhrUpload<T = unknown>(url: string, form: FormData, onProgress: (fraction: number) => void): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<T>((resolve, reject) => {
    xhr.open("POST", url);
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      let data: any = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // A proxy's HTML error page, for instance: fall through to the status below.
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      const e = data?.error ?? {};
      reject(new ApiError(xhr.status, e.code ?? (xhr.status === 413 ? "TOO_LARGE" : "INTERNAL"), e.message ?? xhr.statusText, e.fields, e.details));
    };
    // The server may answer 413 and close the connection before the body is sent; browsers report that as an error.
    xhr.onerror = () => reject(new ApiError(0, "OFFLINE", "The upload was interrupted (connection lost, or the file was refused)."));
    xhr.onabort = () => reject(new ApiError(0, "ABORTED", "Upload cancelled."));
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

/** The promise-only form: resolves with the JSON answer, rejects with an ApiError. */
export const uploadWithProgress = <T = unknown>(url: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> =>
  xhrUpload<T>(url, form, onProgress).done;
