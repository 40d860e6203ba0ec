/** The error codes sign-in answers besides next-auth's own "CredentialsSignin" (lib/auth/outage.ts); client-safe. */
export const signInErrorCodes = {
  serviceUnavailable: "ServiceUnavailable",
  failed: "SignInFailed",
  // ---- totp (decision 102) ----
  /** The password was right and a code is needed: the code is followed by ":" and the pending token. */
  secondFactorRequired: "SecondFactorRequired",
  /** The pending token is used, expired or from another address: the password step must be done again. */
  secondFactorExpired: "SecondFactorExpired",
} as const;
