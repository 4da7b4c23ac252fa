/** The shape of T after JSON.stringify/parse (Dates become strings): what a client receives from the API. */
export type Jsonified<T> = T extends Date ? string : T extends (infer U)[] ? Jsonified<U>[] : T extends object ? { [K in keyof T]: Jsonified<T[K]> } : T;
