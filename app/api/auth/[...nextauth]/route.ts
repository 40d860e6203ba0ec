import NextAuth from "next-auth";
import { authOptions } from "@/features/auth/options";

// next-auth's own endpoints (sign-in, CSRF, session, sign-out); credential checks and throttling happen in
// features/auth/sign-in.ts.
const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
