/**
 * The Authorization header sent with every operation. Prefilled with Capillary's documented example
 * (user `store123`), which the gateway's emulator accepts: replace it with real credentials.
 */
export const EXAMPLE_AUTHORIZATION = 'Basic c3RvcmUxMjM6YmRjODdiOWM4OTRkYTUxNjgwNTllMDBlYmZmYjkwNzc=';

let current = EXAMPLE_AUTHORIZATION;

export const credentials = {
  get: (): string => current,
  set(authorization: string): void {
    current = authorization;
  },
};
