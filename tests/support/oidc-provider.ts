// A real OpenID provider for the tests (the `oidc-provider` package, a certified OpenID Connect implementation),
// started by the tests themselves: fresh signing keys, one confidential client, and its development login page, where
// any login name is accepted and becomes the identity. Not a stand-in for our code: the app talks to it over HTTP
// exactly as it would to the organisation's provider.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Provider, type Configuration, type KoaContextWithOIDC } from "oidc-provider";

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

export interface TestOidcProviderOptions {
  /** The redirect URIs the test client may use: the app's `/api/sso/callback`. */
  redirectUris: string[];
  /**
   * Where the provider may send the browser after signing out (RP-initiated logout): the app's `/login`. Default: the
   * `/login` of each redirect URI's origin.
   */
  postLogoutRedirectUris?: string[];
  /** 0 (default): any free port. */
  port?: number;
  clientId?: string;
  clientSecret?: string;
}

/**
 * The identity behind a login name typed on the provider's page: the name is the email address, verified, unless it
 * starts with "unverified:" (then `email_verified` is false).
 */
export function claimsForLogin(login: string): { sub: string; email: string; email_verified: boolean } {
  const isUnverified = login.startsWith("unverified:");
  const email = isUnverified ? login.slice("unverified:".length) : login;
  return { sub: login, email, email_verified: !isUnverified };
}

export async function startTestOidcProvider(options: TestOidcProviderOptions): Promise<TestOidcProvider> {
  const server = createServer();
  await listen(server, options.port ?? 0);
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = options.clientId ?? "exchange-desk-test";
  const clientSecret = options.clientSecret ?? randomBytes(24).toString("base64url");

  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const signingKey = { ...privateKey.export({ format: "jwk" }), kid: `test-${randomBytes(4).toString("hex")}`, alg: "RS256", use: "sig" };

  const postLogoutRedirectUris = options.postLogoutRedirectUris ?? options.redirectUris.map((uri) => new URL("/login", uri).href);
  const configuration: Configuration = {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: options.redirectUris,
        post_logout_redirect_uris: postLogoutRedirectUris,
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    // The claims go into the ID token itself (the app reads no userinfo).
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
    features: { devInteractions: { enabled: true } },
    async findAccount(_context: KoaContextWithOIDC, sub: string) {
      return { accountId: sub, claims: async () => claimsForLogin(sub) };
    },
    // No consent page: the test client is the organisation's own application.
    async loadExistingGrant(context: KoaContextWithOIDC) {
      const accountId = context.oidc.session?.accountId;
      const clientIdOfRequest = context.oidc.client?.clientId;
      if (!accountId || !clientIdOfRequest) return undefined;
      const grant = new context.oidc.provider.Grant({ clientId: clientIdOfRequest, accountId });
      grant.addOIDCScope("openid email");
      await grant.save();
      return grant;
    },
  };
  const provider = new Provider(issuer, configuration);
  // Its own development warnings are not the test's output.
  provider.on("server_error", (_context, error) => console.error("test OpenID provider:", error));
  server.on("request", provider.callback());

  return {
    issuer,
    clientId,
    clientSecret,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
}
