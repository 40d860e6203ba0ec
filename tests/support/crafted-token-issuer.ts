// An issuer whose token endpoint answers with ID tokens the test writes itself, signed with keys made at start: the
// way to hand the app a token with the wrong audience, an expiry in the past, a foreign signature, another issuer or
// no nonce — things a correct provider never sends. It serves the real HTTP endpoints (discovery, JWKS, token), so the
// app's code path is the one it takes against any provider; only the tokens' contents are the test's choice.
import { createSign, generateKeyPairSync, randomBytes, type KeyObject } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface CraftedTokenIssuer {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The ID token the token endpoint answers next (one per exchange, in order). */
  answerNextWith(idToken: string): void;
  /** An ID token signed with the issuer's published key (or, with `signWith: "stranger"`, a key it never published). */
  signIdToken(claims: Record<string, unknown>, options?: { signWith?: "issuer" | "stranger" }): string;
  /** Claims a correct provider would send for this email and nonce, valid for the next five minutes. */
  validClaims(email: string, nonce: string): Record<string, unknown>;
  close(): Promise<void>;
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString("base64url");

function signJwt(claims: Record<string, unknown>, key: KeyObject, kid: string): string {
  const signingInput = `${base64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }))}.${base64url(JSON.stringify(claims))}`;
  const signature = createSign("RSA-SHA256").update(signingInput).sign(key);
  return `${signingInput}.${base64url(signature)}`;
}

export async function startCraftedTokenIssuer(): Promise<CraftedTokenIssuer> {
  const issuerKeys = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const strangerKeys = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = `crafted-${randomBytes(4).toString("hex")}`;
  const clientId = "exchange-desk-crafted";
  const clientSecret = randomBytes(16).toString("base64url");
  const answers: string[] = [];
  let issuer = "";

  const server = createServer((request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      response.end(JSON.stringify(body));
    };
    const path = new URL(request.url ?? "/", issuer).pathname;
    if (path === "/.well-known/openid-configuration") {
      return send(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_basic"],
      });
    }
    if (path === "/jwks") return send(200, { keys: [{ ...issuerKeys.publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" }] });
    if (path === "/token" && request.method === "POST") {
      request.resume();
      const idToken = answers.shift();
      if (!idToken) return send(400, { error: "invalid_grant", error_description: "the test queued no token" });
      return send(200, { access_token: randomBytes(16).toString("hex"), token_type: "Bearer", expires_in: 300, id_token: idToken });
    }
    send(404, { error: "not_found" });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    issuer,
    clientId,
    clientSecret,
    answerNextWith: (idToken) => void answers.push(idToken),
    signIdToken: (claims, options = {}) => signJwt(claims, options.signWith === "stranger" ? strangerKeys.privateKey : issuerKeys.privateKey, kid),
    validClaims(email, nonce) {
      const now = Math.floor(Date.now() / 1000);
      return { iss: issuer, aud: clientId, sub: `sub-${email}`, iat: now, exp: now + 300, nonce, email, email_verified: true };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
