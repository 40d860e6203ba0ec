import { describe, expect, it } from "vitest";
import { ConfigurationError, parseEnvironment } from "@/lib/env";
import { singleSignOnSettings } from "./settings";

const complete = {
  OIDC_ISSUER: "https://login.example.gov.hk",
  OIDC_CLIENT_ID: "exchange-desk",
  OIDC_CLIENT_SECRET: "s3cret",
  OIDC_NAME: "GovID",
  NEXTAUTH_URL: "https://desk.example.gov.hk/",
};

describe("single sign-on settings", () => {
  it("is off when none of the four is set", () => {
    expect(singleSignOnSettings(parseEnvironment({}))).toBeNull();
    expect(singleSignOnSettings(parseEnvironment({ OIDC_ISSUER: "", OIDC_NAME: "" }))).toBeNull();
  });

  it("is on with all four, the callback under NEXTAUTH_URL and the email claim by default", () => {
    expect(singleSignOnSettings(parseEnvironment(complete))).toEqual({
      issuer: "https://login.example.gov.hk",
      clientId: "exchange-desk",
      clientSecret: "s3cret",
      name: "GovID",
      emailClaim: "email",
      redirectUri: "https://desk.example.gov.hk/api/sso/callback",
    });
    expect(singleSignOnSettings(parseEnvironment({ ...complete, OIDC_EMAIL_CLAIM: "upn" }))?.emailClaim).toBe("upn");
  });

  it.each(["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_NAME"] as const)("stops the start with one line when %s is missing and the others are set", (name) => {
    const parse = () => parseEnvironment({ ...complete, [name]: undefined });
    expect(parse).toThrow(ConfigurationError);
    expect(parse).toThrow(`Single sign-on needs OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME all set, or none of them (missing: ${name}).`);
  });

  it("refuses an issuer that is not an http(s) URL and a claim name with spaces", () => {
    expect(() => parseEnvironment({ ...complete, OIDC_ISSUER: "login.example.gov.hk" })).toThrow(/^OIDC_ISSUER must be/);
    expect(() => parseEnvironment({ ...complete, OIDC_EMAIL_CLAIM: "e mail" })).toThrow(/^OIDC_EMAIL_CLAIM must be/);
  });
});
