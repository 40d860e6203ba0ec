/** The error codes sign-in answers besides next-auth's own "CredentialsSignin" (lib/auth/outage.ts); client-safe. */
export const signInErrorCodes = { serviceUnavailable: "ServiceUnavailable", failed: "SignInFailed" } as const;
