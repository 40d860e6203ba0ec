// The test OpenID provider as a process of its own: Playwright starts it beside the app (playwright.config.ts), and
// it is how to try single sign-on locally:
//   OIDC_TEST_PORT=4400 OIDC_TEST_REDIRECT_URI=http://localhost:3000/api/sso/callback npx tsx tests/support/oidc-provider-server.ts
// then start the app with the OIDC_* settings it prints. Any login name is accepted and becomes the email claim.
import { startTestOidcProvider } from "./oidc-provider";

const port = Number(process.env.OIDC_TEST_PORT ?? 0);
const redirectUris = (process.env.OIDC_TEST_REDIRECT_URI ?? "http://localhost:3000/api/sso/callback").split(",");
const provider = await startTestOidcProvider({
  port,
  redirectUris,
  clientId: process.env.OIDC_TEST_CLIENT_ID ?? "exchange-desk-test",
  clientSecret: process.env.OIDC_TEST_CLIENT_SECRET ?? "exchange-desk-test-secret",
});
console.log(`Test OpenID provider ready. Start the app with:
  OIDC_ISSUER=${provider.issuer} OIDC_CLIENT_ID=${provider.clientId} OIDC_CLIENT_SECRET=${provider.clientSecret} OIDC_NAME="Test IdP"
Redirect URIs allowed: ${redirectUris.join(", ")}`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void provider.close().finally(() => process.exit(0));
  });
}
