"use client";
// Multipart uploads with real progress. fetch() cannot report upload progress, XMLHttpRequest can; the URL comes from
// the operation's declaration, errors come back as the same ApiError the JSON client throws.
import { apiError, ApiError } from "@/lib/http/client";
import { operationUrl, type Operation, type Output, type PathParams } from "@/lib/http/operation";

type UploadOperation = Operation & { body: { kind: "multipart" }; response: { kind: "json" } };

export interface UploadHandle<T> {
  done: Promise<T>;
  abort: () => void;
}

/** POSTs `form` to the operation; `onProgress` gets 0..1 while the body is being sent (then the server checks the PDF). */
export function xhrUpload<O extends UploadOperation>(op: O, params: PathParams<O>, form: FormData, onProgress: (fraction: number) => void): UploadHandle<Output<O>> {
  const xhr = new XMLHttpRequest();
  const done = new Promise<Output<O>>((resolve, reject) => {
    xhr.open(op.method, operationUrl(op, params));
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.upload.onload = () => onProgress(1);
    xhr.onload = () => {
      let data: unknown = null;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        // A proxy's HTML error page, for instance: fall through to the status below.
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as Output<O>);
      reject(apiError(xhr.status, data));
    };
    // The server may answer 413 and close the connection before the body is sent; browsers report that as an error.
    xhr.onerror = () => reject(new ApiError(0, "OFFLINE", "", undefined, { reason: "UPLOAD_INTERRUPTED" }));
    xhr.onabort = () => reject(new ApiError(0, "ABORTED", ""));
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

/** The promise-only form: resolves with the JSON answer, rejects with an ApiError. */
export const uploadWithProgress = <O extends UploadOperation>(op: O, params: PathParams<O>, form: FormData, onProgress: (fraction: number) => void) =>
  xhrUpload(op, params, form, onProgress).done;
