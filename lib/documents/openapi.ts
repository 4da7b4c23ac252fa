import type { Operation } from "../http/openapi.ts";

export const operations: Operation[] = [];
